/**
 * Per-(repository, resource) sync bookkeeping. Written in the same transaction as the page it
 * describes, so a killed sync leaves the state of its last committed page and nothing else.
 */
import { and, eq } from 'drizzle-orm';
import { syncState } from '../schema';
import type { Tx } from './upsert';

export type SyncStateRow = typeof syncState.$inferSelect;
export type SyncStatePatch = Partial<Omit<SyncStateRow, 'repoId' | 'resource'>>;

export async function readSyncState(tx: Tx, repoId: number, resource: string): Promise<SyncStateRow | undefined> {
  const rows = await tx
    .select()
    .from(syncState)
    .where(and(eq(syncState.repoId, repoId), eq(syncState.resource, resource)));
  return rows[0];
}

export async function writeSyncState(tx: Tx, repoId: number, resource: string, patch: SyncStatePatch): Promise<void> {
  await tx
    .insert(syncState)
    .values({ repoId, resource, ...patch })
    .onConflictDoUpdate({ target: [syncState.repoId, syncState.resource], set: patch });
}

/**
 * Runs one resource's pass with its bookkeeping: the start is recorded, and a failure is recorded
 * (and rethrown) on that resource's own row, so status shows exactly which list is stale and why.
 */
export async function trackPass<T>(tx: Tx, repoId: number, resource: string, now: () => Date, pass: () => Promise<T>): Promise<T> {
  await writeSyncState(tx, repoId, resource, { lastStartedAt: now() });
  try {
    return await pass();
  } catch (error) {
    await writeSyncState(tx, repoId, resource, { lastError: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}
