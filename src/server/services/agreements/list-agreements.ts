/**
 * Working agreements of a period (docs/agreements.md): per team, each agreement's adherence this
 * period against the period before, its weekly trend and the breaches.
 */
import { agreementAdherence } from '@/metrics/agreements/adherence';
import type { TeamSettings } from '@/config/teams-file';
import type { Period } from '@/metrics/types';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import { metricContext, previousPeriod } from '../metrics/metric-context';
import { ZMetricsQuery } from '../metrics/metrics-query.types';
import { agreementOptions, agreementRecords, teamScope, teamsWithAgreements } from './agreement-records';
import type { AgreementsQuery, TeamAgreements } from './agreements.types';
import { agreementLabel, breachOf } from './describe-agreement';

const value = (r: { value: number | null; numerator: number; denominator: number }) => ({ value: r.value, met: r.numerator, applied: r.denominator });

export async function listAgreements(
  db: Db,
  input: AgreementsQuery,
  settings: MetricSettings,
  teams: Record<string, TeamSettings>,
  now: Date,
  githubUrl: string,
  /** The period to compare with; default: the one of equal length just before (a report passes the previous ISO week). */
  comparedWith?: Period,
): Promise<TeamAgreements[]> {
  const chosen = teamsWithAgreements(teams, input.team);
  if (chosen.length === 0) return [];
  const period = { from: input.from, to: input.to };
  const before = comparedWith ?? previousPeriod(period);
  const query = ZMetricsQuery.parse({ from: period.from, to: period.to, repos: input.repos });
  const context = await metricContext(db, query, settings, now, { earliest: before.from });
  return chosen.map(([slug, team]) => {
    const options = agreementOptions(context, team);
    const records = agreementRecords(context, options.timeZone);
    const scope = teamScope(team);
    const current = agreementAdherence(team.agreements, records, period, scope, options);
    const previous = agreementAdherence(team.agreements, records, before, scope, options);
    return {
      team: slug,
      timeZone: options.timeZone,
      agreements: current.map((a, i) => ({
        agreement: a.agreement,
        label: agreementLabel(a.agreement, a.target),
        target: a.target,
        current: value(a.adherence),
        previous: value(previous[i]!.adherence),
        trend: a.weekly.map((w) => ({ week: w.week, partial: w.partial, ...w.value })),
        // Newest first: the one to look at is the latest.
        breaches: a.breaches.map((b) => breachOf(b, githubUrl)).reverse(),
        kept: a.adherence.members
          .filter((m) => m.met)
          .map((m) => breachOf(m, githubUrl))
          .reverse(),
      })),
    };
  });
}
