/** Workflow runs with every attempt, for CI health and for deploy-workflow detection. */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { WorkflowRunRecord } from '@/metrics/records';
import type { Db } from '../client';
import { repositories, workflowRunAttempts, workflowRuns } from '../schema';
import type { RecordScope } from './pull-request-records';

export async function loadWorkflowRunRecords(db: Db, scope: RecordScope, since: Date, options: { defaultBranchOnly: boolean }): Promise<WorkflowRunRecord[]> {
  if (scope.repoIds.length === 0) return [];
  const conditions = [inArray(workflowRuns.repoId, scope.repoIds), gte(workflowRuns.createdAt, since)];
  const base = db.select({ id: workflowRuns.id }).from(workflowRuns);
  const where = and(...conditions);
  const query = db
    .select({
      id: workflowRuns.id,
      repoId: workflowRuns.repoId,
      workflowId: workflowRuns.workflowId,
      workflowName: workflowRuns.workflowName,
      headBranch: workflowRuns.headBranch,
      headSha: workflowRuns.headSha,
      event: workflowRuns.event,
      status: workflowRuns.status,
      conclusion: workflowRuns.conclusion,
      runAttempt: workflowRuns.runAttempt,
      createdAt: workflowRuns.createdAt,
      runStartedAt: workflowRuns.runStartedAt,
      updatedAt: workflowRuns.updatedAt,
    })
    .from(workflowRuns);
  const rows = options.defaultBranchOnly
    ? await query
        .innerJoin(repositories, and(eq(repositories.id, workflowRuns.repoId), eq(repositories.defaultBranch, workflowRuns.headBranch)))
        .where(where)
        .orderBy(asc(workflowRuns.createdAt))
    : await query.where(where).orderBy(asc(workflowRuns.createdAt));
  const attempts = await db
    .select({
      runId: workflowRunAttempts.runId,
      attempt: workflowRunAttempts.attempt,
      status: workflowRunAttempts.status,
      conclusion: workflowRunAttempts.conclusion,
      runStartedAt: workflowRunAttempts.runStartedAt,
      updatedAt: workflowRunAttempts.updatedAt,
    })
    .from(workflowRunAttempts)
    .where(inArray(workflowRunAttempts.runId, base.where(where)))
    .orderBy(asc(workflowRunAttempts.runId), asc(workflowRunAttempts.attempt));
  const byId = new Map<number, WorkflowRunRecord>(rows.map((r) => [r.id, { ...r, attempts: [] }]));
  for (const a of attempts) {
    const { runId, ...attempt } = a;
    byId.get(runId)?.attempts.push(attempt);
  }
  return [...byId.values()];
}
