/**
 * The order the delivery metrics read deployments in: per repository, finished production
 * deployments by `finishedAt`; a deployment's "next successful production deployment" is the first
 * success after it in that order, in the same repository.
 */
import type { PullRequestRecord } from '../records';
import { byFinish, isFinished, type Deployment, type FinishedDeployment } from './deployment';
import type { DeploymentMapping } from './map-pull-requests';

/** Finished deployments in order, with each one's next success and what each shipped. */
export interface DeploymentTimeline {
  /** Finished production deployments (success or failure), all repositories, by finish. */
  finished: FinishedDeployment[];
  /** Deployment id → the next successful production deployment of its repository (null: none yet). */
  nextSuccess: Map<string, FinishedDeployment | null>;
  /** Deployment id → the PRs it shipped (by the mapping). */
  shipped: Map<string, PullRequestRecord[]>;
}

/** Finished deployments in order, each one's next success, and what each shipped. */
export function deploymentTimeline(deployments: readonly Deployment[], prs: readonly PullRequestRecord[], mapping: DeploymentMapping): DeploymentTimeline {
  const finished = deployments.filter(isFinished).sort(byFinish);
  const nextSuccess = new Map<string, FinishedDeployment | null>();
  const pendingByRepo = new Map<number, FinishedDeployment[]>();
  for (const d of finished) {
    const waiting = pendingByRepo.get(d.repoId) ?? [];
    if (d.outcome === 'success') {
      for (const w of waiting) nextSuccess.set(w.id, d);
      pendingByRepo.set(d.repoId, [d]);
    } else {
      pendingByRepo.set(d.repoId, [...waiting, d]);
    }
  }
  for (const waiting of pendingByRepo.values()) for (const w of waiting) nextSuccess.set(w.id, null);

  const prById = new Map(prs.map((p) => [p.id, p]));
  const shipped = new Map<string, PullRequestRecord[]>();
  for (const s of mapping.shipped) {
    const pr = prById.get(s.prId);
    if (pr) shipped.set(s.deploymentId, [...(shipped.get(s.deploymentId) ?? []), pr]);
  }
  return { finished, nextSuccess, shipped };
}
