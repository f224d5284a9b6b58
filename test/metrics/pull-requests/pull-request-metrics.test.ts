/**
 * PR metrics over a period: attribution per docs/metrics.md#attribution-to-a-period,
 * medians with their members, rates, bots, anomalies and weekly series. The period is the ISO week
 * of Monday 2026-11-09 (UTC) unless said.
 */
import { describe, expect, it } from 'vitest';
import { pullRequestMetrics, type PullRequestMetrics } from '@/metrics/pull-requests/pull-request-metrics';
import { PHASES } from '@/metrics/pull-requests/phases';
import { HOUR, comment, options, pr, requested, review, t } from './builders';

const W46 = { from: t('2026-11-09T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
const W45 = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') };
const opts = options('2026-11-20T12:00:00Z');
const numbers = (m: PullRequestMetrics, phase: (typeof PHASES)[number]) => m[phase].members.map((x) => [x.number, x.seconds]);

describe('period attribution', () => {
  // A: created Thu 5 Nov 09:00, first reviewed Fri 6 Nov 10:00 (W45), approved Mon 9 Nov 10:00, merged Tue 10 Nov 12:00 (W46).
  const a = pr({
    number: 1,
    createdAt: '2026-11-05T09:00:00Z',
    reviews: [review('bob', 'COMMENTED', '2026-11-06T10:00:00Z'), review('carol', 'APPROVED', '2026-11-09T10:00:00Z')],
    mergedAt: '2026-11-10T12:00:00Z',
  });
  // B: created Mon 9 Nov 09:00, first reviewed 11:00, still open.
  const b = pr({ number: 2, createdAt: '2026-11-09T09:00:00Z', reviews: [review('bob', 'COMMENTED', '2026-11-09T11:00:00Z')] });
  // C: created and merged Fri 6 Nov (W45), deployed Tue 10 Nov 12:00 (W46).
  const c = pr({ number: 3, createdAt: '2026-11-06T09:00:00Z', mergedAt: '2026-11-06T12:00:00Z' });
  const deployed = new Map([
    [a.id, t('2026-11-18T00:00:00Z')],
    [c.id, t('2026-11-10T12:00:00Z')],
  ]);
  const w46 = pullRequestMetrics([a, b, c], W46, opts, deployed);
  const w45 = pullRequestMetrics([a, b, c], W45, opts, deployed);

  it('puts a PR merged in the period but first-reviewed before it in every merged_at phase, not in pickup', () => {
    expect(numbers(w46, 'coding')).toEqual([[1, 0]]); // no commits: start = created = ready
    expect(numbers(w46, 'review')).toEqual([[1, 72 * HOUR]]); // Fri 10:00 → Mon 10:00 = 72 h
    expect(numbers(w46, 'merge')).toEqual([[1, 26 * HOUR]]); // Mon 10:00 → Tue 12:00 = 26 h
    expect(numbers(w46, 'cycle')).toEqual([[1, 123 * HOUR]]); // Thu 09:00 → Tue 12:00 = 5 d 3 h = 123 h
    // pickup is attributed to first_review_at: B (09:00 → 11:00 = 2 h) is in W46; A (Thu 09:00 → Fri 10:00 = 25 h) in W45.
    expect(numbers(w46, 'pickup')).toEqual([[2, 2 * HOUR]]);
    expect(numbers(w45, 'pickup')).toEqual([[1, 25 * HOUR]]);
  });

  it('puts deploy and lead in the period of the deployment', () => {
    // C merged in W45, deployed Tue 10 Nov 12:00: deploy = Fri 12:00 → Tue 12:00 = 96 h, lead = Fri 09:00 → Tue 12:00 = 99 h.
    // A was deployed on 18 Nov: not in W46.
    expect(numbers(w46, 'deploy')).toEqual([[3, 96 * HOUR]]);
    expect(numbers(w46, 'lead')).toEqual([[3, 99 * HOUR]]);
    expect(numbers(w45, 'cycle')).toEqual([[3, 3 * HOUR]]);
    expect(w45.deploy.members).toEqual([]);
  });

  it('gives members what a person needs to check them by hand', () => {
    expect(w46.cycle.members[0]).toMatchObject({
      repo: 'acme/api',
      number: 1,
      title: 'PR 1',
      author: 'alice',
      phase: 'cycle',
      startName: 'start_at',
      start: t('2026-11-05T09:00:00Z'),
      endName: 'merged_at',
      end: t('2026-11-10T12:00:00Z'),
      attributedAt: t('2026-11-10T12:00:00Z'),
      seconds: 123 * HOUR,
      timestamps: { firstReviewAt: t('2026-11-06T10:00:00Z'), firstApprovalAt: t('2026-11-09T10:00:00Z'), deployedAt: t('2026-11-18T00:00:00Z') },
      devlake: null,
    });
  });
});

describe('medians, outliers, missing phases and rates', () => {
  // Five PRs merged on Wednesday 11 Nov; cycle times 1 h, 2 h, 3 h, 5 h and 1000 h.
  const d1 = pr({ number: 1, createdAt: '2026-11-11T09:00:00Z', mergedAt: '2026-11-11T10:00:00Z', mergedBy: 'alice', additions: 10, deletions: 0 });
  const d2 = pr({ number: 2, createdAt: '2026-11-11T09:00:00Z', mergedAt: '2026-11-11T11:00:00Z', mergedBy: 'bob', additions: 20, deletions: 20 });
  const d3 = pr({
    number: 3,
    createdAt: '2026-11-11T09:00:00Z',
    reviews: [review('bob', 'APPROVED', '2026-11-11T10:00:00Z')],
    mergedAt: '2026-11-11T12:00:00Z',
    mergedBy: 'alice',
    additions: 100,
    deletions: 50,
  });
  const d4 = pr({
    number: 4,
    createdAt: '2026-11-11T09:00:00Z',
    commits: ['2026-11-11T07:00:00Z', '2026-11-11T13:00:00Z'],
    reviews: [review('bob', 'CHANGES_REQUESTED', '2026-11-11T10:00:00Z'), review('bob', 'APPROVED', '2026-11-11T13:30:00Z')],
    mergedAt: '2026-11-11T14:00:00Z',
    additions: 5,
    deletions: 5,
  });
  // 1000 h before Wed 11 Nov 12:00 is Wed 30 Sep 20:00 (41 days and 16 hours).
  const d5 = pr({ number: 5, createdAt: '2026-09-30T20:00:00Z', mergedAt: '2026-11-11T12:00:00Z', additions: 3000, deletions: 1000 });
  const m = pullRequestMetrics([d1, d2, d3, d4, d5], W46, opts);

  it('keeps the outlier: it moves p90 and the mean, not the median', () => {
    // cycle: d1 1 h, d2 2 h, d3 3 h, d4 07:00 → 14:00 = 7 h, d5 1000 h. Sorted 1, 2, 3, 7, 1000:
    // p50 = 3 h; p75 rank 3 → 7 h; p90 rank 3.6 → 7 + 0.6 × 993 = 602.8 h; mean = 1013 / 5 = 202.6 h.
    expect(m.cycle.value.n).toBe(5);
    expect(m.cycle.value.p50).toBe(3 * HOUR);
    expect(m.cycle.value.p75).toBe(7 * HOUR);
    expect(m.cycle.value.p90).toBeCloseTo(602.8 * HOUR, 6);
    expect(m.cycle.value.mean).toBeCloseTo(202.6 * HOUR, 6);
  });

  it('leaves missing phases out of n but keeps their members (value null)', () => {
    // review time exists only for d3 (approval 10:00 − first review 10:00 = 0) and d4 (10:00 → 13:30 = 3.5 h).
    expect(m.review.members.map((x) => [x.number, x.seconds])).toEqual([
      [1, null],
      [2, null],
      [3, 0],
      [4, 3.5 * HOUR],
      [5, null],
    ]);
    expect(m.review.value).toMatchObject({ n: 2, p50: 1.75 * HOUR });
  });

  it('rates unreviewed and self-merges over the PRs merged in the period', () => {
    // Unreviewed: d1, d2, d5 (no review at all) = 3 of 5. Self-merged: d1 (alice merged her own PR, no
    // approval) = 1 of 5; d3 was merged by alice too, but bob had approved.
    expect(m.unreviewedMerges).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
    expect(m.unreviewedMerges.members.filter((x) => x.unreviewedMerge).map((x) => x.number)).toEqual([1, 2, 5]);
    expect(m.selfMerges).toMatchObject({ value: 0.2, numerator: 1, denominator: 5 });
  });

  it('aggregates size, rework and review rounds of the merged PRs', () => {
    // size: 10, 40, 150, 10, 4000 → p50 = 40.
    expect(m.size.value).toMatchObject({ n: 5, p50: 40 });
    // rework: only d3 (first review 10:00, no later commit: 0) and d4 (13:00 commit after 10:00: 1) were reviewed.
    expect(m.rework.members.map((x) => [x.number, x.value])).toEqual([
      [1, null],
      [2, null],
      [3, 0],
      [4, 1],
      [5, null],
    ]);
    expect(m.rework.value).toMatchObject({ n: 2, p50: 0.5 });
    // review rounds: d4 has one CHANGES_REQUESTED, the rest none → 0, 0, 0, 1, 0: p50 0, n 5.
    expect(m.reviewRounds.value).toMatchObject({ n: 5, p50: 0 });
  });
});

describe('bots', () => {
  const human = pr({ number: 1, createdAt: '2026-11-10T09:00:00Z', mergedAt: '2026-11-10T11:00:00Z' });
  const bot = pr({
    number: 2,
    author: 'dependabot[bot]',
    createdAt: '2026-11-10T09:00:00Z',
    mergedAt: '2026-11-10T10:00:00Z',
    events: [requested('2026-11-10T09:00:00Z', 'bob', 'dependabot[bot]'), requested('2026-11-10T09:05:00Z', 'carol', 'alice')],
    reviews: [review('bob', 'APPROVED', '2026-11-10T09:30:00Z'), review('carol', 'APPROVED', '2026-11-10T09:35:00Z')],
  });

  it('leaves bot-authored PRs out unless includeBots', () => {
    expect(numbers(pullRequestMetrics([human, bot], W46, opts), 'cycle')).toEqual([[1, 2 * HOUR]]);
    expect(numbers(pullRequestMetrics([human, bot], W46, { ...opts, includeBots: true }), 'cycle')).toEqual([
      [1, 2 * HOUR],
      [2, 1 * HOUR],
    ]);
  });

  it('brings back only the authors: a request made by the bot still does not count', () => {
    // On the dependabot PR: the bot's request to bob is left out even with includeBots; alice's request
    // to carol at 09:05 is answered at 09:35 = 30 min.
    const m = pullRequestMetrics([human, bot], W46, { ...opts, includeBots: true });
    expect(m.reviewTurnaround.members.map((r) => [r.number, r.reviewer, r.seconds])).toEqual([[2, 'carol', 1800]]);
  });
});

describe('review turnaround over a period', () => {
  // Requested Fri 6 Nov 16:00 (W45), answered Mon 9 Nov 10:00 (W46): 66 h, in W46 (response time).
  // Requested Thu 12 Nov 09:00, never answered, PR open: waiting, age at now (Fri 20 Nov 12:00) = 8 d 3 h = 195 h.
  const p = pr({
    createdAt: '2026-11-06T15:00:00Z',
    events: [requested('2026-11-06T16:00:00Z', 'bob'), requested('2026-11-12T09:00:00Z', 'carol'), requested('2026-11-12T09:00:00Z', 'dave')],
    reviews: [review('bob', 'COMMENTED', '2026-11-09T10:00:00Z')],
  });

  it('attributes an answered request to its response and lists the waiting ones with their age', () => {
    const w46 = pullRequestMetrics([p], W46, opts);
    expect(w46.reviewTurnaround.value).toMatchObject({ n: 1, p50: 66 * HOUR });
    expect(pullRequestMetrics([p], W45, opts).reviewTurnaround.value.n).toBe(0);
    expect(w46.waitingReviewRequests.map((r) => [r.reviewer, r.seconds])).toEqual([
      ['carol', 195 * HOUR],
      ['dave', 195 * HOUR],
    ]);
    // Requested after W45 ended: not listed as waiting in W45.
    expect(pullRequestMetrics([p], W45, opts).waitingReviewRequests).toEqual([]);
    expect(w46.reviewLoad.map((l) => [l.reviewer, l.reviewsSubmitted, l.requestsReceived, l.requestsWaiting])).toEqual([
      ['bob', 1, 0, 0],
      ['carol', 0, 1, 1],
      ['dave', 0, 1, 1],
    ]);
  });
});

describe('anomalies', () => {
  it('lists negative spans of the period by PR and phase, and leaves them out of n', () => {
    // Merged Tue 10 Nov 10:00, first reviewed after the merge at 11:00: merge = 10:00 − 11:00 < 0.
    // Deployed (per the mapping) at 09:30, before the merge: deploy < 0.
    const p = pr({
      number: 7,
      createdAt: '2026-11-10T09:00:00Z',
      mergedAt: '2026-11-10T10:00:00Z',
      reviews: [review('bob', 'COMMENTED', '2026-11-10T11:00:00Z')],
    });
    const m = pullRequestMetrics([p], W46, opts, new Map([[p.id, t('2026-11-10T09:30:00Z')]]));
    expect(m.anomalies.map((a) => [a.number, a.phase, a.startName, a.endName])).toEqual([
      [7, 'merge', 'first_review_at', 'merged_at'],
      [7, 'deploy', 'merged_at', 'deployed_at'],
    ]);
    expect(m.merge.value.n).toBe(0);
    expect(m.merge.members).toMatchObject([{ number: 7, seconds: null, negative: true }]);
  });
});

describe('weekly series in a non-UTC zone', () => {
  // I: Wed 4 Nov 10:00 → 11:00 (1 h). G: Sun 8 Nov 21:30 → 23:30 UTC (2 h), which is Monday 00:30 in
  // Berlin. H: Mon 9 Nov 09:00 → 12:00 (3 h).
  const prs = [
    pr({ number: 1, createdAt: '2026-11-04T10:00:00Z', mergedAt: '2026-11-04T11:00:00Z' }),
    pr({ number: 2, createdAt: '2026-11-08T21:30:00Z', mergedAt: '2026-11-08T23:30:00Z' }),
    pr({ number: 3, createdAt: '2026-11-09T09:00:00Z', mergedAt: '2026-11-09T12:00:00Z' }),
  ];
  // Two Berlin weeks: Mon 2 Nov 00:00 CET (1 Nov 23:00 UTC) to Mon 16 Nov 00:00 CET.
  const period = { from: t('2026-11-01T23:00:00Z'), to: t('2026-11-15T23:00:00Z') };

  it('buckets by the week in the configured zone', () => {
    const berlin = pullRequestMetrics(prs, period, options('2026-11-11T12:00:00Z', { timeZone: 'Europe/Berlin' }));
    // W45 (Berlin): I → p50 1 h. W46 (Berlin): G (Monday 00:30 there) and H → p50 (2 + 3) / 2 = 2.5 h; it contains now.
    expect(berlin.weekly.cycle.map((w) => [w.week, w.value.p50, w.value.n, w.partial])).toEqual([
      ['2026-W45', 1 * HOUR, 1, false],
      ['2026-W46', 2.5 * HOUR, 2, true],
    ]);
    expect(berlin.weekly.cycle[1]!.start).toEqual(t('2026-11-08T23:00:00Z'));
    // The same period in UTC starts on Sunday 1 Nov (W44, empty); G falls in W45 with I: p50 1.5 h.
    const utc = pullRequestMetrics(prs, period, options('2026-11-11T12:00:00Z'));
    expect(utc.weekly.cycle.map((w) => [w.week, w.value.p50, w.value.n])).toEqual([
      ['2026-W44', null, 0],
      ['2026-W45', 1.5 * HOUR, 2],
      ['2026-W46', 3 * HOUR, 1],
    ]);
  });

  it('has a series for every phase', () => {
    const m = pullRequestMetrics(prs, period, options('2026-11-11T12:00:00Z'));
    expect(Object.keys(m.weekly)).toEqual([...PHASES]);
    expect(m.weekly.pickup.every((w) => w.value.n === 0 && w.value.p50 === null)).toBe(true);
  });
});

describe('the DevLake preset switch', () => {
  it('uses DevLake’s first review (any comment, bots included) and whole minutes', () => {
    // Created Tue 10 Nov 09:00:00; codecov[bot] comments 09:00:30; bob reviews 11:00:00; merged 12:00:00.
    // Default: pickup = 09:00 → bob 11:00 = 2 h. DevLake: created → codecov 30 s → rounded up to 1 min = 60 s,
    // attributed to the comment; review = 09:00:30 → 12:00:00 = 179.5 min → 180 min.
    const p = pr({
      createdAt: '2026-11-10T09:00:00Z',
      comments: [comment('codecov[bot]', 'conversation', '2026-11-10T09:00:30Z')],
      reviews: [review('bob', 'APPROVED', '2026-11-10T11:00:00Z')],
      mergedAt: '2026-11-10T12:00:00Z',
    });
    const ours = pullRequestMetrics([p], W46, opts);
    const devlake = pullRequestMetrics([p], W46, { ...opts, preset: 'devlake' });
    expect(ours.preset).toBe('default');
    expect(ours.pickup.value.p50).toBe(2 * HOUR);
    expect(devlake.preset).toBe('devlake');
    expect(devlake.pickup.value.p50).toBe(60);
    expect(devlake.review.value.p50).toBe(180 * 60);
    expect(devlake.pickup.members[0]).toMatchObject({
      attributedAt: t('2026-11-10T09:00:30Z'),
      devlake: { minutes: 1, firstReview: { author: 'codecov[bot]', kind: 'conversation' } },
    });
  });
});
