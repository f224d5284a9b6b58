/**
 * Runs a sync with the configured GitHub, repositories and horizon: the one entry point for the CLI
 * and the dashboard's "Sync now" (sync-now.ts).
 */
import { resolveSince, type Config } from '@/config/env';
import type { Db } from '@/server/db/client';
import { createGitHubClient, type GitHubClient, type GitHubClientOptions } from '@/server/github/client';
import type { SyncProgress } from '@/server/github/sync-context';
import { runSync, type SyncResult } from '@/server/github/sync';
import type { Logger } from '@/server/logger';

export interface SyncRepositoriesInput {
  config: Config;
  db: Db;
  logger: Logger;
  /** Overrides the configured targets (`sync --repo`). */
  repos?: string[];
  /** Refetch from this date whatever the watermarks say (`sync --since`). */
  since?: Date;
  onProgress?: (progress: SyncProgress) => void;
  /** Given the client's counters once, before the first request: they change live as the sync runs. */
  onStats?: (stats: Readonly<GitHubClient['stats']>) => void;
  /** Client tuning (tests and the demo talk to a local fake and need no pacing). */
  client?: Partial<Pick<GitHubClientOptions, 'graphqlIntervalMs' | 'retries' | 'backoffMs' | 'clock' | 'onWait'>>;
  now?: () => Date;
}

export class NothingToSyncError extends Error {
  override name = 'NothingToSyncError';
}

export async function syncRepositories(input: SyncRepositoriesInput): Promise<SyncResult> {
  const targets = input.repos ?? input.config.repos;
  if (targets.length === 0) {
    throw new NothingToSyncError('No repositories to sync: set LEADLINE_REPOS (owner/name, comma-separated, or org:NAME) or pass --repo owner/name');
  }
  const now = input.now ?? (() => new Date());
  const github = createGitHubClient({
    apiUrl: input.config.github.apiUrl,
    auth: input.config.github.auth,
    logger: input.logger,
    ...input.client,
  });
  input.onStats?.(github.stats);
  return runSync({
    db: input.db,
    github,
    logger: input.logger,
    targets,
    horizon: resolveSince(input.config.syncSince, now()),
    sinceOverride: input.since,
    incidentLabel: input.config.incidentLabel,
    coverageArtifacts: input.config.coverageArtifacts ?? undefined,
    now,
    onProgress: input.onProgress,
  });
}
