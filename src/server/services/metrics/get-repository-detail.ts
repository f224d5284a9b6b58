/**
 * One repository's drill-down over the query's period: the overview's headline cards for it alone,
 * how its deployments were detected, its deployments with failures and recoveries, CI health per
 * workflow, and its coverage trend. Unknown repository: a 400 from resolveScope.
 */
import { recoveryMembers } from '@/metrics/delivery';
import { inPeriod } from '@/metrics/time';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import { metricCards } from './metric-cards';
import { metricContext, previousPeriod } from './metric-context';
import type { MetricsQuery } from './metrics-query.types';
import type { RepositoryDetail } from './repository-detail.types';

export async function getRepositoryDetail(db: Db, query: MetricsQuery, repo: string, settings: MetricSettings, now: Date): Promise<RepositoryDetail> {
  // The same load as the overview of this repository (it needs the previous period too).
  const before = previousPeriod({ from: query.from, to: query.to });
  const context = await metricContext(db, { ...query, repos: [repo] }, settings, now, { earliest: before.from });
  const [repository] = context.scope.repos;
  const detection = context.facts.detections.find((d) => d.repoId === repository!.id)!;
  const { period } = context.scope;
  const computed = context.compute(period);
  const previous = context.compute(before);

  const failures = new Map(computed.delivery.changeFailureRate.members.map((m) => [m.deploymentId, m]));
  // The recovery of each failed deployment listed, as recovery time measures it (docs/metrics.md#failed-deployment-recovery-time).
  const recoveries = new Map(
    recoveryMembers(computed.delivery.changeFailureRate.members, context.records.incidents, context.scope.options).map((r) => [r.deploymentId, r]),
  );
  const shipped = new Map<string, number[]>();
  for (const s of context.facts.mapping.shipped) shipped.set(s.deploymentId, [...(shipped.get(s.deploymentId) ?? []), s.number]);
  // A deployment belongs to the period of its finish, as in the change failure rate (so every
  // finished one has its failure member); a pending one to that of its start. Oldest start first.
  const deployments = detection.deployments
    .filter((d) => (d.finishedAt ? inPeriod(d.finishedAt, period) : inPeriod(d.startedAt, period)))
    .map((d) => {
      const failure = failures.get(d.id);
      return {
        id: d.id,
        label: d.label,
        source: d.source,
        sha: d.sha,
        startedAt: d.startedAt,
        finishedAt: d.finishedAt,
        outcome: d.outcome,
        failed: failure?.failed ?? false,
        reasons: failure?.reasons ?? [],
        recoveredAt: recoveries.get(d.id)?.recoveredAt ?? null,
        shipped: (shipped.get(d.id) ?? []).sort((a, b) => a - b),
      };
    });

  const coverage = computed.coverage.repositories.find((r) => r.repoId === repository!.id);
  return {
    repo: repository!.fullName,
    defaultBranch: repository!.defaultBranch,
    period,
    previousPeriod: before,
    cards: metricCards(computed, previous, context),
    detection: { source: detection.source, chosenBy: detection.chosenBy, reason: detection.reason, candidates: detection.candidates },
    deployments,
    workflows: computed.ci.workflows.map((w) => ({
      workflow: w.workflow,
      runs: w.runs,
      successRate: { value: w.successRate.value, numerator: w.successRate.numerator, denominator: w.successRate.denominator },
      flakyRate: { value: w.flakyRate.value, numerator: w.flakyRate.numerator, denominator: w.flakyRate.denominator },
      durationP50: w.duration.value.p50,
      durationP90: w.duration.value.p90,
      queueP50: w.queue.value.p50,
      redSeconds: w.redTime.totalSeconds,
      redSince: w.redTime.ongoing[0]?.startedAt ?? null,
      weeklySuccess: w.weekly.map((x) => ({ week: x.week, start: x.start, partial: x.partial, value: x.value.successRate, n: x.value.outcomes })),
    })),
    coverage: {
      latest: coverage?.latest?.pct ?? null,
      change: coverage?.change ?? null,
      weekly: (coverage?.weekly ?? []).map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.level, n: w.value.last ? 1 : 0 })),
      points: (coverage?.points ?? []).map((p) => ({ sha: p.sha, committedAt: p.committedAt, pct: p.pct, source: p.source })),
    },
  };
}
