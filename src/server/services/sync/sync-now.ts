/**
 * "Sync now" from the app: starts the configured sync in this server process and keeps its live
 * progress in memory for the status page to poll. One sync at a time across every process sharing
 * the database: a run recorded as running and started recently blocks a new one (a run whose
 * process died stays "running" forever, so an old one does not).
 */
import type { Config } from '@/config/env';
import type { Db } from '@/server/db/client';
import { latestRunningSince } from '@/server/db/queries/sync-status';
import { AppError } from '@/server/errors';
import type { SyncProgress } from '@/server/github/sync-context';
import type { Logger } from '@/server/logger';
import { metricSettings } from '@/server/metric-settings';
import { warmOverview } from '../metrics/warm-overview';
import { syncRepositories, type SyncRepositoriesInput } from '../sync-repositories';

/** A running sync that has written nothing for this long is taken for dead. */
export const STALE_RUN_MS = 30 * 60 * 1000;

export interface LiveSync {
  startedAt: Date;
  finishedAt: Date | null;
  status: 'running' | 'succeeded' | 'failed';
  /** The latest page written. */
  progress: SyncProgress | null;
  pages: number;
  items: number;
  error: string | null;
}

/**
 * Kept on globalThis: Next.js bundles the API route and the pages separately, each with its own
 * copy of this module, and both must see the sync this process is running.
 */
const holder = globalThis as typeof globalThis & { __leadlineLiveSync?: LiveSync | null };

/** The sync this process started last, if any (a copy). */
export function liveSync(): LiveSync | null {
  const live = holder.__leadlineLiveSync;
  return live ? { ...live } : null;
}

export interface StartSyncInput {
  db: Db;
  config: Config;
  logger: Logger;
  now: () => Date;
  client?: SyncRepositoriesInput['client'];
}

export async function startSync(input: StartSyncInput): Promise<LiveSync> {
  if (input.config.github.auth.kind === 'none') {
    throw new AppError('PRECONDITION_FAILED', 'No GitHub credentials are configured: set GITHUB_TOKEN (or a GitHub App) and restart, see the README, "Use it on your repositories"');
  }
  if (input.config.repos.length === 0) {
    throw new AppError('PRECONDITION_FAILED', 'No repositories are configured: set LEADLINE_REPOS (owner/name, comma-separated, or org:NAME) and restart');
  }
  const live = holder.__leadlineLiveSync;
  if (live?.status === 'running') throw new AppError('CONFLICT', `A sync started here at ${live.startedAt.toISOString()} is still running`);
  const other = await latestRunningSince(input.db, new Date(input.now().getTime() - STALE_RUN_MS));
  if (other) throw new AppError('CONFLICT', `A sync started at ${other.toISOString()} (by another process) is still running`);

  const current: LiveSync = { startedAt: input.now(), finishedAt: null, status: 'running', progress: null, pages: 0, items: 0, error: null };
  holder.__leadlineLiveSync = current;
  // Not awaited: the request returns at once and the page polls the progress.
  void syncRepositories({
    config: input.config,
    db: input.db,
    logger: input.logger,
    client: input.client,
    now: input.now,
    onProgress: (progress) => {
      current.progress = progress;
      current.pages += 1;
      current.items += progress.items;
    },
  }).then(
    (result) => {
      current.status = result.status === 'succeeded' ? 'succeeded' : 'failed';
      const errors = [...result.targetErrors, ...result.repositories.flatMap((r) => r.errors.map((e) => `${r.fullName}: ${e}`))];
      current.error = result.status === 'succeeded' ? null : errors.join('; ') || 'the sync failed; see the server log';
      current.finishedAt = input.now();
      // The facts changed: give the next visitor a computed overview again.
      if (current.status === 'succeeded') void warmOverview(input.db, metricSettings(input.config), input.now(), input.logger);
    },
    (error: unknown) => {
      current.status = 'failed';
      current.error = error instanceof Error ? error.message : String(error);
      current.finishedAt = input.now();
      input.logger.error(`sync failed: ${current.error}`);
    },
  );
  return { ...current };
}
