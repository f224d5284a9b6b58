/**
 * The PR explorer: every PR with activity in the period (created, merged or closed in it, or open at
 * its end), each with the values the metrics use for it, so a table row and a number's explanation
 * always agree. Bot-authored PRs only with the bots switch, as in the metrics.
 */
import { isBot, isOtherHuman } from '@/metrics/bots';
import { pullRequestFacts } from '@/metrics/pull-requests/facts';
import { pullRequestMembers } from '@/metrics/pull-requests/phase-members';
import { PHASES, type PhaseName } from '@/metrics/pull-requests/phases';
import { isCountedPullRequest } from '@/metrics/pull-requests/pull-request-ref';
import { isSubmittedReview, pullRequestTimestamps } from '@/metrics/pull-requests/timestamps';
import type { PullRequestRecord } from '@/metrics/records';
import { inPeriod } from '@/metrics/time';
import type { MetricOptions, Period } from '@/metrics/types';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import { metricContext, previousPeriod } from '../metrics/metric-context';
import type { MetricsQuery } from '../metrics/metrics-query.types';
import type { PullRequestList, PullRequestRow } from './list-pull-requests.types';

/** Created, merged or closed in [from, to), or open at `to`. */
function activeIn(pr: PullRequestRecord, period: Period): boolean {
  if (pr.createdAt >= period.to) return false;
  const end = pr.mergedAt ?? pr.closedAt;
  return inPeriod(pr.createdAt, period) || end === null || end >= period.from;
}

/** The seven phases under the query's preset, from the PR's members (the numbers' own values). */
function phasesOf(pr: PullRequestRecord, deployedAt: Date | null, options: MetricOptions): Pick<PullRequestRow, 'phases' | 'negativePhases'> {
  const phases: Record<PhaseName, number | null> = { coding: null, pickup: null, review: null, merge: null, cycle: null, deploy: null, lead: null };
  const negative = new Set<PhaseName>();
  for (const m of pullRequestMembers(pr, deployedAt, options)) {
    phases[m.phase] = m.seconds;
    if (m.negative) negative.add(m.phase);
  }
  return { phases, negativePhases: PHASES.filter((p) => negative.has(p)) };
}

/** People asked for a review (never a bot) and teams, as `team:slug`. */
function requestedReviewers(pr: PullRequestRecord, options: MetricOptions): string[] {
  const requested = new Set<string>();
  for (const e of pr.events) {
    if (e.kind !== 'review_requested') continue;
    if (e.team) requested.add(`team:${e.team}`);
    else if (e.reviewer?.login && !isBot(e.reviewer, options)) requested.add(e.reviewer.login);
  }
  return [...requested].sort();
}

export async function listPullRequests(db: Db, query: MetricsQuery, settings: MetricSettings, now: Date): Promise<PullRequestList> {
  // The overview's window (it compares with the previous period), like metrics.explain and
  // metrics.repository: a dashboard's pages share one load of the facts, and a row's deployment
  // comes from the same mapping as the numbers it is explained by.
  const context = await metricContext(db, query, settings, now, { earliest: previousPeriod({ from: query.from, to: query.to }).from });
  const { period, options } = context.scope;
  const { authors, facts } = context;
  const shipped = new Map(facts.mapping.shipped.map((s) => [s.prId, s]));
  const unmapped = new Map(facts.mapping.unmappedPullRequests.map((u) => [u.prId, u.reason]));
  const deployments = new Map(facts.deployments.map((d) => [d.id, d]));

  const rows = context.records.pullRequests
    .filter(
      (pr) =>
        activeIn(pr, period) && isCountedPullRequest(pr, options) && (!authors || (pr.author.login !== null && authors.has(pr.author.login.toLowerCase()))),
    )
    .map((pr): PullRequestRow => {
      const ts = pullRequestTimestamps(pr, options);
      const prFacts = pullRequestFacts(pr, ts, options);
      const deployedAt = facts.deployedAt.get(pr.id) ?? null;
      const ship = shipped.get(pr.id);
      const deployment = ship ? deployments.get(ship.deploymentId) : undefined;
      const reviewers = new Set(
        pr.reviews.filter((r) => isSubmittedReview(r) && isOtherHuman(r.author, pr.author, options)).map((r) => r.author.login ?? 'ghost'),
      );
      return {
        id: pr.id,
        repo: pr.repo,
        number: pr.number,
        title: pr.title,
        author: pr.author.login,
        isBot: isBot(pr.author, options),
        state: pr.state,
        draft: pr.isDraft,
        labels: pr.labels,
        createdAt: pr.createdAt,
        readyAt: ts.readyAt,
        firstReviewAt: ts.firstReviewAt,
        firstApprovalAt: ts.firstApprovalAt,
        mergedAt: pr.mergedAt,
        mergedBy: pr.mergedBy?.login ?? null,
        deployedAt,
        ...phasesOf(pr, deployedAt, options),
        additions: prFacts.additions,
        deletions: prFacts.deletions,
        size: prFacts.size,
        commits: new Set(pr.commits.map((c) => c.sha)).size,
        rework: prFacts.rework,
        reviewRounds: prFacts.reviewRounds,
        reviewers: [...reviewers].sort(),
        requestedReviewers: requestedReviewers(pr, options),
        deployment: ship && deployment ? { id: deployment.id, label: deployment.label, source: deployment.source, rule: ship.rule } : null,
        undeployedReason: unmapped.get(pr.id) ?? null,
      };
    });
  rows.sort((a, b) => (b.mergedAt?.getTime() ?? -Infinity) - (a.mergedAt?.getTime() ?? -Infinity) || b.createdAt.getTime() - a.createdAt.getTime());
  return { period, preset: query.preset, rows };
}
