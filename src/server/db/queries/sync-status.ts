/** Where every repository's sync stands, and the latest sync runs. */
import { and, desc, eq, gte } from 'drizzle-orm';
import type { Db } from '../client';
import { repositories, syncRuns, syncState } from '../schema';

export async function listSyncStates(db: Db) {
  return db
    .select({
      repoId: syncState.repoId,
      resource: syncState.resource,
      watermark: syncState.watermark,
      inProgress: syncState.cursor,
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
      warnings: syncRuns.summary,
    })
    .from(syncRuns)
    .orderBy(desc(syncRuns.id))
    .limit(limit);
}

/** When the latest sync still recorded as running started, if it started at or after `since`. */
export async function latestRunningSince(db: Db, since: Date): Promise<Date | null> {
  const [run] = await db
    .select({ startedAt: syncRuns.startedAt })
    .from(syncRuns)
    .where(and(eq(syncRuns.status, 'running'), gte(syncRuns.startedAt, since)))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1);
  return run?.startedAt ?? null;
}
