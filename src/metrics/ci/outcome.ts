/**
 * What a workflow run concluded, as CI health counts it (docs/metrics.md#which-attempt-which-runs). Per run, its
 * latest attempt counts: the run's own status, conclusion and times describe the latest attempt
 * (GitHub's run object does), and `attempts` holds every attempt, oldest first.
 */
import type { WorkflowRunRecord } from '../records';

/** `success`, or `failure` for failure, timed_out and startup_failure. */
export type RunOutcome = 'success' | 'failure';

const FAILURES = new Set(['failure', 'timed_out', 'startup_failure']);

/**
 * The outcome a conclusion counts as; null when it is left out of the rates: cancelled, skipped,
 * neutral, action_required, stale (GitHub's other conclusion, not named by the definition), and a
 * run still queued or in progress (no conclusion yet).
 */
export function outcomeOf(conclusion: string | null): RunOutcome | null {
  if (conclusion === null) return null;
  const c = conclusion.toLowerCase();
  if (c === 'success') return 'success';
  return FAILURES.has(c) ? 'failure' : null;
}

/** Every attempt's number and conclusion, oldest first, the latest (the run's own conclusion) included. */
export function attemptConclusions(run: WorkflowRunRecord): { attempt: number; conclusion: string | null }[] {
  const earlier = run.attempts
    .filter((a) => a.attempt < run.runAttempt)
    .sort((a, b) => a.attempt - b.attempt)
    .map((a) => ({ attempt: a.attempt, conclusion: a.conclusion }));
  return [...earlier, { attempt: run.runAttempt, conclusion: run.conclusion }];
}

/**
 * Flaky: the latest attempt succeeded after an earlier attempt of the same run failed (failure,
 * timed_out or startup_failure; a cancelled earlier attempt is not a failure). An earlier attempt
 * GitHub no longer had when the run was synced is unknown and cannot make the run flaky.
 */
export function isFlaky(run: WorkflowRunRecord): boolean {
  if (outcomeOf(run.conclusion) !== 'success') return false;
  return run.attempts.some((a) => a.attempt < run.runAttempt && outcomeOf(a.conclusion) === 'failure');
}
