/**
 * "Sync now" from the app: starts the configured sync in this server process and keeps its live
 * progress in memory for the sync page to poll. One sync at a time across every process sharing
 * the database: a run recorded as running whose heartbeat goes on blocks a new one (see
 * running-sync.ts; a run whose process died stays "running" forever, so one without a recent beat does not).
 */
import type { Config } from '@/config/env';
import type { Db } from '@/server/db/client';
import { AppError } from '@/server/errors';
import type { GitHubClient, GitHubWait } from '@/server/github/client';
import type { SyncProgress } from '@/server/github/sync-context';
import { consoleLogger, type Logger } from '@/server/logger';
import { metricSettings } from '@/server/metric-settings';
import { warmOverview } from '../metrics/warm-overview';
import { syncRepositories, type SyncRepositoriesInput } from './sync-repositories';
import { findRunningSync, STALE_RUN_MS } from './running-sync';

export { STALE_RUN_MS } from './running-sync';

export interface LiveSync {
  startedAt: Date;
  finishedAt: Date | null;
  status: 'running' | 'succeeded' | 'failed';
  /** What it syncs: the configured `owner/name` and `org:NAME` targets. */
  targets: string[];
  /** The latest page written: its repository, resource and page number. */
  progress: SyncProgress | null;
  pages: number;
  items: number;
  /** Repositories a page has been written for so far. */
  repositories: number;
  /** GitHub requests made so far (conditional ones answered 304 included). */
  requests: number;
  /** GitHub's rate limit as last seen, and when it resets. */
  rateLimitRemaining: number | null;
  rateLimitResetAt: Date | null;
  /** What the sync is waiting out now (a spent rate limit until its reset, a backoff), or null. */
  waiting: { reason: GitHubWait['reason']; until: Date } | null;
  /** Its sync_runs row, known when it ends. */
  runId: number | null;
  error: string | null;
}

/** What the sync page polls: this process's sync, or one running in another process. */
export interface SyncProgressState {
  live: LiveSync | null;
  elsewhere: { startedAt: Date; lastActivityAt: Date } | null;
}

interface Held {
  live: LiveSync;
  /** The GitHub client's counters while the sync runs (they change with every request). */
  stats: Readonly<GitHubClient['stats']> | null;
  seenRepositories: Set<string>;
}

/**
 * Kept on globalThis: Next.js bundles the API route and the pages separately, each with its own
 * copy of this module, and both must see the sync this process is running.
 */
const holder = globalThis as typeof globalThis & { __leadlineLiveSync?: Held | null };

/** The sync this process started last, if any (a copy, with the request count of this moment). */
export function liveSync(): LiveSync | null {
  const held = holder.__leadlineLiveSync;
  if (!held) return null;
  const live = { ...held.live, progress: held.live.progress && { ...held.live.progress } };
  if (live.status === 'running' && held.stats) {
    live.requests = held.stats.requests;
    live.rateLimitRemaining = held.stats.rateLimitRemaining;
    live.rateLimitResetAt = held.stats.rateLimitResetAt;
    live.waiting = held.stats.waiting && { reason: held.stats.waiting.reason, until: held.stats.waiting.until };
  }
  return live;
}

/** Why a sync cannot start with this configuration (what to set), or null. Not secret. */
export function syncPrecondition(config: Config): { reason: string; fix: 'credentials' | 'repositories' } | null {
  if (config.github.auth.kind === 'none') {
    return {
      fix: 'credentials',
      reason:
        'No GitHub credentials are configured: set GITHUB_TOKEN (or GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID for a GitHub App) and restart the app. See the README, “Use it on your repositories”.',
    };
  }
  if (config.repos.length === 0) {
    return {
      fix: 'repositories',
      reason:
        'No repositories are configured: set LEADLINE_REPOS (owner/name, comma-separated, or org:NAME) and restart the app. See the README, “Use it on your repositories”.',
    };
  }
  return null;
}

/** This process's sync, or else one that counts as running in another process. */
export async function getSyncProgress(db: Db, now: Date): Promise<SyncProgressState> {
  const live = liveSync();
  if (live?.status === 'running') return { live, elsewhere: null };
  const other = await findRunningSync(db, now);
  return { live, elsewhere: other && { startedAt: other.startedAt, lastActivityAt: other.lastActivityAt } };
}

export interface StartSyncInput {
  db: Db;
  config: Config;
  /** Where the sync's warnings and errors go (the console by default). */
  logger?: Logger;
  now: () => Date;
  client?: SyncRepositoriesInput['client'];
}

export async function startSync(input: StartSyncInput): Promise<LiveSync> {
  const logger = input.logger ?? consoleLogger;
  const precondition = syncPrecondition(input.config);
  if (precondition) throw new AppError('PRECONDITION_FAILED', precondition.reason);

  const previous = holder.__leadlineLiveSync ?? null;
  if (previous?.live.status === 'running') {
    throw new AppError('CONFLICT', `A sync is already running: it started here at ${previous.live.startedAt.toISOString()}`);
  }
  const current: LiveSync = {
    startedAt: input.now(),
    finishedAt: null,
    status: 'running',
    targets: [...input.config.repos],
    progress: null,
    pages: 0,
    items: 0,
    repositories: 0,
    requests: 0,
    rateLimitRemaining: null,
    rateLimitResetAt: null,
    waiting: null,
    runId: null,
    error: null,
  };
  const held: Held = { live: current, stats: null, seenRepositories: new Set() };
  // Claimed before the database is asked, so a second click in the meantime is refused too.
  holder.__leadlineLiveSync = held;
  try {
    const other = await findRunningSync(input.db, input.now());
    if (other) {
      throw new AppError(
        'CONFLICT',
        `A sync is already running: it started at ${other.startedAt.toISOString()} in another process (last heartbeat ${other.lastActivityAt.toISOString()}; a run whose heartbeat stops for ${STALE_RUN_MS / 60_000} minutes is taken for dead)`,
      );
    }
  } catch (error) {
    holder.__leadlineLiveSync = previous;
    throw error;
  }

  // Not awaited: the request returns at once and the page polls the progress.
  void syncRepositories({
    config: input.config,
    db: input.db,
    logger,
    client: input.client,
    now: input.now,
    onStats: (stats) => {
      held.stats = stats;
    },
    onProgress: (progress) => {
      current.progress = progress;
      current.pages += 1;
      current.items += progress.items;
      held.seenRepositories.add(progress.repo);
      current.repositories = held.seenRepositories.size;
    },
  }).then(
    (result) => {
      current.status = result.status === 'succeeded' ? 'succeeded' : 'failed';
      const errors = [...result.targetErrors, ...result.repositories.flatMap((r) => r.errors)];
      current.error = result.status === 'succeeded' ? null : errors.join('\n') || 'the sync failed; see the server log';
      current.runId = result.runId;
      current.requests = result.requests;
      current.rateLimitRemaining = result.rateLimitRemaining;
      current.rateLimitResetAt = held.stats?.rateLimitResetAt ?? null;
      current.finishedAt = input.now();
      held.stats = null;
      // The facts changed: give the next visitor a computed overview again.
      if (current.status === 'succeeded') void warmOverview(input.db, metricSettings(input.config), input.now(), logger);
    },
    (error: unknown) => {
      current.status = 'failed';
      current.error = error instanceof Error ? error.message : String(error);
      if (held.stats) {
        current.requests = held.stats.requests;
        current.rateLimitRemaining = held.stats.rateLimitRemaining;
        current.rateLimitResetAt = held.stats.rateLimitResetAt;
      }
      current.finishedAt = input.now();
      held.stats = null;
      logger.error(`sync failed: ${current.error}`);
    },
  );
  return liveSync()!;
}
