/**
 * The DevLake preset: Apache DevLake's per-PR definitions (its `change_lead_time_calculator`), for
 * teams comparing with or migrating from it. They differ from ours (docs/metrics.md#the-devlake-preset) on purpose:
 *
 * - every span is rounded UP to whole minutes, and one that is negative after rounding is null;
 * - first review = the earliest comment of any kind (conversation, diff, or a review) by anyone but
 *   the author, bots included;
 * - coding = first commit author date → created (no commits: null); pickup = created → first review;
 *   review = first review → merged; time to merge = created → merged; deploy = merged → deployed;
 * - cycle = coding + time to merge + deploy, each part already rounded, a missing part counted as 0;
 * - only merged PRs have values (DevLake computes nothing for the others).
 *
 * Values are whole minutes here; the aggregation reports them in seconds (minutes × 60).
 */
import type { PullRequestRecord } from '../records';
import { earliest } from '../time';
import { sameLogin } from './pull-request-ref';

/** A comment as DevLake's first-review rule sees it: conversation, diff, or a review (type REVIEW). */
export interface DevLakeComment {
  id: number;
  /** `conversation`, `diff` (as stored) or `review`. */
  kind: string;
  author: string | null;
  at: Date;
}

export interface DevLakeMinutes {
  minutes: number | null;
  /** The span was negative (DevLake drops it silently; we still list it). */
  negative: boolean;
}

export interface DevLakePullRequest {
  /** Earliest commit author date; null without commits (DevLake then has no coding time). */
  firstCommitAt: Date | null;
  firstReview: DevLakeComment | null;
  coding: DevLakeMinutes;
  pickup: DevLakeMinutes;
  review: DevLakeMinutes;
  timeToMerge: DevLakeMinutes;
  deploy: DevLakeMinutes;
  /** coding + timeToMerge + deploy, nulls as 0 (never null for a merged PR). */
  cycle: number;
}

/** DevLake's span: `ceil((end − start) / 1 min)`; null when an end is missing or the rounded value is below 0. */
export function devlakeMinutes(start: Date | null | undefined, end: Date | null | undefined): DevLakeMinutes {
  if (!start || !end) return { minutes: null, negative: false };
  const minutes = Math.ceil((end.getTime() - start.getTime()) / 60_000);
  // A span between −60 s and 0 rounds up to 0 and is kept, as in DevLake (Math.ceil gives −0: normalise).
  return minutes < 0 ? { minutes: null, negative: true } : { minutes: minutes === 0 ? 0 : minutes, negative: false };
}

/** The PR's conversation and diff comments and its submitted reviews (type REVIEW), as DevLake stores them. */
export function devlakeComments(pr: PullRequestRecord): DevLakeComment[] {
  const comments = pr.comments.map((c) => ({ id: c.id, kind: c.kind, author: c.author.login, at: c.createdAt }));
  // DevLake skips PENDING reviews and reviews without a user (a deleted account).
  const reviews = pr.reviews
    .filter((r) => r.state !== 'PENDING' && r.submittedAt !== null && r.author.login !== null)
    .map((r) => ({ id: r.id, kind: 'review', author: r.author.login, at: r.submittedAt! }));
  return [...comments, ...reviews];
}

/** First review (DevLake) = the earliest comment of any kind — conversation, diff or review — by anyone but the author, bots included. */
export function devlakeFirstReview(pr: PullRequestRecord): DevLakeComment | null {
  let first: DevLakeComment | null = null;
  for (const c of devlakeComments(pr)) {
    if (sameLogin(c.author, pr.author.login)) continue;
    if (!first || c.at < first.at) first = c;
  }
  return first;
}

/**
 * DevLake's per-PR values in whole minutes: coding = first commit → created, pickup = created → first
 * review, review = first review → merged, time to merge = created → merged, deploy = merged →
 * deployed, cycle = coding + time to merge + deploy (missing parts as 0). null for a PR not merged.
 */
export function devlakePullRequest(pr: PullRequestRecord, deployedAt: Date | null): DevLakePullRequest | null {
  if (!pr.mergedAt) return null;
  const firstCommitAt = earliest(pr.commits.map((c) => c.authoredAt));
  const firstReview = devlakeFirstReview(pr);
  const coding = devlakeMinutes(firstCommitAt, pr.createdAt);
  const timeToMerge = devlakeMinutes(pr.createdAt, pr.mergedAt);
  const deploy = devlakeMinutes(pr.mergedAt, deployedAt);
  return {
    firstCommitAt,
    firstReview,
    coding,
    pickup: devlakeMinutes(pr.createdAt, firstReview?.at),
    review: devlakeMinutes(firstReview?.at, pr.mergedAt),
    timeToMerge,
    deploy,
    cycle: (coding.minutes ?? 0) + (timeToMerge.minutes ?? 0) + (deploy.minutes ?? 0),
  };
}
