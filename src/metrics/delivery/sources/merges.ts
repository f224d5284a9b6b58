/**
 * Source 4, "merge as deploy": every PR merged into the default branch is a successful deployment
 * of its merge commit at `mergedAt`.
 */
import type { PullRequestRecord, RepositoryRecord } from '../../records';
import type { Deployment } from '../deployment';
import { tally, type SourceResult } from './source-result';

/** The deployment id of a PR's merge under merge-as-deploy. */
export function mergeDeploymentId(prId: number): string {
  return `merge:${prId}`;
}

/** Each merge into the default branch, as a deployment at `mergedAt`. */
export function mergeSource(repository: RepositoryRecord, prs: readonly PullRequestRecord[]): SourceResult {
  const deployments: Deployment[] = [];
  const ignored: string[] = [];
  for (const pr of prs) {
    if (pr.repoId !== repository.id || !pr.mergedAt) continue;
    if (pr.baseRef !== repository.defaultBranch) {
      ignored.push(`merged into ${pr.baseRef}, not the default branch`);
      continue;
    }
    deployments.push({
      id: mergeDeploymentId(pr.id),
      repoId: repository.id,
      repo: repository.fullName,
      source: 'merge',
      sha: pr.mergeCommitSha,
      startedAt: pr.mergedAt,
      finishedAt: pr.mergedAt,
      outcome: 'success',
      label: `#${pr.number} merge as deploy`,
      ref: { kind: 'merge', pullRequestId: pr.id, pullRequestNumber: pr.number },
    });
  }
  return { deployments, ignored: tally(ignored) };
}
