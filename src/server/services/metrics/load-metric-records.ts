/**
 * Every stored fact the metrics of a scope read, loaded once per query. The window runs from the
 * start of the earliest period asked for (minus the loaders' lookbacks: a failure, a PR's deployment
 * or a red stretch may straddle a period's start) to `now`: a deployment in the period fails by what
 * happens after it, and a PR merged in it may ship after it ends.
 */
import { commitAsOf, githubDeploymentAsOf, incidentAsOf, pullRequestAsOf, recordsAsOf, releaseAsOf, workflowRunAsOf } from '@/metrics/as-of';
import type { ArtifactCoverage } from '@/metrics/coverage/point';
import type {
  CommitRecord,
  GitHubDeploymentRecord,
  IncidentRecord,
  PullRequestRecord,
  ReleaseRecord,
  RepositoryRecord,
  WorkflowRunRecord,
} from '@/metrics/records';
import type { Db } from '@/server/db/client';
import { loadDefaultBranchCommits } from '@/server/db/queries/commit-records';
import { loadCoverageArtifacts } from '@/server/db/queries/coverage-artifacts';
import {
  DELIVERY_LOOKBACK_DAYS,
  loadGitHubDeploymentRecords,
  loadIncidentRecords,
  loadReleaseRecords,
  loadRepositoryRecords,
  lookbackStart,
} from '@/server/db/queries/delivery-records';
import { loadPullRequestRecords } from '@/server/db/queries/pull-request-records';
import { loadWorkflowRunRecords } from '@/server/db/queries/workflow-run-records';

export interface MetricRecords {
  repositories: RepositoryRecord[];
  pullRequests: PullRequestRecord[];
  githubDeployments: GitHubDeploymentRecord[];
  releases: ReleaseRecord[];
  incidents: IncidentRecord[];
  /** Every branch: CI health reads them all, deployment detection the default branch's. */
  workflowRuns: WorkflowRunRecord[];
  /** Default-branch history with parents (ancestry) and the coverage reports on each commit. */
  commits: CommitRecord[];
  artifacts: ArtifactCoverage[];
}

export interface RecordWindow {
  repoIds: number[];
  /** The earliest period start the query needs. */
  from: Date;
  now: Date;
}

export async function loadMetricRecords(db: Db, window: RecordWindow, options: { withComments: boolean }): Promise<MetricRecords> {
  const scope = { repoIds: window.repoIds, from: window.from, to: window.now };
  const since = lookbackStart(scope, DELIVERY_LOOKBACK_DAYS);
  const [repositories, pullRequests, githubDeployments, releases, incidents, workflowRuns, commits, artifacts] = await Promise.all([
    loadRepositoryRecords(db, scope.repoIds),
    loadPullRequestRecords(db, scope, { withComments: options.withComments }),
    loadGitHubDeploymentRecords(db, scope),
    loadReleaseRecords(db, scope),
    loadIncidentRecords(db, scope),
    loadWorkflowRunRecords(db, scope, since, { defaultBranchOnly: false }),
    loadDefaultBranchCommits(db, scope, since, { withReports: true }),
    loadCoverageArtifacts(db, scope.repoIds),
  ]);
  return { repositories, pullRequests, githubDeployments, releases, incidents, workflowRuns, commits, artifacts };
}

/**
 * The records as they stood at `asOf` (docs/metrics.md#weeks-and-reports). Coverage artifacts have no
 * time of their own: they count with their commit.
 */
export function metricRecordsAsOf(records: MetricRecords, asOf: Date): MetricRecords {
  return {
    repositories: records.repositories,
    pullRequests: recordsAsOf(records.pullRequests, asOf, pullRequestAsOf),
    githubDeployments: recordsAsOf(records.githubDeployments, asOf, githubDeploymentAsOf),
    releases: recordsAsOf(records.releases, asOf, releaseAsOf),
    incidents: recordsAsOf(records.incidents, asOf, incidentAsOf),
    workflowRuns: recordsAsOf(records.workflowRuns, asOf, workflowRunAsOf),
    commits: recordsAsOf(records.commits, asOf, commitAsOf),
    artifacts: records.artifacts,
  };
}
