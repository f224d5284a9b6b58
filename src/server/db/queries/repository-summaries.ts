/**
 * Inventory counts per stored repository and for the whole organisation: what the first page shows.
 * These are counts of stored facts, not metrics (those live in src/metrics), so they are computed
 * here in SQL. Totals are summed over the same per-repository rows, so a row whose repository is not
 * stored (never expected, but not enforced by a foreign key) counts nowhere rather than only in totals.
 */
import { and, desc, eq, gte, lt, max, min, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import { deployments, pullRequests, repositories, reviews, syncRuns, syncState, workflowRuns } from '../schema';

/** Half-open: `from <= t < to`. */
export interface TimeRange {
  from: Date;
  to: Date;
}

export interface RepositoryCountsRow {
  fullName: string;
  defaultBranch: string;
  isArchived: boolean;
  isPrivate: boolean;
  openPullRequests: number;
  mergedPullRequests: number;
  /** Closed without being merged. */
  closedPullRequests: number;
  mergedInRange: number;
  /** Submitted reviews (a PENDING review is a private draft, not yet a review). */
  reviews: number;
  workflowRuns: number;
  deployments: number;
  /**
   * The oldest of its resources' last completed passes: all of its data is at least this fresh (the
   * definition `leadline status` uses). Resources never completed are left out; null if none has.
   */
  lastSyncedAt: Date | null;
}

export type CountsTotalsRow = Omit<RepositoryCountsRow, 'fullName' | 'defaultBranch' | 'isArchived' | 'isPrivate' | 'lastSyncedAt'> & {
  repositories: number;
};

export interface LatestSyncRunRow {
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
}

/** count(*) is a bigint, which drivers hand back as a string. */
const counted = (expression: SQL) => sql<number>`coalesce(${expression}, 0)`.mapWith(Number);

function perRepositoryCounts(db: Db, mergedRange: TimeRange, fullName?: string) {
  const prCounts = db
    .select({
      repoId: pullRequests.repoId,
      open: sql<number>`count(*) filter (where ${pullRequests.state} = 'open')`.as('pr_open'),
      merged: sql<number>`count(*) filter (where ${pullRequests.state} = 'merged')`.as('pr_merged'),
      closed: sql<number>`count(*) filter (where ${pullRequests.state} = 'closed')`.as('pr_closed'),
      mergedInRange: sql<number>`count(*) filter (where ${and(gte(pullRequests.mergedAt, mergedRange.from), lt(pullRequests.mergedAt, mergedRange.to))})`.as(
        'pr_merged_in_range',
      ),
    })
    .from(pullRequests)
    .groupBy(pullRequests.repoId)
    .as('pr_counts');

  const reviewCounts = db
    .select({ repoId: pullRequests.repoId, reviews: sql<number>`count(*)`.as('review_count') })
    .from(reviews)
    .innerJoin(pullRequests, eq(pullRequests.id, reviews.pullRequestId))
    .where(ne(reviews.state, 'PENDING'))
    .groupBy(pullRequests.repoId)
    .as('review_counts');

  const runCounts = db
    .select({ repoId: workflowRuns.repoId, runs: sql<number>`count(*)`.as('run_count') })
    .from(workflowRuns)
    .groupBy(workflowRuns.repoId)
    .as('run_counts');

  const deploymentCounts = db
    .select({ repoId: deployments.repoId, deployments: sql<number>`count(*)`.as('deployment_count') })
    .from(deployments)
    .groupBy(deployments.repoId)
    .as('deployment_counts');

  const syncs = db
    .select({
      repoId: syncState.repoId,
      lastSyncedAt: min(syncState.lastCompletedAt).as('repo_last_synced_at'),
    })
    .from(syncState)
    .groupBy(syncState.repoId)
    .as('syncs');

  return db
    .select({
      fullName: repositories.fullName,
      defaultBranch: repositories.defaultBranch,
      isArchived: repositories.isArchived,
      isPrivate: repositories.isPrivate,
      openPullRequests: counted(sql`${prCounts.open}`).as('open_pull_requests'),
      mergedPullRequests: counted(sql`${prCounts.merged}`).as('merged_pull_requests'),
      closedPullRequests: counted(sql`${prCounts.closed}`).as('closed_pull_requests'),
      mergedInRange: counted(sql`${prCounts.mergedInRange}`).as('merged_in_range'),
      reviews: counted(sql`${reviewCounts.reviews}`).as('reviews'),
      workflowRuns: counted(sql`${runCounts.runs}`).as('workflow_runs'),
      deployments: counted(sql`${deploymentCounts.deployments}`).as('deployments'),
      lastSyncedAt: sql<Date | null>`${syncs.lastSyncedAt}`.mapWith(syncState.lastCompletedAt).as('last_synced_at'),
    })
    .from(repositories)
    .leftJoin(prCounts, eq(prCounts.repoId, repositories.id))
    .leftJoin(reviewCounts, eq(reviewCounts.repoId, repositories.id))
    .leftJoin(runCounts, eq(runCounts.repoId, repositories.id))
    .leftJoin(deploymentCounts, eq(deploymentCounts.repoId, repositories.id))
    .leftJoin(syncs, eq(syncs.repoId, repositories.id))
    .where(fullName === undefined ? undefined : sql`lower(${repositories.fullName}) = lower(${fullName})`)
    .$dynamic();
}

/** Every stored repository, by name (case-insensitively, as GitHub sorts them). */
export async function selectRepositoryCounts(db: Db, mergedRange: TimeRange): Promise<RepositoryCountsRow[]> {
  return perRepositoryCounts(db, mergedRange).orderBy(sql`lower(${repositories.fullName})`, repositories.id);
}

/** One repository by `owner/name`, matched case-insensitively; undefined when it is not stored. */
export async function selectRepositoryCountsByName(db: Db, fullName: string, mergedRange: TimeRange): Promise<RepositoryCountsRow | undefined> {
  const [row] = await perRepositoryCounts(db, mergedRange, fullName).limit(1);
  return row;
}

export async function selectCountsTotals(db: Db, mergedRange: TimeRange): Promise<CountsTotalsRow> {
  const perRepository = db.$with('per_repository').as(perRepositoryCounts(db, mergedRange));
  const total = (column: SQL.Aliased<number>) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);
  const [row] = await db
    .with(perRepository)
    .select({
      repositories: sql<number>`count(*)`.mapWith(Number),
      openPullRequests: total(perRepository.openPullRequests),
      mergedPullRequests: total(perRepository.mergedPullRequests),
      closedPullRequests: total(perRepository.closedPullRequests),
      mergedInRange: total(perRepository.mergedInRange),
      reviews: total(perRepository.reviews),
      workflowRuns: total(perRepository.workflowRuns),
      deployments: total(perRepository.deployments),
    })
    .from(perRepository);
  // An aggregate without GROUP BY always yields exactly one row.
  return row!;
}

/**
 * When data was last brought up to date: the later of the last successful `leadline sync` and the
 * last completed pass over any repository's resource (a failed run may still have finished some).
 */
export async function selectLastSyncedAt(db: Db): Promise<Date | null> {
  const lastPass = db.select({ at: max(syncState.lastCompletedAt) }).from(syncState);
  // An aggregate without GROUP BY yields one row even when sync_runs is empty.
  const [row] = await db
    .select({
      at: sql<Date | null>`greatest(
        max(${syncRuns.finishedAt}) filter (where ${syncRuns.status} = 'succeeded'),
        (${lastPass})
      )`.mapWith(syncRuns.finishedAt),
    })
    .from(syncRuns);
  return row?.at ?? null;
}

export async function selectLatestSyncRun(db: Db): Promise<LatestSyncRunRow | undefined> {
  const [row] = await db
    .select({ status: syncRuns.status, startedAt: syncRuns.startedAt, finishedAt: syncRuns.finishedAt })
    .from(syncRuns)
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(1);
  return row;
}
