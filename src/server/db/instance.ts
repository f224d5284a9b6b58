/**
 * The web server's database: opened once per process from the validated config (DATABASE_URL →
 * Postgres, otherwise PGlite in LEADLINE_DATA_DIR) and shared by every request.
 *
 * The promise lives on globalThis because Next's dev server re-evaluates modules on every edit; a
 * module-level cache would open PGlite's data directory a second time, which it does not survive.
 */
import { loadConfig } from '@/config/env';
import { openDatabase, type Database } from './client';

const holder = globalThis as typeof globalThis & { __leadlineDatabase?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.__leadlineDatabase ??= openFromConfig().catch((error: unknown) => {
    // Forget the failure so the next request tries again (a locked data directory, a Postgres
    // server still starting); the error itself, with its message, goes to the caller.
    holder.__leadlineDatabase = undefined;
    throw error;
  });
  return holder.__leadlineDatabase;
}

async function openFromConfig(): Promise<Database> {
  // Throws ConfigError naming the bad variable; deliberately not wrapped, so its message surfaces.
  const config = loadConfig();
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
}

/** Closes the shared database, if one was opened (tests, graceful shutdown). */
export async function closeDatabase(): Promise<void> {
  const pending = holder.__leadlineDatabase;
  holder.__leadlineDatabase = undefined;
  if (pending) await (await pending.catch(() => undefined))?.close();
}
