/**
 * Opens Leadline's database: a real Postgres server when a URL is given, otherwise embedded PGlite
 * in a directory on disk. Both get the same schema and the same committed migrations, applied on open.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { lockDataDir } from './data-dir-lock';
import * as schema from './schema';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /** `pglite` or `postgres`, for messages and for the one-process caveat of PGlite. */
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** postgres:// URL; when absent, PGlite in `dataDir`. */
  url?: string;
  dataDir?: string;
  /** A PGlite data directory dump to start from (tests load a migrated template, skipping initdb). */
  loadDataDir?: Blob;
  /** Skip applying migrations (the template already has them). */
  migrate?: boolean;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const database = options.url ? await openPostgres(options.url) : await openPglite(options.dataDir, options.loadDataDir);
  if (options.migrate !== false) {
    try {
      await migrateDatabase(database);
    } catch (error) {
      await database.close();
      throw error;
    }
  }
  return database;
}

async function openPostgres(url: string): Promise<Database> {
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new Pool({ connectionString: url, max: 10 });
  const db = drizzle(pool, { schema });
  return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  // PGlite creates the data directory itself but not its parents.
  if (dataDir) mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
  // One process at a time on disk (data-dir-lock.ts); an in-memory database is this process's alone.
  const lock = dataDir ? await lockDataDir(dataDir) : null;
  let client: import('@electric-sql/pglite').PGlite;
  try {
    client = await PGlite.create(dataDir ? path.resolve(dataDir) : undefined, { loadDataDir });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzle(client, { schema });
  const close = async () => {
    try {
      await client.close();
    } finally {
      lock?.release();
    }
  };
  return { db: db as unknown as Db, kind: 'pglite', close };
}

export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.kind === 'postgres') {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, config);
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, config);
  }
}

/** Raw SQL for the rare query Drizzle's builder cannot express; both drivers answer `{ rows }`. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
