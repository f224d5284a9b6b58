/**
 * Patch coverage per pull request (docs/metrics.md#patch-coverage-per-pull-request: "from `codecov/patch` where present"): the share of
 * the PR's changed lines that tests cover, as Codecov reports it on the PR's head commit, e.g.
 * `85.71% of diff hit (target 80.00%)`. The latest `codecov/patch` status (or check run) with a
 * percentage counts; `Coverage not affected…` carries none and leaves the PR without a value.
 *
 * The commit records hold default-branch commits only, so this takes its own input: each PR with
 * its head sha and the statuses and check runs reported on that head (a sync of PR heads' statuses
 * must provide them). A PR counts in the period of its `mergedAt` (a PR's coverage is final when it
 * merges, as its other merge-attributed metrics); unmerged PRs are left out.
 */
import { aggregate } from '../aggregate';
import type { CommitRecord } from '../records';
import type { Aggregate, Period } from '../types';
import { firstPercentage } from './percent';

export interface PullRequestHeadReports {
  pullRequestId: number;
  repoId: number;
  repo: string;
  number: number;
  headSha: string;
  mergedAt: Date | null;
  /** What was reported on the head commit. */
  statuses: CommitRecord['statuses'];
  checkRuns: CommitRecord['checkRuns'];
}

export interface PatchCoverageMember {
  pullRequestId: number;
  repoId: number;
  repo: string;
  number: number;
  headSha: string;
  mergedAt: Date;
  /** Patch coverage in percent; null when Codecov reported none. */
  pct: number | null;
  text: string | null;
}

const PATCH = 'codecov/patch';

/** The latest `codecov/patch` report on the head with a percentage. */
export function readPatchCoverage(head: Pick<PullRequestHeadReports, 'statuses' | 'checkRuns'>): { pct: number; text: string } | null {
  const reports = [
    ...head.statuses.filter((s) => s.context.toLowerCase() === PATCH).map((s) => ({ at: s.createdAt.getTime(), text: s.description })),
    ...head.checkRuns.filter((r) => r.name.toLowerCase() === PATCH).map((r) => ({ at: r.completedAt?.getTime() ?? Number.NEGATIVE_INFINITY, text: r.title })),
  ];
  let best: { at: number; pct: number; text: string } | null = null;
  for (const { at, text } of reports) {
    const pct = firstPercentage(text);
    if (pct !== null && text !== null && (!best || at >= best.at)) best = { at, pct, text };
  }
  return best && { pct: best.pct, text: best.text };
}

/** PRs merged in the period with their patch coverage; the distribution is over those that have one. */
export function patchCoverage(prs: readonly PullRequestHeadReports[], period: Period): Aggregate<PatchCoverageMember> {
  const members = prs.flatMap((pr): PatchCoverageMember[] => {
    if (!pr.mergedAt) return [];
    const found = readPatchCoverage(pr);
    const { pullRequestId, repoId, repo, number, headSha, mergedAt } = pr;
    return [{ pullRequestId, repoId, repo, number, headSha, mergedAt, pct: found?.pct ?? null, text: found?.text ?? null }];
  });
  return aggregate(members, period, (m) => m.mergedAt, (m) => m.pct);
}
