/**
 * GitHub Actions runs (newest first, filtered on `created`) and every earlier attempt of re-run ones.
 * A run is re-run days after it was created, so each pass re-reads a week before the watermark.
 */
import { RequestError } from '@octokit/request-error';
import { storedRunAttempts, writeWorkflowRuns, type WorkflowRunRows } from '@/server/db/queries/write-workflow-runs';
import { parseItems } from './parse-items';
import { ZWorkflowRun, type WorkflowRun } from './rest-payloads';
import { passStart, type RepoSyncContext } from './sync-context';
import { syncRestList, timeField } from './sync-rest-list';

const RERUN_WINDOW_MS = 7 * 86_400_000;

export function syncWorkflowRuns(ctx: RepoSyncContext): Promise<void> {
  return syncRestList<WorkflowRunRows>(ctx, {
    resource: 'workflow_runs',
    route: 'GET /repos/{owner}/{repo}/actions/runs',
    conditional: true,
    params: (state) => ({
      per_page: 100,
      created: `>=${passStart(ctx, state?.watermark, RERUN_WINDOW_MS).toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
    }),
    itemTime: timeField('created_at'),
    prepare: async (items) => {
      const runs = parseItems(ZWorkflowRun, items, `workflow run in ${ctx.repo.fullName}`, ctx.logger);
      const rows: WorkflowRunRows = { runs: [], attempts: [] };
      const stored = await storedAttempts(ctx, runs.filter((r) => r.run_attempt > 1).map((r) => r.id));
      for (const run of runs) {
        rows.runs.push(mapRun(run, ctx.repo.id));
        rows.attempts.push(attemptRow(run, run.run_attempt, run));
        for (let attempt = 1; attempt < run.run_attempt; attempt += 1) {
          // An earlier attempt is finished for good once stored: never ask for it twice.
          if (stored.has(`${run.id}:${attempt}`)) continue;
          const data = await fetchAttempt(ctx, run.id, attempt);
          if (data === null) continue;
          const [previous] = parseItems(ZWorkflowRun, [data], `attempt ${attempt} of workflow run`, ctx.logger);
          if (previous) rows.attempts.push(attemptRow(previous, attempt, run));
        }
      }
      return { rows, count: rows.runs.length };
    },
    write: writeWorkflowRuns,
  });
}

/** An attempt GitHub no longer has (old runs are purged) is logged and left out, not a failure. */
async function fetchAttempt(ctx: RepoSyncContext, runId: number, attempt: number): Promise<unknown> {
  try {
    const { data } = await ctx.github.octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}', {
      owner: ctx.repo.owner,
      repo: ctx.repo.name,
      run_id: runId,
      attempt_number: attempt,
    });
    return data;
  } catch (error) {
    if (!(error instanceof RequestError && error.status === 404)) throw error;
    ctx.logger.warn(`attempt ${attempt} of workflow run ${runId} in ${ctx.repo.fullName} is gone from GitHub (404); its flakiness cannot be known`);
    return null;
  }
}

async function storedAttempts(ctx: RepoSyncContext, runIds: number[]): Promise<Set<string>> {
  return storedRunAttempts(ctx.db, runIds);
}

function mapRun(run: WorkflowRun, repoId: number): WorkflowRunRows['runs'][number] {
  return {
    id: run.id,
    repoId,
    workflowId: run.workflow_id,
    // Old payloads may lack a name; the workflow file is the next best label.
    workflowName: run.name ?? run.path ?? `workflow ${run.workflow_id}`,
    headBranch: run.head_branch,
    headSha: run.head_sha,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    runAttempt: run.run_attempt,
    createdAt: run.created_at,
    runStartedAt: run.run_started_at ?? null,
    updatedAt: run.updated_at,
  };
}

function attemptRow(payload: WorkflowRun, attempt: number, run: WorkflowRun): WorkflowRunRows['attempts'][number] {
  return {
    runId: run.id,
    attempt,
    status: payload.status,
    conclusion: payload.conclusion,
    createdAt: payload.created_at,
    runStartedAt: payload.run_started_at ?? null,
    updatedAt: payload.updated_at,
  };
}
