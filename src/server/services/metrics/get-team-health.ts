/**
 * The team-health overview: the headline cards for the period against the period just before it,
 * the phases of cycle time per week, and the lists of what needs attention now.
 */
import { pullRequestTimestamps } from '@/metrics/pull-requests/timestamps';
import { isCountedPullRequest } from '@/metrics/pull-requests/pull-request-ref';
import { span } from '@/metrics/time';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import type { ComputedMetrics } from './compute-metrics';
import { metricCards } from './metric-cards';
import { metricContext, previousPeriod, type MetricContext } from './metric-context';
import type { MetricsQuery } from './metrics-query.types';
import type { TeamHealth } from './team-health.types';

/** What needs attention now, with the period's coverage drops, loose deployment ends and anomalies. */
export function attentionOf(current: ComputedMetrics, context: MetricContext): TeamHealth['attention'] {
  const { options } = context.scope;
  const now = options.now;
  const awaiting = context.records.pullRequests
    .filter((pr) => pr.state === 'open' && !pr.isDraft && pr.createdAt <= now && isCountedPullRequest(pr, options))
    .flatMap((pr) => {
      const ts = pullRequestTimestamps(pr, options);
      if (!ts.readyAt || ts.firstReviewAt) return [];
      return [
        { repo: pr.repo, number: pr.number, title: pr.title, author: pr.author.login, readyAt: ts.readyAt, ageSeconds: span(ts.readyAt, now, options).seconds },
      ];
    })
    .sort((a, b) => a.readyAt.getTime() - b.readyAt.getTime());
  const repoName = (id: number) => context.repoNames.get(id) ?? String(id);
  return {
    awaitingFirstReview: awaiting,
    waitingReviewRequests: current.pullRequests.waitingReviewRequests
      .map((r) => ({
        repo: r.repo,
        number: r.number,
        title: r.title,
        author: r.author,
        reviewer: r.team ? `team ${r.team}` : (r.reviewer ?? ''),
        requestedAt: r.requestedAt,
        ageSeconds: r.seconds,
      }))
      .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime()),
    redBranches: current.ci.overall.redTime.ongoing.map((r) => ({
      repo: r.repo ?? repoName(r.repoId),
      workflow: r.workflow,
      branch: r.branch,
      since: r.startedAt,
      ageSeconds: r.ageSeconds,
      runId: r.failingRunIds.at(-1) ?? 0,
    })),
    coverageDrops: current.coverage.overall.drops.map((d) => ({
      repo: repoName(d.repoId),
      week: d.week,
      fromPct: d.from.pct,
      toPct: d.to.pct,
      change: d.change,
      sha: d.to.sha,
    })),
    unmappedDeployments: current.delivery.unmapped.deployments.map((d) => ({ repo: d.repo, id: d.id, label: d.label, finishedAt: d.finishedAt })),
    undeployedPullRequests: current.delivery.unmapped.pullRequests.map((p) => ({ repo: p.repo, number: p.number, mergedAt: p.mergedAt, reason: p.reason })),
    anomalies: current.pullRequests.anomalies.map((a) => ({ repo: a.repo, number: a.number, title: a.title, author: a.author, phase: a.phase })),
  };
}

export async function getTeamHealth(db: Db, query: MetricsQuery, settings: MetricSettings, now: Date): Promise<TeamHealth> {
  const before = previousPeriod({ from: query.from, to: query.to });
  const context = await metricContext(db, query, settings, now, { earliest: before.from });
  const current = context.compute(context.scope.period);
  const previous = context.compute(before);
  const phaseWeeks = current.pullRequests.weekly;
  return {
    period: context.scope.period,
    previousPeriod: before,
    now,
    preset: query.preset,
    authors: context.scope.authors,
    team: query.authors?.length ? null : (query.team ?? null),
    includeBots: query.includeBots,
    businessTime: query.businessTime,
    timeZone: settings.timeZone,
    repos: context.scope.repos.map((r) => r.fullName),
    cards: metricCards(current, previous, context),
    phases: phaseWeeks.coding.map((w, i) => ({
      week: w.week,
      start: w.start,
      partial: w.partial,
      coding: w.value.p50,
      pickup: phaseWeeks.pickup[i]?.value.p50 ?? null,
      review: phaseWeeks.review[i]?.value.p50 ?? null,
      merge: phaseWeeks.merge[i]?.value.p50 ?? null,
    })),
    attention: attentionOf(current, context),
    deploymentSources: context.facts.detections.map((d) => ({ repo: d.repo, source: d.source, reason: d.reason })),
  };
}
