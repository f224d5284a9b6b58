/**
 * Whether a sync is running anywhere (this process, another app process, a `leadline sync` from
 * cron), as far as the database can tell. A run stays "running" in sync_runs if its process died,
 * so a run counts as running only while its heartbeat goes on: its process stamps it every
 * HEARTBEAT_MS for as long as it lives (src/server/github/sync-heartbeat.ts), so a sync that has
 * run for hours is still running, and one whose process was killed is dead a few beats later. A
 * run without any beat yet (just started) is judged by its start.
 */
import type { Db } from '@/server/db/client';
import { listRunningSyncRuns } from '@/server/db/queries/sync-status';
import { HEARTBEAT_MS } from '@/server/github/sync-heartbeat';

/** A run recorded as running whose heartbeat stopped this long ago (six missed beats) is taken for dead. */
export const STALE_RUN_MS = 6 * HEARTBEAT_MS;

export interface RunningSync {
  runId: number;
  startedAt: Date;
  /** Its latest sign of life: the last heartbeat, or its start. */
  lastActivityAt: Date;
}

export interface RunLiveness {
  /** Running runs that still show signs of life, newest first. */
  alive: RunningSync[];
  /** Running runs taken for dead (their heartbeat stopped: the process is gone). */
  staleIds: number[];
}

export async function runLiveness(db: Db, now: Date, staleMs = STALE_RUN_MS): Promise<RunLiveness> {
  const running = await listRunningSyncRuns(db, 20);
  const since = now.getTime() - staleMs;
  const result: RunLiveness = { alive: [], staleIds: [] };
  for (const run of running) {
    const lastActivityAt = run.heartbeatAt ?? run.startedAt;
    if (lastActivityAt.getTime() >= since) result.alive.push({ runId: run.id, startedAt: run.startedAt, lastActivityAt });
    else result.staleIds.push(run.id);
  }
  return result;
}

/** The newest sync that counts as running, if any. */
export async function findRunningSync(db: Db, now: Date, staleMs = STALE_RUN_MS): Promise<RunningSync | null> {
  return (await runLiveness(db, now, staleMs)).alive[0] ?? null;
}
