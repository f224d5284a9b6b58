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
