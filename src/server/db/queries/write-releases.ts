import { releases, users } from '../schema';
import { upsert, type Tx } from './upsert';

export interface ReleaseRows {
  users: (typeof users.$inferInsert)[];
  releases: (typeof releases.$inferInsert)[];
}

export async function writeReleases(tx: Tx, rows: ReleaseRows): Promise<void> {
  await upsert(tx, users, rows.users, { key: [users.id] });
  await upsert(tx, releases, rows.releases, { key: [releases.id] });
}
