/**
 * Headline numbers worked out from the generator's truth alone (not from stored rows or the code
 * under test): the service tests and the browser tests compare the product with these. The median
 * is written here too (linear interpolation, docs/metrics.md#conventions).
 */
import type { OrgTruth } from '@/fake-github/truth';

export interface Window {
  from: Date;
  to: Date;
}

const ms = (iso: string) => Date.parse(iso);

export const inWindow = (iso: string | null, w: Window): iso is string => iso !== null && ms(iso) >= w.from.getTime() && ms(iso) < w.to.getTime();

export const secondsBetween = (from: string, to: string) => (ms(to) - ms(from)) / 1000;

/** The p50 by linear interpolation between closest ranks. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) / 2;
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** One window's headline numbers from the truth; bots' PRs only with `includeBots`. */
export function expectedFromTruth(t: OrgTruth, w: Window, options: { includeBots?: boolean } = {}) {
  const prs = t.pullRequests.filter((p) => options.includeBots || !p.authorIsBot);
  const deployments = t.deployments.filter((d) => inWindow(d.finishedAt, w));
  const runs = t.workflowRuns.filter((r) => inWindow(r.createdAt, w) && (r.outcome === 'success' || r.outcome === 'failure'));
  const pickup = prs.filter((p) => inWindow(p.firstReviewAt, w) && p.readyAt);
  const merged = prs.filter((p) => inWindow(p.mergedAt, w));
  const deployed = prs.filter((p) => inWindow(p.deployedAt, w));
  return {
    // pickup = first_review_at − ready_at, attributed to first_review_at
    timeToFirstReview: median(pickup.map((p) => secondsBetween(p.readyAt!, p.firstReviewAt!))),
    // cycle = merged_at − start_at, attributed to merged_at
    cycleTime: median(merged.map((p) => secondsBetween(p.startAt!, p.mergedAt!))),
    // lead time = deployed_at − start_at, over PRs deployed in the window
    leadTime: median(deployed.map((p) => secondsBetween(p.startAt!, p.deployedAt!))),
    // one week: successful production deployments finished in it
    deployments: deployments.filter((d) => d.outcome === 'success').length,
    changeFailureRate: deployments.length ? deployments.filter((d) => d.failed).length / deployments.length : null,
    ciSuccessRate: runs.length ? runs.filter((r) => r.outcome === 'success').length / runs.length : null,
    counts: { pickup: pickup.length, cycle: merged.length, lead: deployed.length, deployments: deployments.length, runs: runs.length },
    merged,
    pickupPrs: pickup,
  };
}
