/**
 * The per-PR timestamps every PR metric is built from (docs/metrics.md#the-timestamps-of-a-pr).
 */
import { isOtherHuman } from '../bots';
import type { PullRequestRecord, ReviewRecord } from '../records';
import { earliest } from '../time';
import type { MetricOptions } from '../types';

export interface PullRequestTimestamps {
  /** Earliest commit author date; none: `createdAt`. */
  firstCommitAt: Date;
  /** min(firstCommitAt, createdAt). */
  startAt: Date;
  /** createdAt, or for a PR opened as draft its first ready_for_review (merged while draft: mergedAt). */
  readyAt: Date | null;
  /** Earliest submitted review by a human other than the author; one before readyAt counts at readyAt. */
  firstReviewAt: Date | null;
  /** Earliest APPROVED review by a human other than the author, if before mergedAt. */
  firstApprovalAt: Date | null;
}

const SUBMITTED = new Set(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED']);

/** A submitted review: APPROVED, CHANGES_REQUESTED, COMMENTED or DISMISSED, with its time (never PENDING). */
export function isSubmittedReview(r: ReviewRecord): r is ReviewRecord & { submittedAt: Date } {
  return r.submittedAt !== null && SUBMITTED.has(r.state);
}

/**
 * Whether the PR was opened as a draft. GitHub keeps no "created as draft" flag: a PR whose first
 * draft event is a ready_for_review was a draft from the start (a convert_to_draft first means it
 * was opened ready); with no events, it is a draft from the start if it is a draft now.
 */
export function openedAsDraft(pr: Pick<PullRequestRecord, 'events' | 'isDraft'>): boolean {
  const first = pr.events.find((e) => e.kind === 'ready_for_review' || e.kind === 'convert_to_draft');
  return first ? first.kind === 'ready_for_review' : pr.isDraft;
}

export function readyAt(pr: PullRequestRecord): Date | null {
  if (!openedAsDraft(pr)) return pr.createdAt;
  const ready = pr.events.find((e) => e.kind === 'ready_for_review');
  if (ready) return ready.createdAt;
  return pr.mergedAt; // merged while still a draft; still open or closed as draft: never ready
}

export function pullRequestTimestamps(pr: PullRequestRecord, options: Pick<MetricOptions, 'botLogins'>): PullRequestTimestamps {
  const firstCommitAt = earliest(pr.commits.map((c) => c.authoredAt)) ?? pr.createdAt;
  const startAt = firstCommitAt < pr.createdAt ? firstCommitAt : pr.createdAt;
  const ready = readyAt(pr);
  const humanReviews = pr.reviews.filter((r) => isSubmittedReview(r) && isOtherHuman(r.author, pr.author, options));
  const firstReview = earliest(humanReviews.map((r) => r.submittedAt));
  const firstApproval = earliest(
    humanReviews.filter((r) => r.state === 'APPROVED' && (!pr.mergedAt || r.submittedAt! < pr.mergedAt)).map((r) => r.submittedAt),
  );
  return {
    firstCommitAt,
    startAt,
    readyAt: ready,
    firstReviewAt: firstReview && ready && firstReview < ready ? ready : firstReview,
    firstApprovalAt: firstApproval,
  };
}
