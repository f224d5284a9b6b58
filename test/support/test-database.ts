/**
 * A fresh, migrated database per call: PGlite in memory loaded from the template dump, or (when
 * TEST_DATABASE_URL is set) a new Postgres database copied from the migrated template.
 * `describe.each(databaseKinds())` runs a suite on every configured database.
 */
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '@/server/db/client';
import { createPostgresTestDatabase } from './postgres-template';

export { createPostgresTestDatabase };

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
