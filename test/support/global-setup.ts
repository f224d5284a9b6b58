/**
 * Prepares the databases every test file clones: a migrated PGlite data directory dumped once to a
 * file (a fresh PGlite takes ~5 s to initialise, loading the dump ~0.6 s), and, when
 * TEST_DATABASE_URL is set, a migrated Postgres template database that each file copies.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { MIGRATIONS_DIR, openDatabase } from '@/server/db/client';
import { POSTGRES_TEMPLATE, adminUrl, databaseUrl } from './postgres-template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

function migrationsHash(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_DIR, file);
    if (file.endsWith('.sql') || file.endsWith('.json')) hash.update(file).update(readFileSync(full));
  }
  return hash.digest('hex').slice(0, 16);
}

export default async function setup(project: TestProject): Promise<void> {
  const templateFile = path.join(os.tmpdir(), `leadline-pglite-template-${migrationsHash()}.tar`);
  if (!existsSync(templateFile)) {
    const database = await openDatabase({});
    const client = (database.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('none');
    writeFileSync(templateFile, Buffer.from(await dump.arrayBuffer()));
    await database.close();
  }
  project.provide('pgliteTemplate', templateFile);

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const pg = await import('pg');
    const admin = new pg.default.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${POSTGRES_TEMPLATE} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${POSTGRES_TEMPLATE}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ url: databaseUrl(url, POSTGRES_TEMPLATE) });
    await database.close();
  }
}
