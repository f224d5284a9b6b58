/**
 * The normalised deployment every delivery metric reads, whichever source it was detected from
 * (docs/metrics.md#what-counts-as-a-deployment). Every deployment here is a production deployment.
 */

/** The four sources, in the order detection tries them. */
export const DEPLOYMENT_SOURCES = ['github-deployment', 'workflow-run', 'release', 'merge'] as const;

/** 1 GitHub Deployments, 2 deploy workflow runs, 3 published releases, 4 merges to the default branch. */
export type DeploymentSource = (typeof DEPLOYMENT_SOURCES)[number];

/** What a tech lead reads for each source (the UI shows it next to the deployment list). */
export const SOURCE_NAMES: Readonly<Record<DeploymentSource, string>> = {
  'github-deployment': 'GitHub Deployments',
  'workflow-run': 'deploy workflow runs',
  release: 'published releases',
  merge: 'merge as deploy',
};

/** success; failure (a failure or error status, a failed run); pending: no outcome yet, never counted. */
export type DeploymentOutcome = 'success' | 'failure' | 'pending';

/** The record a deployment was detected from, for links and for checking by hand. */
export type DeploymentRef =
  | { kind: 'github-deployment'; deploymentId: number; environment: string; status: string | null }
  | { kind: 'workflow-run'; runId: number; workflowName: string; runAttempt: number; conclusion: string | null }
  | { kind: 'release'; releaseId: number; tagName: string; targetCommitish: string }
  | { kind: 'merge'; pullRequestId: number; pullRequestNumber: number };

/** A production deployment, normalised across sources. */
export interface Deployment {
  /** Unique across sources and repositories, e.g. `github-deployment:123`, `workflow-run:456`. */
  id: string;
  repoId: number;
  /** `owner/name`. */
  repo: string;
  source: DeploymentSource;
  /** The deployed commit; null when the source does not name one (a release targeting a branch). */
  sha: string | null;
  startedAt: Date;
  /** When the outcome was known; null while pending. */
  finishedAt: Date | null;
  outcome: DeploymentOutcome;
  /** A short human label, e.g. `production a1b2c3d`, `Deploy (run 456)`, `v1.2.0`, `#12 merge as deploy`. */
  label: string;
  ref: DeploymentRef;
}

/** A deployment with an outcome: the production deployments CFR and rework count. */
export type FinishedDeployment = Deployment & { finishedAt: Date; outcome: 'success' | 'failure' };

/** Finished: success or failure, with its finish time (pending is not). */
export function isFinished(d: Deployment): d is FinishedDeployment {
  return d.outcome !== 'pending' && d.finishedAt !== null;
}

/** A successful production deployment: what ships PRs and counts in deployment frequency. */
export function isSuccessful(d: Deployment): d is FinishedDeployment & { outcome: 'success' } {
  return d.outcome === 'success' && d.finishedAt !== null;
}

/** Order of finish (ties: start, then id), the order "first" and "next" deployment refer to. */
export function byFinish(a: FinishedDeployment, b: FinishedDeployment): number {
  return a.finishedAt.getTime() - b.finishedAt.getTime() || a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The first seven characters of a sha, or `unknown commit`. */
export function shortSha(sha: string | null): string {
  return sha ? sha.slice(0, 7) : 'unknown commit';
}
