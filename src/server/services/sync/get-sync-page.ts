/** What the sync page shows; nothing secret (the token never leaves the server). */
import type { Config } from '@/config/env';
import type { Db } from '@/server/db/client';
import { getSyncStatus } from './get-sync-status';
import { runLiveness, STALE_RUN_MS } from './running-sync';
import type { SyncPage } from './sync-page.types';
import { liveSync, syncPrecondition } from './sync-now';

const RUNS_SHOWN = 10;

export async function getSyncPage(db: Db, config: Config, now: Date): Promise<SyncPage> {
  const [status, liveness] = await Promise.all([getSyncStatus(db, { runs: RUNS_SHOWN }), runLiveness(db, now)]);
  const live = liveSync();
  const stale = new Set(liveness.staleIds);
  const other = live?.status === 'running' ? null : (liveness.alive[0] ?? null);
  const lastSeen = status.runs.find((r) => r.rateLimitRemaining !== null);
  return {
    github: { auth: config.github.auth.kind, apiHost: new URL(config.github.apiUrl).host },
    configuredTargets: config.repos,
    cannotStart: syncPrecondition(config),
    staleAfterMinutes: STALE_RUN_MS / 60_000,
    rateLimit: lastSeen ? { remaining: lastSeen.rateLimitRemaining!, seenAt: lastSeen.finishedAt ?? lastSeen.startedAt } : null,
    repositories: status.repositories,
    runs: status.runs.map((run) => ({ ...run, stale: run.status === 'running' && stale.has(run.id) })),
    progress: { live, elsewhere: other && { startedAt: other.startedAt, lastActivityAt: other.lastActivityAt } },
  };
}
