/**
 * A sync run's heartbeat: while the run's process lives, its sync_runs row is stamped every
 * HEARTBEAT_MS, whatever the sync is doing (a page, a rate-limit wait, a huge first backfill). A
 * run recorded as running whose stamp is older than a few beats is dead; see
 * src/server/services/sync/running-sync.ts.
 */
import type { Db } from '@/server/db/client';
import { beatSyncRun } from '@/server/db/queries/write-sync-run';
import type { Logger } from '@/server/logger';

export const HEARTBEAT_MS = 30_000;

export interface Heartbeat {
  /** Stops beating (the run is over), after any beat in flight. */
  stop(): Promise<void>;
}

export function startHeartbeat(db: Db, runId: number, now: () => Date, logger: Logger, intervalMs = HEARTBEAT_MS): Heartbeat {
  let inFlight: Promise<void> | null = null;
  const beat = () => {
    // One stamp at a time, so a slow database never sees them out of order.
    if (inFlight) return;
    inFlight = beatSyncRun(db, runId, now())
      .catch((error: unknown) => {
        // A missed beat is not the sync's failure; several in a row make the run look dead, which is the point.
        logger.warn(`sync run ${runId}: heartbeat not recorded: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        inFlight = null;
      });
  };
  beat();
  const timer = setInterval(beat, intervalMs);
  // The heartbeat alone never keeps a process alive.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
    },
  };
}
