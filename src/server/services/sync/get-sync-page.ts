/** What the sync page shows; nothing secret (the token never leaves the server). */
import type { Config } from '@/config/env';
import type { Db } from '@/server/db/client';
import { getSyncStatus } from '../get-sync-status';
import type { SyncPage } from './sync-page.types';
import { liveSync } from './sync-now';

export async function getSyncPage(db: Db, config: Config): Promise<SyncPage> {
  const status = await getSyncStatus(db);
  const live = liveSync();
  const auth = config.github.auth.kind;
  const cannotStart =
    auth === 'none'
      ? 'No GitHub credentials are configured: set GITHUB_TOKEN (or a GitHub App) and restart.'
      : config.repos.length === 0
        ? 'No repositories are configured: set LEADLINE_REPOS and restart.'
        : live?.status === 'running'
          ? 'A sync is running.'
          : status.lastRun?.status === 'running'
            ? 'A sync started by another process is running.'
            : null;
  return {
    github: { auth, apiHost: new URL(config.github.apiUrl).host },
    configuredTargets: config.repos,
    cannotStart,
    repositories: status.repositories,
    lastRun: status.lastRun,
    live,
  };
}
