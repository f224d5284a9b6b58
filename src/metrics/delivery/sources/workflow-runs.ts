/**
 * Source 2: workflow runs on the default branch whose workflow name matches the deploy pattern.
 * The run's own conclusion (its latest attempt) is the outcome; `finishedAt` = `updatedAt`.
 */
import type { RepositoryRecord, WorkflowRunRecord } from '../../records';
import type { Deployment, DeploymentOutcome } from '../deployment';
import { matches, type DeliverySettings } from '../settings';
import { tally, type SourceResult } from './source-result';

const FAILED = new Set(['failure', 'timed_out', 'startup_failure']);

/**
 * success → success; failure, timed_out, startup_failure → failure; no conclusion yet (queued, in
 * progress) → pending; cancelled, skipped, neutral, action_required, stale → null: not a deployment
 * attempt (nothing was deployed, or nobody can say it failed), left out entirely.
 */
export function workflowRunOutcome(conclusion: string | null): DeploymentOutcome | null {
  if (conclusion === null) return 'pending';
  const c = conclusion.toLowerCase();
  if (c === 'success') return 'success';
  return FAILED.has(c) ? 'failure' : null;
}

/** Runs of deploy workflows on the default branch, one deployment per run (its latest attempt). */
export function workflowRunSource(repository: RepositoryRecord, runs: readonly WorkflowRunRecord[], settings: DeliverySettings): SourceResult {
  const deployments: Deployment[] = [];
  const ignored: string[] = [];
  for (const run of runs) {
    if (run.repoId !== repository.id || !matches(settings.deployWorkflow, run.workflowName)) continue;
    if (run.headBranch !== repository.defaultBranch) {
      ignored.push(`deploy workflow run not on the default branch ${repository.defaultBranch}`);
      continue;
    }
    const outcome = workflowRunOutcome(run.conclusion);
    if (outcome === null) {
      ignored.push(`conclusion ${run.conclusion}: not a deployment attempt`);
      continue;
    }
    deployments.push({
      id: `workflow-run:${run.id}`,
      repoId: repository.id,
      repo: repository.fullName,
      source: 'workflow-run',
      sha: run.headSha,
      startedAt: run.runStartedAt ?? run.createdAt,
      finishedAt: outcome === 'pending' ? null : run.updatedAt,
      outcome,
      label: `${run.workflowName} (run ${run.id})`,
      ref: { kind: 'workflow-run', runId: run.id, workflowName: run.workflowName, runAttempt: run.runAttempt, conclusion: run.conclusion },
    });
  }
  return { deployments, ignored: tally(ignored) };
}
