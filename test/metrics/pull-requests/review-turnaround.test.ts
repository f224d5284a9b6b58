/**
 * Review turnaround per review request (docs/metrics.md#review-turnaround). Monday 2026-11-02, UTC.
 */
import { describe, expect, it } from 'vitest';
import { reviewRequests } from '@/metrics/pull-requests/review-turnaround';
import { HOUR, options, pr, readyForReview, removed, requested, review, t } from './builders';

const NOW = '2026-11-04T15:00:00Z';

describe('review requests on a merged PR', () => {
  // Opened as draft 09:00, ready 10:00, merged 15:00.
  const p = pr({
    createdAt: '2026-11-02T09:00:00Z',
    events: [
      requested('2026-11-02T09:30:00Z', 'bob'), // while draft: t = ready 10:00
      requested('2026-11-02T09:40:00Z', 'renovate[bot]'), // to a bot: left out
      readyForReview('2026-11-02T10:00:00Z'),
      requested('2026-11-02T10:00:00Z', 'carol'),
      requested('2026-11-02T10:00:00Z', 'dave'),
      removed('2026-11-02T10:20:00Z', 'carol'),
      requested('2026-11-02T10:30:00Z', { team: 'backend' }),
      requested('2026-11-02T10:35:00Z', 'erin', 'github-actions[bot]'), // by a bot: left out
      requested('2026-11-02T12:00:00Z', 'bob'), // re-request: its own request
      requested('2026-11-02T13:00:00Z', 'carol'), // carol asked again after the removal
    ],
    reviews: [
      review('bob', 'COMMENTED', '2026-11-02T09:45:00Z'), // before t = 10:00: not a response
      review('alice', 'COMMENTED', '2026-11-02T10:40:00Z'), // the author: answers nothing
      review('dependabot[bot]', 'COMMENTED', '2026-11-02T10:45:00Z'), // a bot: answers nothing
      review('bob', 'COMMENTED', '2026-11-02T11:00:00Z'),
      review('bob', 'APPROVED', '2026-11-02T14:30:00Z'),
      review('carol', 'COMMENTED', '2026-11-02T16:00:00Z'),
    ],
    mergedAt: '2026-11-02T15:00:00Z',
  });
  const requests = reviewRequests(p, options(NOW));
  const row = (r: (typeof requests)[number]) => [r.reviewer ?? `team:${r.team}`, r.status, r.startsAt.toISOString().slice(11, 16), r.seconds];

  it('gives each counted request its status and turnaround, in event order', () => {
    expect(requests.map(row)).toEqual([
      ['bob', 'answered', '10:00', 1 * HOUR], //       requested 09:30 (draft) → t = ready 10:00 → bob 11:00 (his 09:45 was before t) = 3600 s
      ['carol', 'withdrawn', '10:00', null], //        removed 10:20, before her first review (16:00)
      ['dave', 'unanswered', '10:00', null], //        no review by dave; the PR is merged
      ['team:backend', 'answered', '10:30', 0.5 * HOUR], // first human non-author review after 10:30: bob 11:00 (alice's own 10:40 and the bot's 10:45 do not count) = 1800 s
      ['bob', 'answered', '12:00', 2.5 * HOUR], //     re-request 12:00 → bob 14:30 = 9000 s
      ['carol', 'answered', '13:00', 3 * HOUR], //     asked again 13:00 → carol 16:00 (after the merge, still her response) = 10800 s
    ]);
  });

  it('leaves out requests to bots and requests made by bots', () => {
    expect(requests.map((r) => r.reviewer)).not.toContain('renovate[bot]');
    expect(requests.map((r) => r.reviewer)).not.toContain('erin');
  });

  it('records what the status rests on', () => {
    expect(requests[0]).toMatchObject({
      requestedAt: t('2026-11-02T09:30:00Z'),
      readyAt: t('2026-11-02T10:00:00Z'),
      respondedAt: t('2026-11-02T11:00:00Z'),
      respondedBy: 'bob',
    });
    expect(requests[1]).toMatchObject({ removedAt: t('2026-11-02T10:20:00Z'), respondedAt: null });
    expect(requests[2]).toMatchObject({ endedAt: t('2026-11-02T15:00:00Z'), prState: 'merged' });
    expect(requests[3]).toMatchObject({ team: 'backend', reviewer: null, respondedBy: 'bob' });
  });
});

describe('requests without a response', () => {
  it('is waiting on an open PR, with its age at now', () => {
    // Requested Tuesday 09:00; now Wednesday 15:00 → 30 h = 108000 s.
    const p = pr({ createdAt: '2026-11-03T09:00:00Z', events: [requested('2026-11-03T09:00:00Z', 'frank')] });
    expect(reviewRequests(p, options(NOW))).toMatchObject([{ reviewer: 'frank', status: 'waiting', seconds: 30 * HOUR }]);
  });

  it('is unanswered on a PR closed without merging', () => {
    const p = pr({ createdAt: '2026-11-02T09:00:00Z', closedAt: '2026-11-02T12:00:00Z', events: [requested('2026-11-02T09:10:00Z', 'gina')] });
    expect(reviewRequests(p, options(NOW))).toMatchObject([{ status: 'unanswered', endedAt: t('2026-11-02T12:00:00Z'), seconds: null }]);
  });

  it('takes "after t" strictly: a review in the same second as the request does not answer it', () => {
    // Requested 10:00:00; bob's review 10:00:00 is not after t; his 10:45:00 one is → 45 min = 2700 s.
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      events: [requested('2026-11-02T10:00:00Z', 'bob')],
      reviews: [review('bob', 'COMMENTED', '2026-11-02T10:00:00Z'), review('bob', 'COMMENTED', '2026-11-02T10:45:00Z')],
    });
    expect(reviewRequests(p, options(NOW))).toMatchObject([{ status: 'answered', seconds: 2700 }]);
  });

  it('matches a removal to its own reviewer or team only', () => {
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      events: [requested('2026-11-02T09:00:00Z', { team: 'backend' }), requested('2026-11-02T09:00:00Z', 'Bob'), removed('2026-11-02T09:30:00Z', 'bob')],
    });
    // The removal names bob (case-insensitively Bob's request), not the team: the team request is still waiting.
    expect(reviewRequests(p, options(NOW)).map((r) => [r.team ?? r.reviewer, r.status])).toEqual([
      ['backend', 'waiting'],
      ['Bob', 'withdrawn'],
    ]);
  });
});

describe('business time', () => {
  it('counts no weekend time in the turnaround', () => {
    // Requested Friday 2026-11-06 17:00, answered Monday 2026-11-09 09:00: calendar 64 h; business
    // Friday 17:00 → 24:00 = 7 h + Monday 00:00 → 09:00 = 9 h = 16 h = 57600 s.
    const p = pr({
      createdAt: '2026-11-06T16:00:00Z',
      events: [requested('2026-11-06T17:00:00Z', 'bob')],
      reviews: [review('bob', 'APPROVED', '2026-11-09T09:00:00Z')],
    });
    expect(reviewRequests(p, options(NOW))[0]!.seconds).toBe(64 * HOUR);
    expect(reviewRequests(p, options(NOW, { businessTime: true }))[0]!.seconds).toBe(16 * HOUR);
  });
});
