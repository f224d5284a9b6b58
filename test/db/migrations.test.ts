import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '@/server/db/client';
import { repositories } from '@/server/db/schema';
import { createTestDatabase, databaseKinds } from '../support/test-database';

describe.each(databaseKinds())('migrations on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());

  it('creates every table of the schema', async () => {
    const rows = await queryRows<{ table_name: string }>(
      database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    const tables = rows.map((r) => r.table_name);
    for (const table of [
      'repositories',
      'users',
      'pull_requests',
      'reviews',
      'pull_request_events',
      'workflow_run_attempts',
      'deployment_statuses',
      'sync_state',
    ]) {
      expect(tables).toContain(table);
    }
  });

  it('treats repository names case-insensitively, as GitHub does', async () => {
    const row = { id: 1, nodeId: 'R_1', owner: 'Acme', name: 'Api', fullName: 'Acme/Api', defaultBranch: 'main', createdAt: new Date('2026-01-01T00:00:00Z') };
    await database.db.insert(repositories).values(row);
    await expect(database.db.insert(repositories).values({ ...row, id: 2, fullName: 'acme/api' })).rejects.toThrow();
  });
});
