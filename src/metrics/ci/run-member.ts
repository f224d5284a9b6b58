/**
 * One workflow run as CI health sees it: its latest attempt's outcome, duration and queue time, and
 * the facts a person needs to check them by hand.
 *
 * Attribution: a run belongs to the period (and week) of its `createdAt`. It is known for every run,
 * queued ones included; it never moves (a re-run days later changes `updatedAt`, not `createdAt`, so
 * a run cannot hop between weeks after it was counted); and it is the time the sync and the loader
 * filter and index runs on. Red time is the exception the definition sets: a red stretch belongs to
 * the period of its end.
 */
import { span } from '../time';
import type { WorkflowRunRecord } from '../records';
import type { MetricOptions } from '../types';
import { isoWeekKey } from '../weeks';
import { attemptConclusions, isFlaky, outcomeOf, type RunOutcome } from './outcome';

export type CiAnomaly = 'negative-duration' | 'negative-queue';

export interface CiRunMember {
  runId: number;
  repoId: number;
  /** `owner/name` when the caller gave the names, else null. */
  repo: string | null;
  workflowId: number;
  workflow: string;
  branch: string | null;
  sha: string;
  event: string;
  /** Attribution time: the run's `createdAt`. */
  at: Date;
  /** ISO week of `at` in the configured zone. */
  week: string;
  /** The latest attempt's conclusion (null while queued or in progress). */
  conclusion: string | null;
  /** null: left out of the rates (cancelled, skipped, neutral, action_required, stale, unfinished). */
  outcome: RunOutcome | null;
  /** Every attempt, oldest first, the latest included. */
  attempts: { attempt: number; conclusion: string | null }[];
  flaky: boolean;
  /** The latest attempt's `updatedAt` once it has a conclusion, else null. */
  finishedAt: Date | null;
  /** `updatedAt − runStartedAt` of the latest attempt, for a run with an outcome; null otherwise. */
  durationSeconds: number | null;
  /** `runStartedAt − createdAt`, for a run with an outcome; null otherwise. */
  queueSeconds: number | null;
  /** On the repository's default branch, by a push, schedule, dispatch… (not a pull_request* event). */
  onDefaultBranch: boolean;
  anomalies: CiAnomaly[];
}

export interface RunContext {
  defaultBranchByRepo: ReadonlyMap<number, string>;
  repoNames?: ReadonlyMap<number, string>;
}

/**
 * A pull_request run's head branch is the PR's branch, in whichever repository it lives: a fork's
 * `main` has the default branch's name without being it. Those runs never test the default branch.
 */
function testsDefaultBranch(run: WorkflowRunRecord, context: RunContext): boolean {
  const defaultBranch = context.defaultBranchByRepo.get(run.repoId);
  return defaultBranch !== undefined && run.headBranch === defaultBranch && !run.event.startsWith('pull_request');
}

export function toRunMember(run: WorkflowRunRecord, options: Pick<MetricOptions, 'businessTime' | 'timeZone'>, context: RunContext): CiRunMember {
  const outcome = outcomeOf(run.conclusion);
  const duration = outcome ? span(run.runStartedAt, run.updatedAt, options) : null;
  const queue = outcome ? span(run.createdAt, run.runStartedAt, options) : null;
  const anomalies: CiAnomaly[] = [];
  if (duration?.negative) anomalies.push('negative-duration');
  if (queue?.negative) anomalies.push('negative-queue');
  return {
    runId: run.id,
    repoId: run.repoId,
    repo: context.repoNames?.get(run.repoId) ?? null,
    workflowId: run.workflowId,
    workflow: run.workflowName,
    branch: run.headBranch,
    sha: run.headSha,
    event: run.event,
    at: run.createdAt,
    week: isoWeekKey(run.createdAt, options.timeZone),
    conclusion: run.conclusion,
    outcome,
    attempts: attemptConclusions(run),
    flaky: isFlaky(run),
    finishedAt: run.conclusion !== null ? run.updatedAt : null,
    durationSeconds: duration?.seconds ?? null,
    queueSeconds: queue?.seconds ?? null,
    onDefaultBranch: testsDefaultBranch(run, context),
    anomalies,
  };
}
