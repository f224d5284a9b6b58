/**
 * The tests' Postgres server (TEST_DATABASE_URL): the migrated template's name, the URLs of its
 * databases, and a new database per suite.
 */
import { randomBytes } from 'node:crypto';

/** Overridable so two checkouts can run their tests against one server at once. */
export const POSTGRES_TEMPLATE = process.env.LEADLINE_TEST_TEMPLATE ?? 'leadline_test_template';

/** The server's maintenance URL: CREATE/DROP DATABASE cannot run inside the database they name. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A new Postgres database copied from the migrated template, by URL (for code that opens the
 * database itself, like the CLI); `drop` removes it (close every connection to it first).
 * `{ migrated: false }`: an empty database instead, for a global setup that cannot count on the unit
 * project's template (the browser tests' setup); opening it applies the migrations.
 */
export async function createPostgresTestDatabase(options: { migrated?: boolean } = {}): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  const name = `leadline_test_${randomBytes(6).toString('hex')}`;
  const pg = await import('pg');
  const admin = new pg.default.Client({ connectionString: adminUrl(url) });
  await admin.connect();
  try {
    await admin.query(options.migrated === false ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE ${POSTGRES_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  return {
    url: databaseUrl(url, name),
    async drop() {
      const dropper = new pg.default.Client({ connectionString: adminUrl(url) });
      await dropper.connect();
      try {
        // pg's Pool.end() resolves once it has asked each connection to close, not once they have
        // closed. Forced at once, the drop would terminate them mid-goodbye and each would report
        // FATAL 57P01 to a pool no one listens to any more (an unhandled error that fails the run),
        // so let them go first; FORCE is for a connection that never does.
        for (let wait = 0; wait < 50; wait++) {
          const { rows } = await dropper.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
