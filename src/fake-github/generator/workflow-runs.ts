/**
 * One GitHub Actions run from a plan: queue time, attempts (re-runs keep the run id and bump
 * run_attempt; the earlier attempts stay readable), and the cut at `now`, which leaves runs queued or
 * in progress at the end of the window. Shared by the CI and Deploy workflows.
 */
import type { FakeRunAttempt, FakeWorkflowRun } from '../model';
import { MINUTE, SECOND, iso } from './clock';
import type { Rng } from './random';

export type Outcome = 'success' | 'failure' | 'flaky' | 'flaky3' | 'rerunFailing' | 'timed_out' | 'startup_failure';

export interface RunPlan {
  workflowId: number;
  name: string;
  path: string;
  headBranch: string | null;
  headSha: string;
  event: string;
  createdAt: number;
  outcome: Outcome;
  medianMinutes: number;
  timeoutMinutes: number;
  /** A newer push to the same PR cancels this run if it is still going (cancel-in-progress). */
  supersededAt: number | null;
}

export interface RunResult {
  /** Of the latest attempt; null while queued or in progress at `now`. */
  conclusion: FakeWorkflowRun['conclusion'];
  startedAt: number;
  finishedAt: number | null;
}

/** What the simulation knows of a run at `now`, for the truth (truth-runs.ts). */
export interface RunFacts extends RunResult {
  /** The run as built; its id is assigned later (assignRunIds). */
  run: FakeWorkflowRun;
  createdAt: number;
  /** Whether an attempt had started by `now` (false: still queued). */
  started: boolean;
  /** Attempts started by `now`. */
  attempts: number;
  /** The latest attempt succeeded after an earlier attempt of the run failed. */
  flaky: boolean;
  /** Every attempt started by `now`, oldest first (an end after `now` has not happened yet). */
  attemptLog: { start: number; end: number; conclusion: NonNullable<FakeWorkflowRun['conclusion']> }[];
}

interface Attempt {
  start: number;
  end: number;
  conclusion: NonNullable<FakeWorkflowRun['conclusion']>;
}

export function buildRun(rng: Rng, plan: RunPlan, now: number): { run: FakeWorkflowRun; result: RunResult; facts: RunFacts } | null {
  if (plan.createdAt > now) return null;
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  // Mostly a free runner within seconds; sometimes a backlog of minutes.
  const queue = clamp(rng.chance(0.85) ? rng.logNormal(12 * SECOND, 0.8) : rng.logNormal(3 * MINUTE, 0.9), 2 * SECOND, 25 * MINUTE);
  const duration = (share = 1) => clamp(rng.logNormal(plan.medianMinutes * MINUTE, 0.3) * share, 40 * SECOND, plan.timeoutMinutes * MINUTE * 0.9);
  const attempts: Attempt[] = [];
  const attempt = (conclusion: Attempt['conclusion'], share = 1) => {
    const previous = attempts[attempts.length - 1];
    // A re-run is a human noticing the red X and clicking "Re-run failed jobs".
    const start = previous ? previous.end + clamp(rng.logNormal(12 * MINUTE, 0.8), MINUTE, 6 * 3600 * SECOND) : plan.createdAt + queue;
    const length = conclusion === 'timed_out' ? plan.timeoutMinutes * MINUTE : conclusion === 'startup_failure' ? 2 * SECOND : duration(share);
    attempts.push({ start, end: start + length, conclusion });
  };
  switch (plan.outcome) {
    case 'flaky3':
      attempt('failure', 0.7);
    // falls through: a second failed attempt before the green one
    case 'flaky':
      attempt('failure', 0.7);
      attempt('success');
      break;
    case 'rerunFailing':
      attempt('failure', 0.7);
      attempt('failure', 0.7);
      break;
    default:
      attempt(plan.outcome, plan.outcome === 'failure' ? 0.7 : 1);
  }
  const first = attempts[0] as Attempt;
  if (plan.supersededAt !== null && plan.supersededAt < first.end) {
    attempts.length = 0;
    attempts.push({ start: Math.min(first.start, plan.supersededAt), end: plan.supersededAt + 3 * SECOND, conclusion: 'cancelled' });
  }

  const visible = attempts.filter((a) => a.start <= now);
  const latest = visible[visible.length - 1];
  const done = latest !== undefined && latest.end <= now;
  const previousAttempts: FakeRunAttempt[] = visible.slice(0, -1).map((a, i) => ({
    attempt: i + 1,
    status: 'completed',
    conclusion: a.conclusion,
    runStartedAt: iso(a.start),
    updatedAt: iso(a.end),
  }));
  const run: FakeWorkflowRun = {
    id: 0,
    workflowId: plan.workflowId,
    name: plan.name,
    path: plan.path,
    headBranch: plan.headBranch,
    headSha: plan.headSha,
    event: plan.event,
    status: latest === undefined ? 'queued' : done ? 'completed' : 'in_progress',
    conclusion: done ? latest.conclusion : null,
    runAttempt: Math.max(1, visible.length),
    createdAt: iso(plan.createdAt),
    runStartedAt: iso(latest?.start ?? plan.createdAt),
    updatedAt: iso(latest === undefined ? plan.createdAt : done ? latest.end : latest.start),
    previousAttempts,
  };
  const result: RunResult = { conclusion: run.conclusion, startedAt: latest?.start ?? plan.createdAt, finishedAt: done ? latest.end : null };
  const flaky = done && latest.conclusion === 'success' && visible.slice(0, -1).some((a) => a.conclusion === 'failure');
  return {
    run,
    result,
    facts: { ...result, run, createdAt: plan.createdAt, started: latest !== undefined, attempts: visible.length, flaky, attemptLog: visible },
  };
}

/** Run ids grow with time, like GitHub's; listed newest first, like the REST API. */
export function assignRunIds(runs: FakeWorkflowRun[], next: () => number): FakeWorkflowRun[] {
  const chronological = [...runs].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.headSha.localeCompare(b.headSha));
  for (const run of chronological) run.id = next();
  return chronological.reverse();
}
