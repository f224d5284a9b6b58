/**
 * Per repository: when each resource last completed, whether a pass is half-way (it will resume),
 * and its last error; plus the latest sync run.
 */
import type { Db } from '@/server/db/client';
import { listRecentSyncRuns, listRepositoryNames, listSyncStates } from '@/server/db/queries/sync-status';

export interface RepositorySyncStatus {
  fullName: string;
  /** The oldest completion among its resources: everything is at least this fresh. */
  lastCompletedAt: Date | null;
  resumable: string[];
  errors: { resource: string; error: string }[];
}

export interface SyncStatus {
  repositories: RepositorySyncStatus[];
  lastRun: {
    startedAt: Date;
    finishedAt: Date | null;
    status: string;
    error: string | null;
    requests: number;
    rateLimitRemaining: number | null;
    warnings: number;
  } | null;
}

export async function getSyncStatus(db: Db): Promise<SyncStatus> {
  const [repos, states, runs] = await Promise.all([listRepositoryNames(db), listSyncStates(db), listRecentSyncRuns(db, 1)]);
  const repositories = repos.map((repo): RepositorySyncStatus => {
    const own = states.filter((s) => s.repoId === repo.id);
    const completions = own.map((s) => s.lastCompletedAt);
    return {
      fullName: repo.fullName,
      lastCompletedAt: completions.length && completions.every(Boolean) ? new Date(Math.min(...completions.map((d) => d!.getTime()))) : null,
      resumable: own.filter((s) => s.inProgress !== null).map((s) => s.resource),
      errors: own.filter((s) => s.lastError).map((s) => ({ resource: s.resource, error: s.lastError! })),
    };
  });
  const run = runs[0];
  return {
    repositories,
    lastRun: run
      ? {
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          status: run.status,
          error: run.error,
          requests: run.requests,
          rateLimitRemaining: run.rateLimitRemaining,
          warnings: run.warnings?.warnings.length ?? 0,
        }
      : null,
  };
}
