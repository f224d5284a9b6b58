/**
 * Review load per reviewer over a period: who reviews, how much, and what is still waiting for them.
 */
import { isOtherHuman } from '../bots';
import type { PullRequestRecord, ReviewState } from '../records';
import { inPeriod } from '../time';
import type { MetricOptions, Period } from '../types';
import { pullRequestRef, type PullRequestRef } from './pull-request-ref';
import type { ReviewRequestMember } from './review-turnaround';
import { isSubmittedReview } from './timestamps';

export interface ReviewLoadReviewMember extends PullRequestRef {
  reviewId: number;
  state: ReviewState;
  submittedAt: Date;
}

export interface ReviewerLoad {
  /** The reviewer's login as first seen. */
  reviewer: string;
  /** Reviews they submitted in the period (on PRs they did not author). */
  reviewsSubmitted: number;
  /** Distinct PRs among those reviews. */
  pullRequestsReviewed: number;
  /** Requests to them (by name, not via a team) made in the period. */
  requestsReceived: number;
  /** Requests to them still waiting at `now`, made before the period's end. */
  requestsWaiting: number;
  reviews: ReviewLoadReviewMember[];
  requests: ReviewRequestMember[];
  waiting: ReviewRequestMember[];
}

/**
 * Per human reviewer: reviews submitted in the period (submitted_at in it), distinct PRs reviewed,
 * review requests received in the period (requested_at in it), and their requests still waiting at
 * now. `requests` are the counted review requests of the same PRs (see review-turnaround.ts).
 * Sorted by reviews submitted, then requests received (both descending), then login.
 */
export function reviewLoad(
  prs: readonly PullRequestRecord[],
  requests: readonly ReviewRequestMember[],
  period: Period,
  options: Pick<MetricOptions, 'botLogins'>,
): ReviewerLoad[] {
  const byReviewer = new Map<string, ReviewerLoad>();
  const entry = (login: string): ReviewerLoad => {
    const key = login.toLowerCase();
    let load = byReviewer.get(key);
    if (!load) {
      load = { reviewer: login, reviewsSubmitted: 0, pullRequestsReviewed: 0, requestsReceived: 0, requestsWaiting: 0, reviews: [], requests: [], waiting: [] };
      byReviewer.set(key, load);
    }
    return load;
  };

  for (const pr of prs) {
    for (const r of pr.reviews) {
      if (!isSubmittedReview(r) || !r.author.login || !inPeriod(r.submittedAt, period) || !isOtherHuman(r.author, pr.author, options)) continue;
      entry(r.author.login).reviews.push({ ...pullRequestRef(pr), reviewId: r.id, state: r.state, submittedAt: r.submittedAt });
    }
  }
  for (const request of requests) {
    if (request.reviewer === null) continue; // a team request names nobody in particular
    if (inPeriod(request.requestedAt, period)) entry(request.reviewer).requests.push(request);
    if (request.status === 'waiting' && request.requestedAt < period.to) entry(request.reviewer).waiting.push(request);
  }

  const loads = [...byReviewer.values()];
  for (const load of loads) {
    load.reviewsSubmitted = load.reviews.length;
    load.pullRequestsReviewed = new Set(load.reviews.map((r) => r.prId)).size;
    load.requestsReceived = load.requests.length;
    load.requestsWaiting = load.waiting.length;
  }
  return loads.sort(
    (a, b) =>
      b.reviewsSubmitted - a.reviewsSubmitted || b.requestsReceived - a.requestsReceived || a.reviewer.toLowerCase().localeCompare(b.reviewer.toLowerCase()),
  );
}
