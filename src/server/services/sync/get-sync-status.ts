/**
 * Per repository: when each resource last completed, whether a pass is half-way (it will resume),
 * and its last error; plus the latest sync runs.
 */
import type { Db } from '@/server/db/client';
import { listRecentSyncRuns, listRepositoryNames, listSyncStates } from '@/server/db/queries/sync-status';

export interface ResourceSyncStatus {
  resource: string;
  /** The newest change seen by the last complete pass: the next pass asks only for what is newer. */
  watermark: Date | null;
  lastStartedAt: Date | null;
  lastCompletedAt: Date | null;
  /** A pass stopped half-way; the next sync resumes it. */
  resumes: boolean;
  lastError: string | null;
}

export interface RepositorySyncStatus {
  fullName: string;
  /** The oldest completion among its resources: everything is at least this fresh. */
  lastCompletedAt: Date | null;
  resumable: string[];
  errors: { resource: string; error: string }[];
  resources: ResourceSyncStatus[];
}

export interface SyncRunStatus {
  id: number;
  startedAt: Date;
  finishedAt: Date | null;
  status: string;
  error: string | null;
  requests: number;
  rateLimitRemaining: number | null;
  /** Items written, over every repository and resource (known when the run ends). */
  items: number | null;
  warnings: number;
}

export interface SyncStatus {
  repositories: RepositorySyncStatus[];
  lastRun: SyncRunStatus | null;
  /** The latest runs, newest first (`runs` of them, default 1). */
  runs: SyncRunStatus[];
}

export async function getSyncStatus(db: Db, options: { runs?: number } = {}): Promise<SyncStatus> {
  const [repos, states, runs] = await Promise.all([listRepositoryNames(db), listSyncStates(db), listRecentSyncRuns(db, Math.max(1, options.runs ?? 1))]);
  const repositories = repos.map((repo): RepositorySyncStatus => {
    const own = states.filter((s) => s.repoId === repo.id);
    const completions = own.map((s) => s.lastCompletedAt);
    return {
      fullName: repo.fullName,
      lastCompletedAt: completions.length && completions.every(Boolean) ? new Date(Math.min(...completions.map((d) => d!.getTime()))) : null,
      resumable: own.filter((s) => s.inProgress !== null).map((s) => s.resource),
      errors: own.filter((s) => s.lastError).map((s) => ({ resource: s.resource, error: s.lastError! })),
      resources: own.map((s) => ({
        resource: s.resource,
        watermark: s.watermark,
        lastStartedAt: s.lastStartedAt,
        lastCompletedAt: s.lastCompletedAt,
        resumes: s.inProgress !== null,
        lastError: s.lastError,
      })),
    };
  });
  const recent = runs.map((run): SyncRunStatus => ({
    id: run.id,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    status: run.status,
    error: run.error,
    requests: run.requests,
    rateLimitRemaining: run.rateLimitRemaining,
    items: run.summary
      ? Object.values(run.summary.repositories).reduce((sum, byResource) => sum + Object.values(byResource).reduce((a, b) => a + b, 0), 0)
      : null,
    warnings: run.summary?.warnings.length ?? 0,
  }));
  return { repositories, lastRun: recent[0] ?? null, runs: recent };
}
