/**
 * GitHub Actions runs (newest first, filtered on `created`) and every earlier attempt of re-run ones.
 * A run is re-run days after it was created, so each pass re-reads a week before the watermark.
 * GitHub answers at most 1,000 runs to a `created`-filtered query (`total_count` counts them all): a
 * window holding more is halved until each part fits (created-window.ts), so every run is read.
 */
import { RequestError } from '@octokit/request-error';
import { storedRunAttempts, writeWorkflowRuns, type WorkflowRunRows } from '@/server/db/queries/write-workflow-runs';
import { formatWindow, newerHalf, olderRest, parseWindow, qualifierTime, type CreatedWindow } from './created-window';
import { parseItems } from './parse-items';
import { ZWorkflowRun, type WorkflowRun } from './rest-payloads';
import { passStart, type RepoSyncContext } from './sync-context';
import { syncRestList, timeField, type CappedList } from './sync-rest-list';

const RERUN_WINDOW_MS = 7 * 86_400_000;
/** GitHub's cap on runs queries filtered on `created` (or actor, branch, event, status…). */
export const RUNS_QUERY_CAP = 1000;
const createdAt = timeField('created_at');

export function syncWorkflowRuns(ctx: RepoSyncContext): Promise<void> {
  return syncRestList<WorkflowRunRows>(ctx, {
    resource: 'workflow_runs',
    route: 'GET /repos/{owner}/{repo}/actions/runs',
    conditional: true,
    params: (state) => ({
      per_page: 100,
      created: `>=${qualifierTime(passStart(ctx, state?.watermark, RERUN_WINDOW_MS))}`,
    }),
    itemTime: createdAt,
    capped: splitCreatedWindow(ctx),
    prepare: async (items) => {
      const runs = parseItems(ZWorkflowRun, items, `workflow run in ${ctx.repo.fullName}`, ctx.logger);
      const rows: WorkflowRunRows = { runs: [], attempts: [] };
      const stored = await storedAttempts(
        ctx,
        runs.filter((r) => r.run_attempt > 1).map((r) => r.id),
      );
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

/** Narrows a capped runs query to the newer half of its `created` window; the older part comes after. */
function splitCreatedWindow(ctx: RepoSyncContext): CappedList {
  const windowOf = (url: URL): CreatedWindow => {
    const window = parseWindow(url.searchParams.get('created') ?? '');
    if (!window) throw new Error(`${ctx.repo.fullName}: a workflow runs request without a readable created window: ${url.search}`);
    return window;
  };
  const withWindow = (url: URL, window: CreatedWindow): URL => {
    const narrowed = new URL(url);
    narrowed.searchParams.set('created', formatWindow(window));
    narrowed.searchParams.delete('page');
    return narrowed;
  };
  return {
    cap: RUNS_QUERY_CAP,
    total: (data) => {
      const total = (data as { total_count?: unknown } | null)?.total_count;
      if (typeof total !== 'number')
        throw new Error(`${ctx.repo.fullName}: GitHub's workflow runs answer has no total_count, so a cut-short answer cannot be told`);
      return total;
    },
    narrow: (url, items, total) => {
      const window = windowOf(url);
      const newest = items.map(createdAt).reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
      const half = newerHalf(window, newest);
      if (!half)
        throw new Error(
          `${ctx.repo.fullName}: ${total} workflow runs created within one second (${formatWindow(window)}); GitHub serves only ${RUNS_QUERY_CAP} of them`,
        );
      ctx.logger.info(
        `${ctx.repo.fullName}: ${total} workflow runs created ${formatWindow(window)}, over GitHub's ${RUNS_QUERY_CAP}; reading ${formatWindow(half)} first`,
      );
      return withWindow(url, half);
    },
    rest: (url, state) => {
      const rest = olderRest(windowOf(url), passStart(ctx, state?.watermark, RERUN_WINDOW_MS));
      return rest && withWindow(url, rest);
    },
  };
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
