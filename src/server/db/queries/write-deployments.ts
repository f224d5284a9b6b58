import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { deploymentStatuses, deployments, users } from '../schema';
import { upsert, type Tx } from './upsert';

export interface DeploymentRows {
  users: (typeof users.$inferInsert)[];
  deployments: (typeof deployments.$inferInsert)[];
  statuses: (typeof deploymentStatuses.$inferInsert)[];
}

export async function writeDeployments(tx: Tx, rows: DeploymentRows): Promise<void> {
  await upsert(tx, users, rows.users, { key: [users.id] });
  await upsert(tx, deployments, rows.deployments, { key: [deployments.id] });
  await upsert(tx, deploymentStatuses, rows.statuses, { key: [deploymentStatuses.id] });
}

/** When each of these stored deployments was last updated (ms), by id: a deployment not stored is absent. */
export async function storedDeploymentUpdates(db: Db, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: deployments.id, updatedAt: deployments.updatedAt })
    .from(deployments)
    .where(inArray(deployments.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.updatedAt.getTime()]));
}
