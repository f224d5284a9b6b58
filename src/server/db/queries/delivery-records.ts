/**
 * The facts deployment detection and DORA need for a period: GitHub Deployments with their statuses,
 * default-branch workflow runs (deploy workflows are picked by the configured pattern in the metrics,
 * not in SQL, so the pattern is one JavaScript RegExp everywhere), releases, incidents, and the
 * default-branch history with parents for mapping PRs to deployments by ancestry.
 *
 * From `LOOKBACK` before the period (a failure's recovery, or a PR's deployment, may straddle its
 * start) to now (a failure in the period is recovered by the next success, whenever it comes).
 */
import { and, asc, gte, inArray } from 'drizzle-orm';
import type { GitHubDeploymentRecord, IncidentRecord, ReleaseRecord, RepositoryRecord, DeploymentStatusRecord } from '@/metrics/records';
import type { Db } from '../client';
import { deploymentStatuses, deployments, incidents, releases, repositories } from '../schema';
import type { RecordScope } from './pull-request-records';

export const DELIVERY_LOOKBACK_DAYS = 30;

export function lookbackStart(scope: RecordScope, days: number): Date {
  return new Date(scope.from.getTime() - days * 86_400_000);
}

export async function loadRepositoryRecords(db: Db, repoIds: number[]): Promise<RepositoryRecord[]> {
  if (repoIds.length === 0) return [];
  return db
    .select({ id: repositories.id, fullName: repositories.fullName, defaultBranch: repositories.defaultBranch })
    .from(repositories)
    .where(inArray(repositories.id, repoIds))
    .orderBy(asc(repositories.fullName));
}

export async function loadGitHubDeploymentRecords(db: Db, scope: RecordScope): Promise<GitHubDeploymentRecord[]> {
  if (scope.repoIds.length === 0) return [];
  const since = lookbackStart(scope, DELIVERY_LOOKBACK_DAYS);
  const where = and(inArray(deployments.repoId, scope.repoIds), gte(deployments.createdAt, since));
  const rows = await db
    .select({ id: deployments.id, repoId: deployments.repoId, sha: deployments.sha, environment: deployments.environment, createdAt: deployments.createdAt })
    .from(deployments)
    .where(where)
    .orderBy(asc(deployments.createdAt), asc(deployments.id));
  const statuses = await db
    .select({ deploymentId: deploymentStatuses.deploymentId, state: deploymentStatuses.state, createdAt: deploymentStatuses.createdAt })
    .from(deploymentStatuses)
    .where(inArray(deploymentStatuses.deploymentId, db.select({ id: deployments.id }).from(deployments).where(where)))
    .orderBy(asc(deploymentStatuses.createdAt), asc(deploymentStatuses.id));
  const byId = new Map<number, GitHubDeploymentRecord>(rows.map((r) => [r.id, { ...r, statuses: [] }]));
  for (const s of statuses) byId.get(s.deploymentId)?.statuses.push({ state: s.state as DeploymentStatusRecord['state'], createdAt: s.createdAt });
  return [...byId.values()];
}

export async function loadReleaseRecords(db: Db, scope: RecordScope): Promise<ReleaseRecord[]> {
  if (scope.repoIds.length === 0) return [];
  return db
    .select({
      id: releases.id,
      repoId: releases.repoId,
      tagName: releases.tagName,
      targetCommitish: releases.targetCommitish,
      isDraft: releases.isDraft,
      isPrerelease: releases.isPrerelease,
      createdAt: releases.createdAt,
      publishedAt: releases.publishedAt,
    })
    .from(releases)
    .where(and(inArray(releases.repoId, scope.repoIds), gte(releases.createdAt, lookbackStart(scope, DELIVERY_LOOKBACK_DAYS))))
    .orderBy(asc(releases.createdAt));
}

export async function loadIncidentRecords(db: Db, scope: RecordScope): Promise<IncidentRecord[]> {
  if (scope.repoIds.length === 0) return [];
  return db
    .select({
      id: incidents.id,
      repoId: incidents.repoId,
      number: incidents.number,
      title: incidents.title,
      labels: incidents.labels,
      createdAt: incidents.createdAt,
      closedAt: incidents.closedAt,
    })
    .from(incidents)
    .where(and(inArray(incidents.repoId, scope.repoIds), gte(incidents.createdAt, lookbackStart(scope, DELIVERY_LOOKBACK_DAYS))))
    .orderBy(asc(incidents.createdAt));
}
