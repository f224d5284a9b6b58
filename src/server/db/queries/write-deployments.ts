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
