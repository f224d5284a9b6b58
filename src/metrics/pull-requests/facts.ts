/**
 * The other per-PR facts (docs/metrics.md#other-per-pr-facts): size, unreviewed merge, self-merge, rework, review rounds.
 */
import { isOtherHuman } from '../bots';
import type { PullRequestRecord } from '../records';
import type { MetricOptions } from '../types';
import { sameLogin } from './pull-request-ref';
import { isSubmittedReview, type PullRequestTimestamps } from './timestamps';

export interface PullRequestFacts {
  additions: number;
  deletions: number;
  size: number;
  /** null while not merged. */
  unreviewedMerge: boolean | null;
  /** null while not merged. */
  selfMerged: boolean | null;
  /** null without a first review (nothing to rework after). */
  rework: number | null;
  reviewRounds: number;
}

/** size = additions + deletions. */
export function size(pr: Pick<PullRequestRecord, 'additions' | 'deletions'>): number {
  return pr.additions + pr.deletions;
}

/**
 * Unreviewed merge = merged with no human non-author review: no submitted review by another human
 * at or before merged_at (a review after the merge did not review what was merged). null if not merged.
 */
export function isUnreviewedMerge(pr: PullRequestRecord, options: Pick<MetricOptions, 'botLogins'>): boolean | null {
  const mergedAt = pr.mergedAt;
  if (!mergedAt) return null;
  return !pr.reviews.some((r) => isSubmittedReview(r) && r.submittedAt <= mergedAt && isOtherHuman(r.author, pr.author, options));
}

/** Self-merged = merged by its author with no approval (no first_approval_at). Unknown merger: false. null if not merged. */
export function isSelfMerged(pr: PullRequestRecord, ts: Pick<PullRequestTimestamps, 'firstApprovalAt'>): boolean | null {
  if (!pr.mergedAt) return null;
  return sameLogin(pr.mergedBy?.login, pr.author.login) && ts.firstApprovalAt === null;
}

/** Rework = number of commits authored after first_review_at; null without a first review. */
export function rework(pr: PullRequestRecord, ts: Pick<PullRequestTimestamps, 'firstReviewAt'>): number | null {
  const firstReviewAt = ts.firstReviewAt;
  if (!firstReviewAt) return null;
  return pr.commits.filter((c) => c.authoredAt > firstReviewAt).length;
}

/** Review rounds = number of CHANGES_REQUESTED reviews (by humans other than the author). */
export function reviewRounds(pr: PullRequestRecord, options: Pick<MetricOptions, 'botLogins'>): number {
  return pr.reviews.filter((r) => r.state === 'CHANGES_REQUESTED' && r.submittedAt && isOtherHuman(r.author, pr.author, options)).length;
}

/** All of the above for one PR. */
export function pullRequestFacts(pr: PullRequestRecord, ts: PullRequestTimestamps, options: Pick<MetricOptions, 'botLogins'>): PullRequestFacts {
  return {
    additions: pr.additions,
    deletions: pr.deletions,
    size: size(pr),
    unreviewedMerge: isUnreviewedMerge(pr, options),
    selfMerged: isSelfMerged(pr, ts),
    rework: rework(pr, ts),
    reviewRounds: reviewRounds(pr, options),
  };
}
