/**
 * The metric functions run over loaded records. Deployment detection and the PR → deployment
 * mapping do not depend on the period, so they are derived once and shared by every period a query
 * computes (the current one and the one before it, for the change on each card).
 */
import { ciHealth, type CiHealth } from '@/metrics/ci/ci-health';
import { coverageMetrics, type CoverageMetrics } from '@/metrics/coverage/coverage-metrics';
import {
  deliveryMetrics,
  deployedAtByPullRequest,
  leadTime,
  leadTimeMembers,
  detectAllDeployments,
  detectedDeployments,
  mapPullRequests,
  type DeliveryMetrics,
  type Deployment,
  type DeploymentDetection,
  type DeploymentMapping,
} from '@/metrics/delivery';
import { pullRequestMetrics, type PullRequestMetrics } from '@/metrics/pull-requests/pull-request-metrics';
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

export function deriveDeliveryFacts(records: MetricRecords, settings: MetricSettings): DeliveryFacts {
  const detections = detectAllDeployments(records.repositories, records, settings);
  const deployments = detectedDeployments(detections);
  const mapping = mapPullRequests({ repositories: records.repositories, deployments, pullRequests: records.pullRequests, commits: records.commits });
  return { detections, deployments, mapping, deployedAt: deployedAtByPullRequest(mapping) };
}

/** PRs by these authors (case-insensitive, as GitHub compares logins); null: every PR. */
export type AuthorFilter = ReadonlySet<string> | null;

export function authorFilter(authors: readonly string[] | undefined): AuthorFilter {
  return authors?.length ? new Set(authors.map((a) => a.toLowerCase())) : null;
}

export function computeMetrics(
  records: MetricRecords,
  facts: DeliveryFacts,
  period: Period,
  options: MetricOptions,
  settings: MetricSettings,
  authors: AuthorFilter = null,
): ComputedMetrics {
  const repoNames = new Map(records.repositories.map((r) => [r.id, r.fullName]));
  const defaultBranchByRepo = new Map(records.repositories.map((r) => [r.id, r.defaultBranch]));
  // Deployments, failures and reverts are found among every PR; only the PR numbers are narrowed.
  const prs = authors ? records.pullRequests.filter((pr) => pr.author.login !== null && authors.has(pr.author.login.toLowerCase())) : records.pullRequests;
  const delivery = deliveryMetrics(
    { deployments: facts.deployments, prs: records.pullRequests, mapping: facts.mapping, incidents: records.incidents },
    period,
    options,
    settings,
  );
  return {
    period,
    pullRequests: pullRequestMetrics(prs, period, options, facts.deployedAt),
    delivery: authors ? { ...delivery, leadTime: leadTime(leadTimeMembers(prs, facts.mapping, options), period) } : delivery,
    ci: ciHealth(records.workflowRuns, period, options, { defaultBranchByRepo, repoNames }),
    coverage: coverageMetrics(records.commits, period, options, records.artifacts),
  };
}
