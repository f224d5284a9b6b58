import type { Config } from '@/config/env';
import { openDatabase } from '@/server/db/client';
import type { SyncResult } from '@/server/github/sync';
import { consoleLogger } from '@/server/logger';
import { findRunningSync, STALE_RUN_MS } from '@/server/services/sync/running-sync';
import { syncRepositories, type SyncRepositoriesInput } from '@/server/services/sync/sync-repositories';
import type { ZSyncArgs } from '../args';
import { progressPrinter } from '../progress';
import type { z } from 'zod';

export async function syncCommand(args: z.infer<typeof ZSyncArgs>, config: Config, client?: SyncRepositoriesInput['client']): Promise<number> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const progress = progressPrinter();
  try {
    // On Postgres another process may be syncing (PGlite's lock already kept any other process out).
    const other = await findRunningSync(database.db, new Date());
    if (other) {
      process.stderr.write(
        `leadline: a sync is already running in another process: started ${other.startedAt.toISOString()}, last heartbeat ${other.lastActivityAt.toISOString()}. ` +
          `Let it finish (leadline status shows it); a run whose heartbeat stops for ${STALE_RUN_MS / 60_000} minutes is taken for dead.\n`,
      );
      return 1;
    }
    const result = await syncRepositories({
      config,
      db: database.db,
      logger: consoleLogger,
      repos: args.repo,
      since: args.since,
      onProgress: progress.onProgress,
      client,
    });
    progress.done();
    printResult(result);
    return result.status === 'succeeded' ? 0 : 1;
  } finally {
    progress.done();
    await database.close();
  }
}

export function printResult(result: SyncResult, out: NodeJS.WritableStream = process.stdout): void {
  for (const repo of result.repositories) {
    const counts = Object.entries(repo.items)
      .map(([resource, n]) => `${resource} ${n}`)
      .join(', ');
    out.write(`${repo.errors.length ? '✗' : '✓'} ${repo.fullName}: ${counts || 'nothing new'}\n`);
    for (const error of repo.errors) out.write(`    ${error}\n`);
  }
  for (const error of result.targetErrors) out.write(`✗ ${error}\n`);
  if (result.warnings.length) out.write(`${result.warnings.length} payload(s) skipped or defaulted; see the warnings above.\n`);
  const rate = result.rateLimitRemaining === null ? '' : `, rate limit ${result.rateLimitRemaining} left`;
  out.write(`Sync ${result.status} in ${result.requests} GitHub requests${rate}.\n`);
}
