/**
 * The seven phases of one PR (docs/metrics.md#the-phases), on hand-built timelines. Monday
 * 2026-11-02 is the first day; all times UTC unless said.
 */
import { describe, expect, it } from 'vitest';
import { pullRequestPhases, type PhaseName } from '@/metrics/pull-requests/phases';
import { pullRequestTimestamps } from '@/metrics/pull-requests/timestamps';
import { DEFAULT_OPTIONS } from '@/metrics/types';
import { convertToDraft, HOUR, pr, readyForReview, review, t } from './builders';

const calendar = DEFAULT_OPTIONS;
const seconds = (phases: ReturnType<typeof pullRequestPhases>) =>
  Object.fromEntries(Object.entries(phases.spans).map(([k, v]) => [k, v.seconds])) as Record<PhaseName, number | null>;

describe('phases of a plain PR', () => {
  const p = pr({
    commits: ['2026-11-02T08:00:00Z', '2026-11-02T09:30:00Z'],
    createdAt: '2026-11-02T10:00:00Z',
    reviews: [
      review('dependabot[bot]', 'COMMENTED', '2026-11-02T10:05:00Z'), // a bot: ignored
      review('alice', 'COMMENTED', '2026-11-02T10:10:00Z'), // the author: ignored
      review('bob', 'COMMENTED', '2026-11-02T13:30:00Z'),
      review('carol', 'APPROVED', '2026-11-02T15:00:00Z'),
    ],
    mergedAt: '2026-11-02T16:00:00Z',
  });

  it('measures each phase between its two timestamps', () => {
    const phases = pullRequestPhases(p, t('2026-11-02T18:00:00Z'), calendar);
    expect(seconds(phases)).toEqual({
      coding: 2 * HOUR, //   start (first commit 08:00) → ready (created 10:00) = 2 h = 7200 s
      pickup: 3.5 * HOUR, // ready 10:00 → first human review 13:30 (bob; the bot's 10:05 and alice's own 10:10 ignored) = 12600 s
      review: 1.5 * HOUR, // first review 13:30 → first approval 15:00 = 5400 s
      merge: 1 * HOUR, //   first approval 15:00 → merged 16:00 = 3600 s
      cycle: 8 * HOUR, //   start 08:00 → merged 16:00 = 28800 s = 2 + 3.5 + 1.5 + 1 h
      deploy: 2 * HOUR, //  merged 16:00 → deployed 18:00 = 7200 s
      lead: 10 * HOUR, //   start 08:00 → deployed 18:00 = 36000 s
    });
    expect(phases.anomalies).toEqual([]);
    expect(phases.spans.merge).toMatchObject({ startName: 'first_approval_at', start: t('2026-11-02T15:00:00Z'), endName: 'merged_at' });
  });

  it('leaves deploy and lead null (not 0) without a deployment', () => {
    const phases = pullRequestPhases(p, null, calendar);
    expect(phases.spans.deploy).toMatchObject({ seconds: null, negative: false });
    expect(phases.spans.lead).toMatchObject({ seconds: null, negative: false });
  });

  it('does not care whether the PR was squashed or merged (only its own commits count)', () => {
    // The same PR with a squash commit dated at merge time as its merge commit: the PR's commits are unchanged.
    const squashed = { ...p, mergeCommitSha: 'squash0000', headRef: 'squash-me' };
    expect(seconds(pullRequestPhases(squashed, null, calendar))).toEqual(seconds(pullRequestPhases(p, null, calendar)));
  });
});

describe('drafts', () => {
  it('starts the clock at ready_for_review for a PR opened as draft, and counts an earlier review at ready', () => {
    const p = pr({
      commits: ['2026-11-02T08:00:00Z'],
      createdAt: '2026-11-02T09:00:00Z',
      isDraft: false,
      events: [readyForReview('2026-11-02T12:00:00Z')],
      reviews: [review('bob', 'COMMENTED', '2026-11-02T11:00:00Z'), review('carol', 'APPROVED', '2026-11-02T13:00:00Z')],
      mergedAt: '2026-11-02T14:00:00Z',
    });
    const phases = pullRequestPhases(p, null, calendar);
    // ready_at = the ready_for_review event 12:00; bob's review 11:00 came while draft → counts at 12:00.
    expect(phases.timestamps).toMatchObject({ readyAt: t('2026-11-02T12:00:00Z'), firstReviewAt: t('2026-11-02T12:00:00Z') });
    expect(seconds(phases)).toMatchObject({
      coding: 4 * HOUR, // first commit 08:00 → ready 12:00
      pickup: 0, //        ready 12:00 → first review (11:00, counted at 12:00)
      review: 1 * HOUR, // 12:00 → carol's approval 13:00
      merge: 1 * HOUR, //  13:00 → merged 14:00
      cycle: 6 * HOUR, //  08:00 → 14:00
    });
  });

  it('takes merged_at as ready_at for a PR merged while still a draft', () => {
    // Opened as draft 09:00, never marked ready, merged 11:00; no commits loaded: start = created.
    const p = pr({ createdAt: '2026-11-02T09:00:00Z', isDraft: true, mergedAt: '2026-11-02T11:00:00Z' });
    const phases = pullRequestPhases(p, null, calendar);
    expect(phases.timestamps.readyAt).toEqual(t('2026-11-02T11:00:00Z'));
    expect(seconds(phases)).toMatchObject({ coding: 2 * HOUR, pickup: null, review: null, merge: 0, cycle: 2 * HOUR });
    // merge = merged − ready_at (no review, no approval) = 0
    expect(phases.spans.merge.startName).toBe('ready_at');
  });

  it('keeps created_at as ready_at for a PR converted to draft mid-review', () => {
    // Opened ready at 09:00, reviewed 10:00, back to draft 11:00, ready again 15:00, approved 16:00, merged 17:00.
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      events: [convertToDraft('2026-11-02T11:00:00Z'), readyForReview('2026-11-02T15:00:00Z')],
      reviews: [review('bob', 'COMMENTED', '2026-11-02T10:00:00Z'), review('bob', 'APPROVED', '2026-11-02T16:00:00Z')],
      mergedAt: '2026-11-02T17:00:00Z',
    });
    const phases = pullRequestPhases(p, null, calendar);
    expect(phases.timestamps.readyAt).toEqual(t('2026-11-02T09:00:00Z'));
    // coding 09:00 → 09:00 = 0; pickup 09:00 → 10:00 = 1 h; review 10:00 → 16:00 = 6 h (the draft spell is
    // not taken out); merge 16:00 → 17:00 = 1 h; cycle 09:00 → 17:00 = 8 h.
    expect(seconds(phases)).toMatchObject({ coding: 0, pickup: HOUR, review: 6 * HOUR, merge: HOUR, cycle: 8 * HOUR });
  });

  it('has no ready_at for a draft never made ready (still open): coding and pickup are null', () => {
    const p = pr({ createdAt: '2026-11-02T09:00:00Z', isDraft: true, reviews: [review('bob', 'COMMENTED', '2026-11-02T10:00:00Z')] });
    const phases = pullRequestPhases(p, null, calendar);
    expect(phases.timestamps.readyAt).toBeNull();
    expect(seconds(phases)).toMatchObject({ coding: null, pickup: null });
  });
});

describe('reviews that do not count', () => {
  it('ignores approvals after the merge and PENDING reviews; the review phase is then missing, not 0', () => {
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      reviews: [
        review('bob', 'PENDING', null),
        review('bob', 'COMMENTED', '2026-11-02T10:00:00Z'),
        review('carol', 'APPROVED', '2026-11-02T13:00:00Z'), // after the merge at 12:00
      ],
      mergedAt: '2026-11-02T12:00:00Z',
    });
    const phases = pullRequestPhases(p, null, calendar);
    expect(phases.timestamps.firstApprovalAt).toBeNull();
    // review = first_approval_at − first_review_at: no approval → null (left out of n, never 0).
    // merge = merged 12:00 − (no approval →) first review 10:00 = 2 h.
    expect(seconds(phases)).toMatchObject({ pickup: HOUR, review: null, merge: 2 * HOUR, cycle: 3 * HOUR });
    expect(phases.spans.merge.startName).toBe('first_review_at');
    expect(phases.anomalies).toEqual([]);
  });

  it('ignores bot reviews even when they are the only ones (pickup missing, merge from ready)', () => {
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      reviews: [review('codecov[bot]', 'COMMENTED', '2026-11-02T09:01:00Z'), review('renovate[bot]', 'APPROVED', '2026-11-02T09:02:00Z')],
      mergedAt: '2026-11-02T10:00:00Z',
    });
    const phases = pullRequestPhases(p, null, calendar);
    expect(seconds(phases)).toMatchObject({ pickup: null, review: null, merge: HOUR });
    expect(phases.spans.merge.startName).toBe('ready_at');
  });

  it('recognises configured bot logins', () => {
    const p = pr({ createdAt: '2026-11-02T09:00:00Z', reviews: [review('deploy-robot', 'COMMENTED', '2026-11-02T09:30:00Z')] });
    expect(pullRequestTimestamps(p, { botLogins: [] }).firstReviewAt).toEqual(t('2026-11-02T09:30:00Z'));
    expect(pullRequestTimestamps(p, { botLogins: ['Deploy-Robot'] }).firstReviewAt).toBeNull();
  });
});

describe('negative spans', () => {
  it('makes a span null and lists its phase when the end is before the start', () => {
    // (1) First "review" after the merge (a post-merge comment review): first_review_at 11:00 is after
    //     merged 10:00, so merge = merged − first review = −1 h → null, anomaly "merge". Pickup 2 h is fine.
    // (2) Deployed at 09:30 per the mapping, before the merge at 10:00 (clock skew): deploy = −30 min →
    //     null, anomaly "deploy". Lead = start 09:00 → 09:30 = 30 min stays.
    const p = pr({ createdAt: '2026-11-02T09:00:00Z', mergedAt: '2026-11-02T10:00:00Z', reviews: [review('bob', 'COMMENTED', '2026-11-02T11:00:00Z')] });
    const phases = pullRequestPhases(p, t('2026-11-02T09:30:00Z'), calendar);
    expect(seconds(phases)).toEqual({ coding: 0, pickup: 2 * HOUR, review: null, merge: null, cycle: HOUR, deploy: null, lead: 0.5 * HOUR });
    expect(phases.spans.merge).toMatchObject({ negative: true, start: t('2026-11-02T11:00:00Z'), end: t('2026-11-02T10:00:00Z') });
    expect(phases.anomalies).toEqual(['merge', 'deploy']);
  });

  it('flags review time when an approval came on the draft, before ready_at (the review is counted at ready, the approval is not)', () => {
    // Draft created 09:00, bob approves 10:00, ready 11:00, merged 12:00. first_review_at = 11:00 (clamped);
    // first_approval_at = 10:00 (docs/metrics.md#the-phases does not clamp it) → review = 10:00 − 11:00 < 0 → null, anomaly.
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      events: [readyForReview('2026-11-02T11:00:00Z')],
      reviews: [review('bob', 'APPROVED', '2026-11-02T10:00:00Z')],
      mergedAt: '2026-11-02T12:00:00Z',
    });
    const phases = pullRequestPhases(p, null, calendar);
    expect(seconds(phases)).toMatchObject({ pickup: 0, review: null, merge: 2 * HOUR });
    expect(phases.anomalies).toEqual(['review']);
  });
});

describe('missing phases', () => {
  it('leaves every phase whose end has not happened null, not 0', () => {
    // Open, not reviewed: only coding exists (start = created = ready → 0).
    const p = pr({ createdAt: '2026-11-02T09:00:00Z' });
    expect(seconds(pullRequestPhases(p, null, calendar))).toEqual({
      coding: 0,
      pickup: null,
      review: null,
      merge: null,
      cycle: null,
      deploy: null,
      lead: null,
    });
  });
});

describe('business time', () => {
  it('counts no Saturday or Sunday time, in the configured zone', () => {
    // Created (ready) Friday 2026-11-06 16:00 UTC, first review Monday 2026-11-09 10:00 UTC.
    // Calendar: 66 h. Business (UTC): Friday 16:00 → 24:00 = 8 h + Monday 00:00 → 10:00 = 10 h = 18 h.
    // Business (America/New_York, UTC−5): Friday 11:00 → 24:00 local = 13 h + Monday 00:00 → 05:00 local = 5 h = 18 h.
    // Business (Asia/Tokyo, UTC+9): Saturday 01:00 local → Monday 19:00 local: Monday 19 h only.
    const p = pr({ createdAt: '2026-11-06T16:00:00Z', reviews: [review('bob', 'COMMENTED', '2026-11-09T10:00:00Z')] });
    expect(pullRequestPhases(p, null, calendar).spans.pickup.seconds).toBe(66 * HOUR);
    expect(pullRequestPhases(p, null, { ...calendar, businessTime: true }).spans.pickup.seconds).toBe(18 * HOUR);
    expect(pullRequestPhases(p, null, { ...calendar, businessTime: true, timeZone: 'America/New_York' }).spans.pickup.seconds).toBe(18 * HOUR);
    expect(pullRequestPhases(p, null, { ...calendar, businessTime: true, timeZone: 'Asia/Tokyo' }).spans.pickup.seconds).toBe(19 * HOUR);
  });
});
