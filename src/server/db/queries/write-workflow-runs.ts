import { inArray } from 'drizzle-orm';
import type { Db } from '../client';
import { workflowRunAttempts, workflowRuns } from '../schema';
import { upsert, type Tx } from './upsert';

export interface WorkflowRunRows {
  runs: (typeof workflowRuns.$inferInsert)[];
  attempts: (typeof workflowRunAttempts.$inferInsert)[];
}

export async function writeWorkflowRuns(tx: Tx, rows: WorkflowRunRows): Promise<void> {
  await upsert(tx, workflowRuns, rows.runs, { key: [workflowRuns.id] });
  await upsert(tx, workflowRunAttempts, rows.attempts, { key: [workflowRunAttempts.runId, workflowRunAttempts.attempt] });
}

/** The attempts already stored for these runs, as `runId:attempt` keys. */
export async function storedRunAttempts(db: Db, runIds: readonly number[]): Promise<Set<string>> {
  if (runIds.length === 0) return new Set();
  const rows = await db
    .select({ runId: workflowRunAttempts.runId, attempt: workflowRunAttempts.attempt })
    .from(workflowRunAttempts)
    .where(inArray(workflowRunAttempts.runId, [...runIds]));
  return new Set(rows.map((r) => `${r.runId}:${r.attempt}`));
}
