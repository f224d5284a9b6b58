/**
 * A fresh, migrated database per call: PGlite in memory loaded from the template dump, or (when
 * TEST_DATABASE_URL is set) a new Postgres database copied from the migrated template.
 * `describe.each(databaseKinds())` runs a suite on every configured database.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@/server/db/client';
import { POSTGRES_TEMPLATE, adminUrl, databaseUrl } from './postgres-template';

export type DatabaseKind = 'pglite' | 'postgres';

export function databaseKinds(): DatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let templateBytes: Buffer | undefined;

export async function createTestDatabase(kind: DatabaseKind = 'pglite'): Promise<Database> {
  if (kind === 'pglite') {
    templateBytes ??= readFileSync(inject('pgliteTemplate'));
    return openDatabase({ loadDataDir: new Blob([new Uint8Array(templateBytes)]), migrate: false });
  }
  const created = await createPostgresTestDatabase();
  const database = await openDatabase({ url: created.url, migrate: false });
  return {
    ...database,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

/**
 * A new Postgres database copied from the migrated template, by URL (for code that opens the
 * database itself, like the CLI); `drop` removes it (close every connection to it first).
 */
export async function createPostgresTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `leadline_test_${randomBytes(6).toString('hex')}`;
  const pg = await import('pg');
  const admin = new pg.default.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(url, name),
    async drop() {
      const dropper = new pg.default.Client({ connectionString: adminUrl(url) });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}
