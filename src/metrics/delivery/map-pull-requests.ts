/**
 * PR → deployment mapping (docs/metrics.md#which-deployment-shipped-a-pr): a PR merged into the default branch is
 * shipped by the first successful production deployment (in order of finish) that contains its merge
 * commit. For each deployment in turn:
 * - `ancestry`: the deployment's commit is the merge commit or has it among its ancestors (walked
 *   through `CommitRecord.parentShas` back to what earlier deployments already contain);
 * - when ancestry cannot tell (the deployment's sha is null or not in the stored history, a commit
 *   below it has unknown parents, or the merge commit is not in the stored history): `time`, the
 *   deployment ships the PR if it started at or after `mergedAt`;
 * - when ancestry can tell and the commit is not there, the deployment did not ship the PR.
 * Under merge-as-deploy each PR is shipped by its own merge (`merge`). `deployedAt` is the
 * deployment's `finishedAt`.
 */
import type { CommitRecord, PullRequestRecord, RepositoryRecord } from '../records';
import { ancestryKnown, commitParents, firstContaining, normalSha } from './ancestry';
import { byFinish, isSuccessful, type Deployment, type FinishedDeployment } from './deployment';
import { mergeDeploymentId } from './sources/merges';

/** Which rule mapped a PR to its deployment. */
export type MappingRule = 'ancestry' | 'time' | 'merge';

/** A PR and the deployment that shipped it. */
export interface ShippedPullRequest {
  prId: number;
  repoId: number;
  repo: string;
  number: number;
  mergedAt: Date;
  deploymentId: string;
  /** The deployment's `finishedAt`. */
  deployedAt: Date;
  rule: MappingRule;
}

/**
 * A PR merged into the default branch that no successful production deployment ships (yet):
 * `no-deployment-after-merge`: none started at or after its merge; `not-contained`: later ones exist,
 * but ancestry shows none of them contains its merge commit.
 */
export interface UnmappedPullRequest {
  prId: number;
  repoId: number;
  repo: string;
  number: number;
  mergedAt: Date;
  reason: 'no-deployment-after-merge' | 'not-contained';
}

/** Every shipped PR with its deployment and rule, and the loose ends. */
export interface DeploymentMapping {
  shipped: ShippedPullRequest[];
  unmappedPullRequests: UnmappedPullRequest[];
  /** Successful production deployments that shipped no PR (ids). */
  deploymentsWithoutPullRequests: string[];
}

/** What the mapping reads: repositories (for the default branch), deployments, PRs, history. */
export interface MappingInput {
  repositories: readonly RepositoryRecord[];
  deployments: readonly Deployment[];
  pullRequests: readonly PullRequestRecord[];
  /** The stored default-branch history (any repositories), with parents. */
  commits: readonly CommitRecord[];
}

type MergedPullRequest = PullRequestRecord & { mergedAt: Date };

/** Each merged default-branch PR's shipping deployment and rule, the PRs left unmapped, and deployments that shipped none. */
export function mapPullRequests(input: MappingInput): DeploymentMapping {
  const mapping: DeploymentMapping = { shipped: [], unmappedPullRequests: [], deploymentsWithoutPullRequests: [] };
  for (const repository of input.repositories) {
    const successes = input.deployments
      .filter((d) => d.repoId === repository.id)
      .filter(isSuccessful)
      .sort(byFinish);
    const merged = input.pullRequests.filter(
      (pr): pr is MergedPullRequest => pr.repoId === repository.id && pr.mergedAt !== null && pr.baseRef === repository.defaultBranch,
    );
    const shipped = mapRepository(repository, successes, merged, input.commits);
    mapping.shipped.push(...shipped.shipped);
    mapping.unmappedPullRequests.push(...shipped.unmapped);
    const used = new Set(shipped.shipped.map((s) => s.deploymentId));
    mapping.deploymentsWithoutPullRequests.push(...successes.filter((d) => !used.has(d.id)).map((d) => d.id));
  }
  return mapping;
}

function mapRepository(
  repository: RepositoryRecord,
  successes: readonly FinishedDeployment[],
  prs: readonly MergedPullRequest[],
  commits: readonly CommitRecord[],
): { shipped: ShippedPullRequest[]; unmapped: UnmappedPullRequest[] } {
  const shipped: ShippedPullRequest[] = [];
  const unmapped: UnmappedPullRequest[] = [];
  const ids = (pr: MergedPullRequest) => ({ prId: pr.id, repoId: repository.id, repo: repository.fullName, number: pr.number, mergedAt: pr.mergedAt });
  const byId = new Map(successes.map((d) => [d.id, d]));

  const parents = commitParents(commits, repository.id);
  const claimedBy = firstContaining(successes, parents);
  const memo = new Map<string, boolean>();
  const known = new Map(successes.map((d) => [d.id, ancestryKnown(d.sha, parents, memo)]));

  for (const pr of prs) {
    const own = byId.get(mergeDeploymentId(pr.id));
    if (own?.source === 'merge') {
      shipped.push({ ...ids(pr), deploymentId: own.id, deployedAt: own.finishedAt, rule: 'merge' });
      continue;
    }
    const sha = pr.mergeCommitSha ? normalSha(pr.mergeCommitSha) : null;
    const commitKnown = sha !== null && parents.has(sha);
    const claimer = sha ? claimedBy.get(sha) : undefined;
    let found: ShippedPullRequest | null = null;
    for (const d of successes) {
      if (claimer === d.id) {
        found = { ...ids(pr), deploymentId: d.id, deployedAt: d.finishedAt, rule: 'ancestry' };
        break;
      }
      const decidable = commitKnown && known.get(d.id) === true;
      if (!decidable && d.startedAt >= pr.mergedAt) {
        found = { ...ids(pr), deploymentId: d.id, deployedAt: d.finishedAt, rule: 'time' };
        break;
      }
    }
    if (found) shipped.push(found);
    else unmapped.push({ ...ids(pr), reason: successes.some((d) => d.startedAt >= pr.mergedAt) ? 'not-contained' : 'no-deployment-after-merge' });
  }
  return { shipped, unmapped };
}

/** PR id → `deployed_at` (the shipping deployment's finish), for the per-PR deploy and lead time phases. */
export function deployedAtByPullRequest(mapping: Pick<DeploymentMapping, 'shipped'>): Map<number, Date> {
  return new Map(mapping.shipped.map((s) => [s.prId, s.deployedAt]));
}
