import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { incidents, repositoryLabels, users } from '../schema';
import { upsert, type Tx } from './upsert';

export interface IncidentRows {
  users: (typeof users.$inferInsert)[];
  incidents: (typeof incidents.$inferInsert)[];
}

export async function writeIncidents(tx: Tx, rows: IncidentRows): Promise<void> {
  await upsert(tx, users, rows.users, { key: [users.id] });
  await upsert(tx, incidents, rows.incidents, { key: [incidents.id] });
}

/**
 * Labels are only added: the list arrives page by page, so a page cannot replace the set. A label
 * deleted on GitHub lingers here, which costs at most one empty issues query per sync.
 */
export async function writeRepositoryLabels(tx: Tx, repoId: number, names: string[]): Promise<void> {
  await upsert(
    tx,
    repositoryLabels,
    names.map((name) => ({ repoId, name })),
    { key: [repositoryLabels.repoId, repositoryLabels.name], update: [] },
  );
}

/** The names of a repository's stored labels. */
export async function listRepositoryLabels(db: Db, repoId: number): Promise<string[]> {
  const rows = await db.select({ name: repositoryLabels.name }).from(repositoryLabels).where(eq(repositoryLabels.repoId, repoId));
  return rows.map((r) => r.name);
}
