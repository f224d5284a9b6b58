/**
 * A sync's own record: the run row opened when it starts and closed with its outcome, and the
 * repositories its targets resolved to.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { repositories, syncRuns, type SyncRunSummary } from '../schema';
import { upsert } from './upsert';

export type RepositoryRow = typeof repositories.$inferInsert;

/** Opens a run as `running`; returns its id. */
export async function openSyncRun(db: Db, startedAt: Date): Promise<number> {
  const [run] = await db.insert(syncRuns).values({ startedAt, status: 'running' }).returning({ id: syncRuns.id });
  return run!.id;
}

/** A running sync's sign of life (src/server/github/sync-heartbeat.ts). */
export async function beatSyncRun(db: Db, runId: number, at: Date): Promise<void> {
  await db.update(syncRuns).set({ heartbeatAt: at }).where(eq(syncRuns.id, runId));
}

export interface SyncRunOutcome {
  finishedAt: Date;
  status: 'succeeded' | 'failed';
  error: string | null;
  requests: number;
  rateLimitRemaining: number | null;
  summary: SyncRunSummary;
}

export async function closeSyncRun(db: Db, runId: number, outcome: SyncRunOutcome): Promise<void> {
  await db.update(syncRuns).set(outcome).where(eq(syncRuns.id, runId));
}

export async function writeRepositories(db: Db, rows: readonly RepositoryRow[]): Promise<void> {
  await upsert(db, repositories, [...rows], { key: [repositories.id] });
}
