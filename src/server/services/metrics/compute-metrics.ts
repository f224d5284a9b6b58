/**
 * The metric functions run over loaded records, in two steps: everything that does not depend on
 * the period (deployment detection, the PR → deployment mapping, per-PR members and facts, CI run
 * members and red stretches, coverage points) is prepared once per query; each period a query shows
 * (the current one, the one before it, a report's earlier weeks) is then a cheap summary.
 */
import { prepareCi, summariseCi, type CiHealth } from '@/metrics/ci/ci-health';
import { coverageFromPoints, coveragePoints, type CoverageMetrics } from '@/metrics/coverage/coverage-metrics';
import {
  deployedAtByPullRequest,
  detectAllDeployments,
  detectedDeployments,
  leadTime,
  mapPullRequests,
  prepareDelivery,
  summariseDelivery,
  type DeliveryMetrics,
  type Deployment,
  type DeploymentDetection,
  type DeploymentMapping,
} from '@/metrics/delivery';
import { preparePullRequests, summarisePullRequests, type PullRequestMetrics } from '@/metrics/pull-requests/pull-request-metrics';
import type { MetricOptions, Period } from '@/metrics/types';
import type { MetricSettings } from '@/server/metric-settings';
import type { MetricRecords } from './load-metric-records';

export interface DeliveryFacts {
  detections: DeploymentDetection[];
  deployments: Deployment[];
  mapping: DeploymentMapping;
  deployedAt: Map<number, Date>;
}

export interface ComputedMetrics {
  period: Period;
  pullRequests: PullRequestMetrics;
  delivery: DeliveryMetrics;
  ci: CiHealth;
  coverage: CoverageMetrics;
}

/** PRs by these authors (case-insensitive, as GitHub compares logins); null: every PR. */
export type AuthorFilter = ReadonlySet<string> | null;

export function authorFilter(authors: readonly string[] | undefined): AuthorFilter {
  return authors?.length ? new Set(authors.map((a) => a.toLowerCase())) : null;
}

export function deriveDeliveryFacts(records: MetricRecords, settings: MetricSettings): DeliveryFacts {
  const detections = detectAllDeployments(records.repositories, records, settings);
  const deployments = detectedDeployments(detections);
  const mapping = mapPullRequests({ repositories: records.repositories, deployments, pullRequests: records.pullRequests, commits: records.commits });
  return { detections, deployments, mapping, deployedAt: deployedAtByPullRequest(mapping) };
}

/** Computes any period's metrics from one preparation of the records. */
export type PeriodMetrics = (period: Period) => ComputedMetrics;

export function prepareMetrics(
  records: MetricRecords,
  facts: DeliveryFacts,
  options: MetricOptions,
  settings: MetricSettings,
  authors: AuthorFilter = null,
): PeriodMetrics {
  const repoNames = new Map(records.repositories.map((r) => [r.id, r.fullName]));
  const defaultBranchByRepo = new Map(records.repositories.map((r) => [r.id, r.defaultBranch]));
  // Deployments, failures and reverts are found among every PR; only the PR numbers are narrowed.
  const prs = authors ? records.pullRequests.filter((pr) => pr.author.login !== null && authors.has(pr.author.login.toLowerCase())) : records.pullRequests;
  const pullRequests = preparePullRequests(prs, options, facts.deployedAt);
  const delivery = prepareDelivery(
    { deployments: facts.deployments, prs: records.pullRequests, mapping: facts.mapping, incidents: records.incidents },
    options,
    settings,
  );
  const theirs = new Set(prs.map((pr) => pr.id));
  const leads = authors ? delivery.leads.filter((l) => theirs.has(l.prId)) : null;
  const ci = prepareCi(records.workflowRuns, options, { defaultBranchByRepo, repoNames });
  const points = coveragePoints(records.commits, options, records.artifacts);

  return (period) => {
    const summary = summariseDelivery(delivery, period, options, settings);
    return {
      period,
      pullRequests: summarisePullRequests(pullRequests, period, options),
      delivery: leads ? { ...summary, leadTime: leadTime(leads, period) } : summary,
      ci: summariseCi(ci, period, options),
      coverage: coverageFromPoints(points, period, options),
    };
  };
}

/** One period's metrics (prepare + summarise). */
export function computeMetrics(
  records: MetricRecords,
  facts: DeliveryFacts,
  period: Period,
  options: MetricOptions,
  settings: MetricSettings,
  authors: AuthorFilter = null,
): ComputedMetrics {
  return prepareMetrics(records, facts, options, settings, authors)(period);
}
