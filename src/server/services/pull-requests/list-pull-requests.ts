/**
 * The PR explorer: every PR with activity in the period (created, merged or closed in it, or open at
 * its end), each with the values the metrics use for it, so a table row and a number's explanation
 * always agree. Bot-authored PRs only with the bots switch, as in the metrics.
 */
import { isBot, isOtherHuman } from '@/metrics/bots';
import { PHASES } from '@/metrics/pull-requests/phases';
import { preparePullRequests } from '@/metrics/pull-requests/pull-request-metrics';
import { pullRequestFacts } from '@/metrics/pull-requests/facts';
import { pullRequestTimestamps } from '@/metrics/pull-requests/timestamps';
import type { PullRequestRecord } from '@/metrics/records';
import { inPeriod } from '@/metrics/time';
import type { Period } from '@/metrics/types';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import { metricContext } from '../metrics/metric-context';
import type { TMetricsQueryParsed } from '../metrics/metrics-query.types';
import type { PullRequestList, PullRequestRow } from './list-pull-requests.types';

function activeIn(pr: PullRequestRecord, period: Period): boolean {
  if (pr.createdAt >= period.to) return false;
  const end = pr.mergedAt ?? pr.closedAt;
  return inPeriod(pr.createdAt, period) || inPeriod(end, period) || end === null || end >= period.to;
}

export async function listPullRequests(db: Db, query: TMetricsQueryParsed, settings: MetricSettings, now: Date): Promise<PullRequestList> {
  const context = await metricContext(db, query, settings, now);
  const { period, options } = context.scope;
  const authors = context.authors;
  const prs = context.records.pullRequests.filter(
    (pr) => activeIn(pr, period) && (!authors || (pr.author.login !== null && authors.has(pr.author.login.toLowerCase()))),
  );
  const prepared = preparePullRequests(prs, options, context.facts.deployedAt);
  const phasesOf = new Map<number, PullRequestRow['phases'] & { negative: string[] }>();
  for (const m of prepared.members) {
    let entry = phasesOf.get(m.prId);
    if (!entry) {
      entry = { coding: null, pickup: null, review: null, merge: null, cycle: null, deploy: null, lead: null, negative: [] };
      phasesOf.set(m.prId, entry);
    }
    entry[m.phase] = m.seconds;
    if (m.negative) entry.negative.push(m.phase);
  }
  const shipped = new Map(context.facts.mapping.shipped.map((s) => [s.prId, s]));
  const unmapped = new Map(context.facts.mapping.unmappedPullRequests.map((u) => [u.prId, u.reason]));
  const deployments = new Map(context.facts.deployments.map((d) => [d.id, d]));

  const rows = prepared.counted.map((pr): PullRequestRow => {
    const ts = pullRequestTimestamps(pr, options);
    const facts = pullRequestFacts(pr, ts, options);
    const { negative, ...phases } = phasesOf.get(pr.id) ?? { coding: null, pickup: null, review: null, merge: null, cycle: null, deploy: null, lead: null, negative: [] };
    const ship = shipped.get(pr.id);
    const deployment = ship ? deployments.get(ship.deploymentId) : undefined;
    const reviewers = new Set(pr.reviews.filter((r) => r.state !== 'PENDING' && isOtherHuman(r.author, pr.author, options)).map((r) => r.author?.login ?? 'ghost'));
    const requested = new Set(
      pr.events.filter((e) => e.kind === 'review_requested').map((e) => (e.team ? `team:${e.team}` : (e.reviewer?.login ?? null))).filter((r): r is string => r !== null),
    );
    return {
      id: pr.id,
      repo: pr.repo,
      number: pr.number,
      title: pr.title,
      author: pr.author.login,
      authorIsBot: isBot(pr.author, options),
      state: pr.state,
      draft: pr.isDraft,
      labels: pr.labels,
      createdAt: pr.createdAt,
      readyAt: ts.readyAt,
      firstReviewAt: ts.firstReviewAt,
      firstApprovalAt: ts.firstApprovalAt,
      mergedAt: pr.mergedAt,
      mergedBy: pr.mergedBy?.login ?? null,
      deployedAt: context.facts.deployedAt.get(pr.id) ?? null,
      phases,
      negativePhases: PHASES.filter((p) => negative.includes(p)),
      additions: facts.additions,
      deletions: facts.deletions,
      size: facts.size,
      commits: new Set(pr.commits.map((c) => c.sha)).size,
      rework: facts.rework,
      reviewRounds: facts.reviewRounds,
      reviewers: [...reviewers].sort(),
      requested: [...requested].sort(),
      deployment: ship && deployment ? { id: deployment.id, label: deployment.label, source: deployment.source, rule: ship.rule } : null,
      undeployedReason: unmapped.get(pr.id) ?? null,
    };
  });
  rows.sort((a, b) => (b.mergedAt?.getTime() ?? -Infinity) - (a.mergedAt?.getTime() ?? -Infinity) || b.createdAt.getTime() - a.createdAt.getTime());
  return { period, preset: query.preset, rows };
}
