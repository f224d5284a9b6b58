/**
 * `leadline nudge` (docs/agreements.md#nudges): per team with agreements, what breaks one right now
 * (PRs waiting for a first review past the target, review requests past the target by reviewer, red
 * default branches past the target), posted to Slack and/or the webhook, and only inside the team's
 * working hours. Each item is posted once until its state changes (remembered in `nudges_sent`).
 * `digest`: everything breaking now, whatever was posted before (a daily summary; it does not change
 * what the nudges remember). `dryRun`: nothing posted, nothing remembered.
 */
import type { TeamSettings } from '@/config/teams-file';
import { configuredAgreements, currentBreaches } from '@/metrics/agreements/adherence';
import { describeWorkingHours, withinWorkingHours } from '@/metrics/agreements/working-hours';
import type { Db } from '@/server/db/client';
import { loadNudgedStates, recordNudges } from '@/server/db/queries/nudges';
import type { MetricSettings } from '@/server/metric-settings';
import { metricContext } from '../metrics/metric-context';
import { ZMetricsQuery } from '../metrics/metrics-query.types';
import { agreementOptions, agreementRecords, teamScope, teamsWithAgreements } from '../agreements/agreement-records';
import type { AgreementBreach } from '../agreements/agreements.types';
import { agreementLabel, breachOf } from '../agreements/describe-agreement';
import { postJson, type DeliveryOptions } from '../reports/deliver-report';
import { nudgeMessage, slackPayload, webhookPayload, type NudgeMessage } from './nudge-message';

/** How far back breaking items are looked for: a PR waiting longer than this is found anyway (open PRs are always loaded). */
const LOOKBACK_DAYS = 30;

export interface NudgeInput {
  digest: boolean;
  dryRun: boolean;
  team?: string;
}

export interface NudgeTargets {
  slack: string | null;
  generic: string | null;
  delivery?: DeliveryOptions;
}

export type TeamNudgeStatus = 'sent' | 'nothing-new' | 'outside-working-hours' | 'dry-run';

export interface TeamNudge {
  team: string;
  status: TeamNudgeStatus;
  /** "Mon, Tue, Wed, Thu, Fri 09:00–17:00 Europe/Berlin". */
  workingHours: string;
  insideWorkingHours: boolean;
  /** Everything breaking an agreement now. */
  breaching: number;
  /** What was (or, dry run, would be) posted. */
  message: NudgeMessage | null;
}

const NUDGED: ReadonlySet<string> = new Set(['firstReview', 'reviewResponse', 'redBranch']);

export async function runNudges(
  db: Db,
  input: NudgeInput,
  settings: MetricSettings,
  teams: Record<string, TeamSettings>,
  now: Date,
  githubUrl: string,
  targets: NudgeTargets,
): Promise<TeamNudge[]> {
  const chosen = teamsWithAgreements(teams, input.team).filter(([, team]) => configuredAgreements(team.agreements).some((a) => NUDGED.has(a.agreement)));
  if (chosen.length === 0) return [];
  const query = ZMetricsQuery.parse({ from: new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000), to: now });
  const context = await metricContext(db, query, settings, now);
  const results: TeamNudge[] = [];
  for (const [slug, team] of chosen) {
    const options = agreementOptions(context, team);
    const breaches = currentBreaches(team.agreements, agreementRecords(context, options.timeZone), teamScope(team), options).map((m) => breachOf(m, githubUrl));
    const inside = withinWorkingHours(now, team.workingHours, options.timeZone);
    const base = {
      team: slug,
      workingHours: describeWorkingHours(team.workingHours, options.timeZone),
      insideWorkingHours: inside,
      breaching: breaches.length,
    };
    if (!inside && !input.dryRun) {
      results.push({ ...base, status: 'outside-working-hours', message: null });
      continue;
    }
    const fresh = input.digest ? breaches : await unsent(db, slug, breaches);
    if (fresh.length === 0) {
      results.push({ ...base, status: 'nothing-new', message: null });
      continue;
    }
    const labels = new Map(configuredAgreements(team.agreements).map((a) => [a.agreement, agreementLabel(a.agreement, a.target)]));
    const message = nudgeMessage(slug, fresh, input.digest, labels);
    if (!input.dryRun) {
      if (targets.slack) await postJson('Slack webhook', targets.slack, slackPayload(message), targets.delivery);
      if (targets.generic) await postJson('webhook', targets.generic, webhookPayload(message), targets.delivery);
      if (!input.digest)
        await recordNudges(
          db,
          slug,
          fresh.map((b) => ({ itemKey: b.key, state: b.state })),
          now,
        );
    }
    results.push({ ...base, status: input.dryRun ? 'dry-run' : 'sent', message });
  }
  return results;
}

async function unsent(db: Db, team: string, breaches: AgreementBreach[]): Promise<AgreementBreach[]> {
  const nudged = await loadNudgedStates(
    db,
    team,
    breaches.map((b) => b.key),
  );
  return breaches.filter((b) => nudged.get(b.key) !== b.state);
}
