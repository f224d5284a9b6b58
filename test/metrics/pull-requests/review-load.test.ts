/**
 * Review load per reviewer over a period. Period: the week of Monday 2026-11-09 (UTC).
 */
import { describe, expect, it } from 'vitest';
import { reviewLoad } from '@/metrics/pull-requests/review-load';
import { reviewRequests } from '@/metrics/pull-requests/review-turnaround';
import { options, pr, requested, review, t } from './builders';

const period = { from: t('2026-11-09T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
const opts = options('2026-11-13T12:00:00Z');

describe('review load', () => {
  const one = pr({
    number: 1,
    createdAt: '2026-11-06T09:00:00Z',
    events: [requested('2026-11-06T09:00:00Z', 'bob'), requested('2026-11-10T09:00:00Z', 'bob')],
    reviews: [
      review('bob', 'COMMENTED', '2026-11-06T10:00:00Z'), // before the period: not counted
      review('bob', 'CHANGES_REQUESTED', '2026-11-10T10:00:00Z'),
      review('bob', 'APPROVED', '2026-11-11T10:00:00Z'),
      review('alice', 'COMMENTED', '2026-11-10T11:00:00Z'), // the author on her own PR: not a review
      review('sonar[bot]', 'COMMENTED', '2026-11-10T11:00:00Z'), // a bot: not a reviewer
      review('bob', 'PENDING', null), // not submitted
    ],
    mergedAt: '2026-11-11T12:00:00Z',
  });
  const two = pr({
    number: 2,
    createdAt: '2026-11-10T09:00:00Z',
    events: [requested('2026-11-10T09:00:00Z', 'bob'), requested('2026-11-10T09:00:00Z', 'carol'), requested('2026-11-10T09:00:00Z', { team: 'web' })],
    reviews: [review('bob', 'COMMENTED', '2026-11-12T10:00:00Z')],
  });
  const prs = [one, two];
  const requests = prs.flatMap((p) => reviewRequests(p, opts));
  const loads = reviewLoad(prs, requests, period, opts);

  it('counts reviews, distinct PRs, requests received and still waiting, per human reviewer', () => {
    expect(loads.map((l) => [l.reviewer, l.reviewsSubmitted, l.pullRequestsReviewed, l.requestsReceived, l.requestsWaiting])).toEqual([
      // bob: reviews 10 Nov and 11 Nov on #1, 12 Nov on #2 = 3 reviews on 2 PRs (6 Nov is before the period);
      // requests received in the period: #1 on 10 Nov and #2 on 10 Nov = 2 (6 Nov's is before);
      // waiting at now: none (#2's request was answered on 12 Nov).
      ['bob', 3, 2, 2, 0],
      // carol: requested on #2 (open, no review from her) → received 1, waiting 1. The team request names nobody.
      ['carol', 0, 0, 1, 1],
    ]);
  });

  it('carries the members each count is made of', () => {
    const bob = loads[0]!;
    expect(bob.reviews.map((r) => [r.number, r.state])).toEqual([
      [1, 'CHANGES_REQUESTED'],
      [1, 'APPROVED'],
      [2, 'COMMENTED'],
    ]);
    expect(loads[1]!.waiting).toMatchObject([{ number: 2, reviewer: 'carol', status: 'waiting', seconds: 3 * 24 * 3600 + 3 * 3600 }]);
    // carol's age: requested Tue 10 Nov 09:00 → now Fri 13 Nov 12:00 = 3 d 3 h = 270000 s.
  });
});
