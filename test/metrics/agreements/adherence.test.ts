/**
 * Adherence on hand-built timelines, worked by hand (docs/agreements.md). All times UTC; the team
 * is alice and bob on acme/api. 2026-11-27 is a Friday; week 2026-W48 is Mon 23 Nov to Mon 30 Nov,
 * 2026-W49 Mon 30 Nov to Mon 7 Dec; `now` is Friday 4 Dec 09:00. Business hours count Monday to
 * Friday whole days (docs/metrics.md#conventions), so a weekend adds nothing.
 */
import { describe, expect, it } from 'vitest';
import { agreementAdherence, currentBreaches, type AgreementRecords } from '@/metrics/agreements/adherence';
import type { TeamScope } from '@/metrics/agreements/members';
import type { AgreementMember } from '@/metrics/agreements/types';
import { prepareCi } from '@/metrics/ci/ci-health';
import type { CoveragePoint } from '@/metrics/coverage/point';
import type { PullRequestRecord, WorkflowRunRecord } from '@/metrics/records';
import { DEFAULT_OPTIONS } from '@/metrics/types';
import { once } from '../ci/build-runs';
import { pr, readyForReview, removed, requested, review } from '../pull-requests/builders';

const HOUR = 3600;
const NOW = new Date('2026-12-04T09:00:00Z');
const options = { ...DEFAULT_OPTIONS, now: NOW };
const W48 = { from: new Date('2026-11-23T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') };
const TWO_WEEKS = { from: W48.from, to: new Date('2026-12-07T00:00:00Z') };
const team: TeamScope = { members: ['alice', 'Bob'], repos: ['acme/api'] };
const repoNames = new Map([
  [1, 'acme/api'],
  [2, 'acme/web'],
]);

const records = (parts: Partial<AgreementRecords>): AgreementRecords => ({
  pullRequests: [],
  red: { stretches: [], ongoing: [] },
  coveragePoints: [],
  repoNames,
  ...parts,
});
const numbers = (members: AgreementMember[]) =>
  members.map((m) => (m.subject.type === 'red-branch' ? m.subject.workflow : 'number' in m.subject ? m.subject.number : m.subject.sha));

describe('first review within 8 business hours', () => {
  const prs: PullRequestRecord[] = [
    // Opened as a draft Friday 10:00, ready Friday 20:00, reviewed Monday 02:00:
    // Fri 20:00–24:00 = 4 h, Sat + Sun = 0, Mon 00:00–02:00 = 2 h → 6 h ≤ 8: met (54 calendar hours).
    pr({
      number: 1,
      createdAt: '2026-11-27T10:00:00Z',
      events: [readyForReview('2026-11-27T20:00:00Z')],
      reviews: [review('bob', 'COMMENTED', '2026-11-30T02:00:00Z')],
    }),
    // Ready Friday 14:00, reviewed Monday 05:00: 10 h + 0 + 5 h = 15 h > 8: broken.
    pr({ number: 2, createdAt: '2026-11-27T14:00:00Z', reviews: [review('bob', 'APPROVED', '2026-11-30T05:00:00Z')] }),
    // Merged with no review: Mon 10:00 → Tue 12:00 = 14 h + 12 h = 26 h without a review > 8: broken.
    pr({ number: 3, createdAt: '2026-11-23T10:00:00Z', mergedAt: '2026-11-24T12:00:00Z' }),
    // Merged with no review after 3 h: nobody was kept waiting past the target, so it does not apply.
    pr({ number: 4, createdAt: '2026-11-24T09:00:00Z', mergedAt: '2026-11-24T12:00:00Z' }),
    // Still open, unreviewed: Thu 12:00 → Fri 09:00 = 12 h + 9 h = 21 h > 8: broken, and breaking now.
    pr({ number: 5, createdAt: '2026-12-03T12:00:00Z' }),
    // Still open, 4 h old: inside the target, pending: not counted yet.
    pr({ number: 6, createdAt: '2026-12-04T05:00:00Z' }),
    // Not the team's: another author, a bot.
    pr({ number: 7, author: 'zed', createdAt: '2026-11-23T10:00:00Z' }),
    pr({ number: 8, author: 'dependabot[bot]', createdAt: '2026-11-23T10:00:00Z' }),
  ];

  it('counts business hours across the weekend, a merge without review, and waits for pending PRs', () => {
    const [first] = agreementAdherence({ firstReviewHours: 8 }, records({ pullRequests: prs }), TWO_WEEKS, team, options);
    expect(first!.agreement).toBe('firstReview');
    expect(first!.target).toBe(8);
    // In order of ready time: #3 Mon 23, #2 Fri 27 14:00, #1 Fri 27 20:00, #5 Thu 3.
    expect(numbers(first!.adherence.members)).toEqual([3, 2, 1, 5]);
    expect(first!.adherence.members.map((m) => m.measured)).toEqual([26 * HOUR, 15 * HOUR, 6 * HOUR, 21 * HOUR]);
    // Met: #1 only → 1 / 4.
    expect(first!.adherence).toMatchObject({ numerator: 1, denominator: 4, value: 0.25 });
    // W48: #3, #1, #2 → 1 / 3; W49: #5 → 0 / 1.
    expect(first!.weekly.map((w) => [w.week, w.value.met, w.value.applied])).toEqual([
      ['2026-W48', 1, 3],
      ['2026-W49', 0, 1],
    ]);
    expect(numbers(first!.breaches)).toEqual([3, 2, 5]);
    expect(first!.breaches.map((b) => b.ongoing)).toEqual([false, false, true]);
  });

  it('counts nights in business time, and calendar time is never used', () => {
    // The same PR #1 with the team's zone in Tokyo (UTC+9): ready Sat 05:00, reviewed Mon 11:00 local.
    // Sat + Sun = 0, Mon 00:00–11:00 = 11 h > 8: broken there, where the UTC team met it.
    const [first] = agreementAdherence({ firstReviewHours: 8 }, records({ pullRequests: [prs[0]!] }), TWO_WEEKS, team, { ...options, timeZone: 'Asia/Tokyo' });
    expect(first!.adherence.members.map((m) => [m.measured, m.met])).toEqual([[11 * HOUR, false]]);
  });
});

describe('each review request answered within 4 business hours', () => {
  const prs: PullRequestRecord[] = [
    pr({
      number: 10,
      createdAt: '2026-11-23T08:00:00Z',
      events: [
        requested('2026-11-23T09:00:00Z', 'bob'),
        requested('2026-11-23T09:00:00Z', 'zed'),
        requested('2026-11-23T09:00:00Z', { team: 'backend' }),
        // Re-requested after bob's first review: a request of its own.
        requested('2026-11-23T15:00:00Z', 'bob'),
      ],
      reviews: [review('bob', 'CHANGES_REQUESTED', '2026-11-23T11:00:00Z'), review('bob', 'APPROVED', '2026-11-24T10:00:00Z')],
    }),
    // Withdrawn an hour after it was made: it never waited past the target, so it does not apply.
    pr({
      number: 11,
      author: 'zed',
      createdAt: '2026-11-26T08:00:00Z',
      events: [requested('2026-11-26T09:00:00Z', 'bob', 'zed'), removed('2026-11-26T10:00:00Z', 'bob', 'zed')],
    }),
    // On another author's PR, to bob, never answered: Fri 16:00 → 24:00 = 8 h, Mon–Thu 96 h, Fri 9 h = 113 h.
    pr({ number: 12, author: 'zed', createdAt: '2026-11-27T16:00:00Z', events: [requested('2026-11-27T16:00:00Z', 'bob', 'zed')] }),
  ];

  it('takes every request on its own, a re-request included', () => {
    const [response] = agreementAdherence({ reviewResponseHours: 4 }, records({ pullRequests: prs }), TWO_WEEKS, team, options);
    // #10 to bob: 09:00 → 11:00 = 2 h, met. #10 to the backend team (alice's PR): bob's review at 11:00, 2 h, met.
    // #10 re-requested at 15:00: Mon 15:00 → 24:00 = 9 h + Tue 10 h = 19 h, broken.
    // #10 to zed: not a member, not ours. #11: withdrawn inside the target. #12: 113 h, broken, waiting.
    expect(
      response!.adherence.members.map((m) => [
        m.subject.type === 'review-request' ? `${m.subject.number}:${m.subject.reviewer ?? m.subject.team}` : '',
        m.measured,
        m.met,
      ]),
    ).toEqual([
      ['10:bob', 2 * HOUR, true],
      ['10:backend', 2 * HOUR, true],
      ['10:bob', 19 * HOUR, false],
      ['12:bob', 113 * HOUR, false],
    ]);
    // 2 met of 4 applied.
    expect(response!.adherence).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
    expect(response!.breaches.map((b) => b.ongoing)).toEqual([false, true]);
    // Two requests to bob on the same PR are two items: their keys differ.
    expect(new Set(response!.adherence.members.map((m) => m.key)).size).toBe(4);
  });
});

describe('no merge without an approving review, and PRs at most 400 changed lines', () => {
  const prs: PullRequestRecord[] = [
    // Merged with no review at all: breaks approval.
    pr({ number: 20, createdAt: '2026-11-23T10:00:00Z', mergedAt: '2026-11-24T12:00:00Z', additions: 250, deletions: 100 }),
    // Approved by bob before the merge: met. 380 + 40 = 420 lines > 400: too big.
    pr({
      number: 21,
      createdAt: '2026-11-23T09:00:00Z',
      mergedAt: '2026-11-23T12:00:00Z',
      additions: 380,
      deletions: 40,
      reviews: [review('bob', 'APPROVED', '2026-11-23T11:00:00Z')],
    }),
    // Approved only by its author, then merged: broken (an approval is someone else's).
    pr({ number: 22, createdAt: '2026-11-25T09:00:00Z', mergedAt: '2026-11-25T10:00:00Z', reviews: [review('alice', 'APPROVED', '2026-11-25T09:30:00Z')] }),
    // Approved after the merge: broken.
    pr({ number: 23, createdAt: '2026-11-26T09:00:00Z', mergedAt: '2026-11-26T10:00:00Z', reviews: [review('bob', 'APPROVED', '2026-11-26T11:00:00Z')] }),
    // Open or closed unmerged: neither applies.
    pr({ number: 24, createdAt: '2026-11-26T09:00:00Z', additions: 5000 }),
    pr({ number: 25, createdAt: '2026-11-26T09:00:00Z', closedAt: '2026-11-26T10:00:00Z', additions: 5000 }),
  ];

  it('judges merged PRs in the week of their merge', () => {
    const [approval, size] = agreementAdherence({ approvalBeforeMerge: true, maxChangedLines: 400 }, records({ pullRequests: prs }), W48, team, options);
    // Configured order: size comes before approval.
    expect(approval!.agreement).toBe('prSize');
    expect(size!.agreement).toBe('approvalBeforeMerge');
    // Size: #21 420 > 400 broken; #20 350, #22 1, #23 1 met → 3 / 4.
    expect(approval!.adherence.members.map((m) => [numbers([m])[0], m.measured, m.met])).toEqual([
      [21, 420, false],
      [20, 350, true],
      [22, 1, true],
      [23, 1, true],
    ]);
    // Approval: only #21 → 1 / 4.
    expect(size!.adherence).toMatchObject({ numerator: 1, denominator: 4 });
    expect(numbers(size!.breaches)).toEqual([20, 22, 23]);
  });
});

describe('default branch red at most 2 hours', () => {
  const runs: WorkflowRunRecord[] = [
    // Red 10:00 → 11:30 = 1.5 h: met.
    once({ id: 1, created: '2026-11-23T09:50:00Z' }, 'failure', '2026-11-23T09:51:00Z', '2026-11-23T10:00:00Z'),
    once({ id: 2, created: '2026-11-23T11:20:00Z' }, 'success', '2026-11-23T11:21:00Z', '2026-11-23T11:30:00Z'),
    // Red 08:00 (a second failure at 09:00 extends it) → 12:00 = 4 h: broken.
    once({ id: 3, created: '2026-11-24T07:50:00Z' }, 'failure', '2026-11-24T07:51:00Z', '2026-11-24T08:00:00Z'),
    once({ id: 4, created: '2026-11-24T08:50:00Z' }, 'failure', '2026-11-24T08:51:00Z', '2026-11-24T09:00:00Z'),
    once({ id: 5, created: '2026-11-24T11:50:00Z' }, 'success', '2026-11-24T11:51:00Z', '2026-11-24T12:00:00Z'),
    // Red since Thursday 20:00, still red at Friday 09:00: 13 h, broken and ongoing.
    once({ id: 6, created: '2026-12-03T19:50:00Z' }, 'failure', '2026-12-03T19:51:00Z', '2026-12-03T20:00:00Z'),
    // Another workflow red for 1 h so far: pending.
    once({ id: 7, workflow: 'Lint', workflowId: 11, created: '2026-12-04T07:50:00Z' }, 'failure', '2026-12-04T07:51:00Z', '2026-12-04T08:00:00Z'),
    // Another team's repository, red for days: not this team's.
    once({ id: 8, repoId: 2, created: '2026-11-23T07:50:00Z' }, 'failure', '2026-11-23T07:51:00Z', '2026-11-23T08:00:00Z'),
  ];
  const red = prepareCi(runs, options, {
    defaultBranchByRepo: new Map([
      [1, 'main'],
      [2, 'main'],
    ]),
    repoNames,
  }).red;

  it('counts calendar hours per red stretch, attributed to the run that turned it red', () => {
    const [branch] = agreementAdherence({ maxRedHours: 2 }, records({ red }), TWO_WEEKS, team, options);
    expect(branch!.adherence.members.map((m) => [m.week, m.measured, m.met, m.ongoing])).toEqual([
      ['2026-W48', 1.5 * HOUR, true, false],
      ['2026-W48', 4 * HOUR, false, false],
      ['2026-W49', 13 * HOUR, false, true],
    ]);
    expect(branch!.weekly.map((w) => w.value.value)).toEqual([0.5, 0]);
  });
});

describe('coverage never drops more than 1 pp in a week', () => {
  const point = (pct: number, at: string, sha: string): CoveragePoint => ({
    repoId: 1,
    sha,
    committedAt: new Date(at),
    week: '',
    pct,
    source: 'codecov',
    reporter: 'codecov/project',
    text: null,
  });
  const points = [point(80, '2026-11-18T12:00:00Z', 'a'), point(79.2, '2026-11-25T12:00:00Z', 'b'), point(77.5, '2026-12-02T12:00:00Z', 'c')];

  it('compares each week with the level before it', () => {
    const [coverage] = agreementAdherence({ maxCoverageDropPp: 1 }, records({ coveragePoints: points }), TWO_WEEKS, team, options);
    // W48: 80 → 79.2 = −0.8 pp, within 1: met. W49: 79.2 → 77.5 = −1.7 pp: broken.
    expect(coverage!.adherence.members.map((m) => [m.week, m.measured, m.met])).toEqual([
      ['2026-W48', -0.8, true],
      ['2026-W49', -1.7, false],
    ]);
    expect(coverage!.breaches[0]!.subject).toEqual({ type: 'coverage-week', repo: 'acme/api', sha: 'c', fromPct: 79.2, toPct: 77.5 });
  });
});

describe('what breaks an agreement right now', () => {
  it('is what waits past its target or is still red, whatever week it started in', () => {
    const prs = [
      pr({ number: 5, createdAt: '2026-12-03T12:00:00Z' }),
      pr({ number: 12, author: 'zed', createdAt: '2026-11-27T16:00:00Z', events: [requested('2026-11-27T16:00:00Z', 'bob', 'zed')] }),
      pr({ number: 3, createdAt: '2026-11-23T10:00:00Z', mergedAt: '2026-11-24T12:00:00Z' }),
    ];
    const red = prepareCi([once({ id: 6, created: '2026-12-03T19:50:00Z' }, 'failure', '2026-12-03T19:51:00Z', '2026-12-03T20:00:00Z')], options, {
      defaultBranchByRepo: new Map([[1, 'main']]),
      repoNames,
    }).red;
    const now = currentBreaches(
      { firstReviewHours: 8, reviewResponseHours: 4, maxRedHours: 2, approvalBeforeMerge: true },
      records({ pullRequests: prs, red }),
      team,
      options,
    );
    // #3 broke the first-review agreement last week but is merged: nothing to nudge. #3's unapproved merge is history too.
    expect(now.map((m) => [m.agreement, numbers([m])[0]])).toEqual([
      // Oldest first: requested Fri 27 Nov, ready Thu 3 Dec 12:00, red since Thu 3 Dec 20:00.
      ['reviewResponse', 12],
      ['firstReview', 5],
      ['redBranch', 'CI'],
    ]);
  });
});
