/**
 * Reverts (docs/metrics.md#change-failure-rate (c) and #deployment-rework-rate-dora-2024): a revert is a PR titled
 * `Revert "…"` or from a `revert-N-` branch, the title and branch GitHub's Revert button gives.
 * A merged revert names the PR it reverts by its branch (`revert-N-…`: PR number N of the same
 * repository) or by its title (the PR whose title is the quoted one; of several, the latest merged
 * before the revert).
 */
import type { PullRequestRecord } from '../records';

const REVERT_TITLE = /^Revert "([\s\S]*)"$/;
const REVERT_BRANCH = /^revert-(\d+)-/;

/** A PR titled `Revert "…"` or from a `revert-N-` branch. */
export function isRevert(pr: Pick<PullRequestRecord, 'title' | 'headRef'>): boolean {
  return REVERT_TITLE.test(pr.title.trim()) || REVERT_BRANCH.test(pr.headRef);
}

/** The PRs a merged revert names: by its `revert-N-` branch and by the title inside `Revert "…"`. */
export function revertedBy(revert: PullRequestRecord, prs: readonly PullRequestRecord[]): PullRequestRecord[] {
  if (!revert.mergedAt) return [];
  const revertedAt = revert.mergedAt;
  const earlier = prs.filter((p) => p.repoId === revert.repoId && p.id !== revert.id && p.mergedAt !== null && p.mergedAt < revertedAt);
  const targets = new Set<PullRequestRecord>();
  const branch = REVERT_BRANCH.exec(revert.headRef);
  if (branch) {
    const byNumber = earlier.find((p) => p.number === Number(branch[1]));
    if (byNumber) targets.add(byNumber);
  }
  const title = REVERT_TITLE.exec(revert.title.trim());
  if (title) {
    const named = earlier.filter((p) => p.title.trim() === title[1]!.trim()).sort((a, b) => b.mergedAt!.getTime() - a.mergedAt!.getTime());
    if (named[0]) targets.add(named[0]);
  }
  return [...targets];
}

/** Reverted PR id → the merged reverts that name it. */
export function revertsByTarget(prs: readonly PullRequestRecord[]): Map<number, PullRequestRecord[]> {
  const byTarget = new Map<number, PullRequestRecord[]>();
  for (const revert of prs) {
    if (!revert.mergedAt || !isRevert(revert)) continue;
    for (const target of revertedBy(revert, prs)) byTarget.set(target.id, [...(byTarget.get(target.id) ?? []), revert]);
  }
  return byTarget;
}
