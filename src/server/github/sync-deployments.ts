/**
 * GitHub Deployments (newest first) with their statuses. Statuses are fetched only for deployments
 * that are new or changed since stored (GitHub bumps a deployment's `updated_at` with each status),
 * and the list stops a week before the watermark: older deployments no longer change.
 */
import { storedDeploymentUpdates, writeDeployments, type DeploymentRows } from '@/server/db/queries/write-deployments';
import { parseItems } from './parse-items';
import { ZDeployment, ZDeploymentStatus, userRow } from './rest-payloads';
import { passStart, type RepoSyncContext } from './sync-context';
import { syncRestList, timeField } from './sync-rest-list';

const SETTLE_MS = 7 * 86_400_000;
const createdAt = timeField('created_at');

export function syncDeployments(ctx: RepoSyncContext): Promise<void> {
  return syncRestList<DeploymentRows>(ctx, {
    resource: 'deployments',
    route: 'GET /repos/{owner}/{repo}/deployments',
    conditional: true,
    params: () => ({ per_page: 100 }),
    itemTime: createdAt,
    isPastEnd: (item, state) => (createdAt(item) ?? new Date(0)) < passStart(ctx, state?.watermark, SETTLE_MS),
    prepare: async (items) => {
      const parsed = parseItems(ZDeployment, items, `deployment in ${ctx.repo.fullName}`, ctx.logger);
      const known = await storedUpdatedAt(
        ctx,
        parsed.map((d) => d.id),
      );
      const rows: DeploymentRows = { users: [], deployments: [], statuses: [] };
      for (const deployment of parsed) {
        const creator = userRow(deployment.creator);
        if (creator) rows.users.push(creator);
        rows.deployments.push({
          id: deployment.id,
          repoId: ctx.repo.id,
          sha: deployment.sha,
          ref: deployment.ref,
          task: deployment.task,
          environment: deployment.environment,
          creatorId: creator?.id ?? null,
          createdAt: deployment.created_at,
          updatedAt: deployment.updated_at,
        });
        if (known.get(deployment.id) === deployment.updated_at.getTime()) continue;
        const statuses = await ctx.github.octokit.paginate('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
          owner: ctx.repo.owner,
          repo: ctx.repo.name,
          deployment_id: deployment.id,
          per_page: 100,
        });
        for (const status of parseItems(ZDeploymentStatus, statuses, `status of deployment ${deployment.id}`, ctx.logger)) {
          rows.statuses.push({ id: status.id, deploymentId: deployment.id, state: status.state, createdAt: status.created_at });
        }
      }
      return { rows, count: rows.deployments.length };
    },
    write: writeDeployments,
  });
}

async function storedUpdatedAt(ctx: RepoSyncContext, ids: number[]): Promise<Map<number, number>> {
  return storedDeploymentUpdates(ctx.db, ids);
}
