/**
 * Deployment rework rate (docs/metrics.md#deployment-rework-rate-dora-2024): deployments that ship a revert or a hotfix / all
 * production deployments finished in the period (success or failure). Only a successful deployment
 * ships PRs, so a failed one is in the denominator only.
 */
import { rate } from '../aggregate';
import type { Period, Rate } from '../types';
import { isHotfix } from './hotfix';
import { isRevert } from './reverts';
import type { DeliverySettings } from './settings';
import type { DeploymentTimeline } from './timeline';

/** A finished production deployment and the reverts and hotfixes it shipped. */
export interface ReworkMember {
  deploymentId: string;
  repoId: number;
  repo: string;
  label: string;
  finishedAt: Date;
  outcome: 'success' | 'failure';
  /** Shipped PRs that are reverts (title `Revert "…"` or a `revert-N-` branch). */
  reverts: number[];
  /** Shipped PRs that are hotfixes (label or head branch matching the hotfix pattern). */
  hotfixes: number[];
  rework: boolean;
}

/** Each finished production deployment with the reverts and hotfixes it shipped (any period). */
export function reworkMembers(timeline: DeploymentTimeline, settings: Pick<DeliverySettings, 'hotfixPattern'>): ReworkMember[] {
  return timeline.finished.map((d) => {
    const shipped = timeline.shipped.get(d.id) ?? [];
    const reverts = shipped.filter(isRevert).map((pr) => pr.number);
    const hotfixes = shipped.filter((pr) => isHotfix(pr, settings)).map((pr) => pr.number);
    return {
      deploymentId: d.id,
      repoId: d.repoId,
      repo: d.repo,
      label: d.label,
      finishedAt: d.finishedAt,
      outcome: d.outcome,
      reverts,
      hotfixes,
      rework: reverts.length + hotfixes.length > 0,
    };
  });
}

/** Rework deployments / production deployments finished in the period. */
export function reworkRate(members: readonly ReworkMember[], period: Period): Rate<ReworkMember> {
  return rate(
    members,
    period,
    (m) => m.finishedAt,
    () => true,
    (m) => m.rework,
  );
}
