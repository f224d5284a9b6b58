/** Where every repository's sync stands, and the latest sync runs. */
import { desc, eq, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../client';
import { repositories, syncRuns, syncState } from '../schema';

export async function listSyncStates(db: Db) {
  return db
    .select({
      repoId: syncState.repoId,
      resource: syncState.resource,
      watermark: syncState.watermark,
      inProgress: syncState.cursor,
      lastStartedAt: syncState.lastStartedAt,
      lastCompletedAt: syncState.lastCompletedAt,
      lastError: syncState.lastError,
    })
    .from(syncState)
    .orderBy(syncState.repoId, syncState.resource);
}

export async function listRepositoryNames(db: Db) {
  return db.select({ id: repositories.id, fullName: repositories.fullName }).from(repositories).orderBy(repositories.fullName);
}

export async function listRecentSyncRuns(db: Db, limit: number) {
  return db
    .select({
      id: syncRuns.id,
      startedAt: syncRuns.startedAt,
      finishedAt: syncRuns.finishedAt,
      status: syncRuns.status,
      error: syncRuns.error,
      requests: syncRuns.requests,
      rateLimitRemaining: syncRuns.rateLimitRemaining,
      summary: syncRuns.summary,
    })
    .from(syncRuns)
    .orderBy(desc(syncRuns.id))
    .limit(limit);
}

/** Runs still recorded as running (a run whose process died stays so), newest first, with their last heartbeat. */
export async function listRunningSyncRuns(db: Db, limit: number) {
  return db
    .select({ id: syncRuns.id, startedAt: syncRuns.startedAt, heartbeatAt: syncRuns.heartbeatAt })
    .from(syncRuns)
    .where(eq(syncRuns.status, 'running'))
    .orderBy(desc(syncRuns.id))
    .limit(limit);
}

/**
 * A fingerprint of the stored facts that changes whenever a sync writes a page (every page moves a
 * cursor or watermark in sync_state) or a run starts or ends, plus the row counts of the busiest
 * tables for writes that bypass the sync. Cheap: sync_state has a row per repository and resource.
 */
export async function factsFingerprint(db: Db): Promise<string> {
  const [row] = await queryRows<{ fingerprint: string }>(
    db,
    sql`select concat_ws(':',
      (select coalesce(sum(hashtext(concat_ws('|', repo_id, resource, watermark, pending_watermark, cursor, last_completed_at))), 0) from sync_state),
      (select coalesce(max(id), 0) from sync_runs),
      (select count(*) from sync_runs where status = 'running'),
      (select count(*) from pull_requests),
      (select count(*) from workflow_runs),
      (select count(*) from deployments),
      (select count(*) from commits)) as fingerprint`,
  );
  return row?.fingerprint ?? '';
}
