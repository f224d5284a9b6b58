/**
 * Change failure rate (docs/metrics.md#change-failure-rate): failed deployments / production deployments finished in the
 * period (success or failure; pending ones are not finished). A deployment is failed when
 * (a) `failure`: its own outcome is failure or error;
 * (b) `incident`: an incident is opened after it finished and before the next successful production
 *     deployment finished (strictly between the two; no next success yet: any time after);
 * (c) `revert`: a PR it shipped is later reverted by a merged revert that names it;
 * (d) `hotfix`: the next successful production deployment ships a hotfix PR.
 * Each deployment counts once; its member carries every reason that applies.
 */
import { rate } from '../aggregate';
import type { IncidentRecord, PullRequestRecord } from '../records';
import type { Period, Rate } from '../types';
import type { FinishedDeployment } from './deployment';
import { isHotfix } from './hotfix';
import { isIncident } from './incidents';
import { revertsByTarget } from './reverts';
import type { DeliverySettings } from './settings';
import type { DeploymentTimeline } from './timeline';

/** Why a deployment failed: (a) failure, (b) incident, (c) revert, (d) hotfix. */
export type FailureReason = 'failure' | 'incident' | 'revert' | 'hotfix';

/** A finished production deployment and why (if at all) it counts as failed. */
export interface DeploymentFailureMember {
  deploymentId: string;
  repoId: number;
  repo: string;
  label: string;
  sha: string | null;
  finishedAt: Date;
  outcome: 'success' | 'failure';
  failed: boolean;
  /** In the order failure, incident, revert, hotfix. */
  reasons: FailureReason[];
  /** (b) the incidents opened in its window. */
  incidents: { id: number; number: number; createdAt: Date }[];
  /** (c) shipped PRs that were reverted, with the reverting PRs. */
  reverted: { number: number; revertNumbers: number[] }[];
  /** (d) hotfix PRs shipped by the next successful deployment. */
  hotfixes: number[];
  nextSuccessfulDeploymentId: string | null;
  nextSuccessAt: Date | null;
}

/** Why each finished production deployment failed, if it did (every deployment, any period). */
export function deploymentFailures(
  timeline: DeploymentTimeline,
  prs: readonly PullRequestRecord[],
  incidentRecords: readonly IncidentRecord[],
  settings: Pick<DeliverySettings, 'incidentLabel' | 'hotfixPattern'>,
): DeploymentFailureMember[] {
  const incidents = incidentRecords.filter((i) => isIncident(i, settings));
  const reverts = revertsByTarget(prs);
  return timeline.finished.map((d: FinishedDeployment) => {
    const next = timeline.nextSuccess.get(d.id) ?? null;
    const opened = incidents.filter((i) => i.repoId === d.repoId && i.createdAt > d.finishedAt && (!next || i.createdAt < next.finishedAt));
    const reverted = (timeline.shipped.get(d.id) ?? [])
      .filter((pr) => reverts.has(pr.id))
      .map((pr) => ({ number: pr.number, revertNumbers: reverts.get(pr.id)!.map((r) => r.number) }));
    const hotfixes = next ? (timeline.shipped.get(next.id) ?? []).filter((pr) => isHotfix(pr, settings)).map((pr) => pr.number) : [];
    const reasons: FailureReason[] = [];
    if (d.outcome === 'failure') reasons.push('failure');
    if (opened.length) reasons.push('incident');
    if (reverted.length) reasons.push('revert');
    if (hotfixes.length) reasons.push('hotfix');
    return {
      deploymentId: d.id,
      repoId: d.repoId,
      repo: d.repo,
      label: d.label,
      sha: d.sha,
      finishedAt: d.finishedAt,
      outcome: d.outcome,
      failed: reasons.length > 0,
      reasons,
      incidents: opened.map((i) => ({ id: i.id, number: i.number, createdAt: i.createdAt })),
      reverted,
      hotfixes,
      nextSuccessfulDeploymentId: next?.id ?? null,
      nextSuccessAt: next?.finishedAt ?? null,
    };
  });
}

/** failed / production deployments finished in the period; members: all of those deployments. */
export function changeFailureRate(failures: readonly DeploymentFailureMember[], period: Period): Rate<DeploymentFailureMember> {
  return rate(
    failures,
    period,
    (m) => m.finishedAt,
    () => true,
    (m) => m.failed,
  );
}
