/**
 * Idempotent bulk writes keyed on GitHub ids: the same payload written twice leaves the same rows.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgTransaction } from 'drizzle-orm/pg-core';
import type { Db } from '../client';

export type Tx = Db | PgTransaction<any, any, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Postgres takes at most 65 535 bind parameters per statement. */
const MAX_PARAMETERS = 30_000;

interface UpsertOptions<T extends PgTable> {
  /** The conflict target: the table's key columns. */
  key: PgColumn[];
  /** Columns to overwrite on conflict (default: every non-key column). `[]` means DO NOTHING. */
  update?: (keyof T['$inferInsert'])[];
}

export async function upsert<T extends PgTable>(tx: Tx, table: T, rows: T['$inferInsert'][], options: UpsertOptions<T>): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keyNames = new Set(options.key.map((c) => c.name));
  const keyProps = Object.keys(columns).filter((prop) => keyNames.has(columns[prop]!.name));

  // ON CONFLICT DO UPDATE refuses to touch one row twice in a statement: keep the last of each key.
  const unique = new Map<string, T['$inferInsert']>();
  for (const row of rows) {
    const record = row as Record<string, unknown>;
    unique.set(JSON.stringify(keyProps.map((p) => record[p])), row);
  }
  const deduped = [...unique.values()];

  const updateProps = (options.update as string[] | undefined) ?? Object.keys(columns).filter((p) => !keyProps.includes(p));
  const set: Record<string, SQL> = {};
  for (const prop of updateProps) set[prop] = sql.raw(`excluded."${columns[prop]!.name}"`);

  const chunkSize = Math.max(1, Math.floor(MAX_PARAMETERS / Object.keys(columns).length));
  for (let i = 0; i < deduped.length; i += chunkSize) {
    const chunk = deduped.slice(i, i + chunkSize);
    const insert = tx.insert(table).values(chunk);
    if (updateProps.length === 0) await insert.onConflictDoNothing({ target: options.key });
    else await insert.onConflictDoUpdate({ target: options.key, set });
  }
}
