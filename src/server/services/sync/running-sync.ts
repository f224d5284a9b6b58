/**
 * Whether a sync is running anywhere (this process, another app process, a `leadline sync` from
 * cron), as far as the database can tell. A run stays "running" in sync_runs if its process died,
 * so a run counts as running only while it shows signs of life: it started recently, or (the
 * newest run only, since sync_state is shared) a resource pass started or completed recently.
 * sync_state moves at least once per repository and resource; a single pass that takes longer than
 * STALE_RUN_MS without completing (a huge first backfill waiting out a rate limit) looks dead.
 */
import type { Db } from '@/server/db/client';
import { latestSyncActivity, listRunningSyncRuns } from '@/server/db/queries/sync-status';

/** A run recorded as running that has shown no sign of life for this long is taken for dead. */
export const STALE_RUN_MS = 30 * 60 * 1000;

export interface RunningSync {
  runId: number;
  startedAt: Date;
  /** Its latest sign of life. */
  lastActivityAt: Date;
}

export interface RunLiveness {
  /** Running runs that still show signs of life, newest first. */
  alive: RunningSync[];
  /** Running runs taken for dead (their process is gone, or silent for too long). */
  staleIds: number[];
}

export async function runLiveness(db: Db, now: Date, staleMs = STALE_RUN_MS): Promise<RunLiveness> {
  const [running, activity] = await Promise.all([listRunningSyncRuns(db, 20), latestSyncActivity(db)]);
  const since = now.getTime() - staleMs;
  const result: RunLiveness = { alive: [], staleIds: [] };
  for (const run of running) {
    const shared = run.id === activity.newestRunId && activity.lastActivityAt && activity.lastActivityAt > run.startedAt ? activity.lastActivityAt : null;
    const lastActivityAt = shared ?? run.startedAt;
    if (lastActivityAt.getTime() >= since) result.alive.push({ runId: run.id, startedAt: run.startedAt, lastActivityAt });
    else result.staleIds.push(run.id);
  }
  return result;
}

/** The newest sync that counts as running, if any. */
export async function findRunningSync(db: Db, now: Date, staleMs = STALE_RUN_MS): Promise<RunningSync | null> {
  return (await runLiveness(db, now, staleMs)).alive[0] ?? null;
}
