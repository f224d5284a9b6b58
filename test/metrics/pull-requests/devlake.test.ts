/**
 * The DevLake preset's rules on hand-built PRs: rounding up to whole minutes, negative spans, the
 * first-review rule and cycle as a sum of rounded parts.
 */
import { describe, expect, it } from 'vitest';
import { devlakeFirstReview, devlakeMinutes, devlakePullRequest } from '@/metrics/pull-requests/devlake';
import { pullRequestMembers } from '@/metrics/pull-requests/phase-members';
import { DEFAULT_OPTIONS } from '@/metrics/types';
import { comment, pr, review, t } from './builders';

describe('devlakeMinutes', () => {
  it('rounds up to whole minutes', () => {
    expect(devlakeMinutes(t('2026-11-02T09:00:00Z'), t('2026-11-02T09:00:01Z'))).toEqual({ minutes: 1, negative: false });
    expect(devlakeMinutes(t('2026-11-02T09:00:00Z'), t('2026-11-02T09:01:00Z'))).toEqual({ minutes: 1, negative: false });
    expect(devlakeMinutes(t('2026-11-02T09:00:00Z'), t('2026-11-02T09:01:01Z'))).toEqual({ minutes: 2, negative: false });
    expect(devlakeMinutes(t('2026-11-02T09:00:00Z'), t('2026-11-02T09:00:00Z'))).toEqual({ minutes: 0, negative: false });
  });
  it('is null when negative after rounding: −30 s rounds up to 0 and stays (as DevLake’s ceil does), −60 s is null', () => {
    expect(devlakeMinutes(t('2026-11-02T09:00:30Z'), t('2026-11-02T09:00:00Z'))).toEqual({ minutes: 0, negative: false });
    expect(Object.is(devlakeMinutes(t('2026-11-02T09:00:30Z'), t('2026-11-02T09:00:00Z')).minutes, 0)).toBe(true); // not −0
    expect(devlakeMinutes(t('2026-11-02T09:01:00Z'), t('2026-11-02T09:00:00Z'))).toEqual({ minutes: null, negative: true });
    expect(devlakeMinutes(null, t('2026-11-02T09:00:00Z'))).toEqual({ minutes: null, negative: false });
  });
});

describe('DevLake first review', () => {
  it('is the earliest comment of any kind by anyone but the author, bots included', () => {
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      comments: [
        comment('alice', 'conversation', '2026-11-02T09:01:00Z'),
        comment('bob', 'diff', '2026-11-02T09:20:00Z'),
        comment('codecov[bot]', 'conversation', '2026-11-02T09:10:00Z'),
      ],
      reviews: [review('carol', 'COMMENTED', '2026-11-02T09:05:00Z'), review('dave', 'PENDING', null)],
    });
    // alice's 09:01 is the author's; carol's review at 09:05 is the earliest other.
    expect(devlakeFirstReview(p)).toMatchObject({ author: 'carol', kind: 'review', at: t('2026-11-02T09:05:00Z') });
    // Without carol's review, codecov[bot] at 09:10 comes first.
    expect(devlakeFirstReview({ ...p, reviews: [] })).toMatchObject({ author: 'codecov[bot]', kind: 'conversation' });
  });
});

describe('DevLake per-PR values', () => {
  // First commit 08:59:50, created 09:00:00, codecov comments 09:00:30, merged 10:30:01, deployed 11:00:00.
  const p = pr({
    commits: ['2026-11-02T08:59:50Z'],
    createdAt: '2026-11-02T09:00:00Z',
    comments: [comment('codecov[bot]', 'conversation', '2026-11-02T09:00:30Z')],
    mergedAt: '2026-11-02T10:30:01Z',
  });

  it('rounds each part up and sums cycle from the rounded parts', () => {
    const d = devlakePullRequest(p, t('2026-11-02T11:00:00Z'))!;
    // coding 10 s → 1; pickup 30 s → 1; review 09:00:30 → 10:30:01 = 89 min 31 s → 90;
    // time to merge 90 min 1 s → 91; deploy 10:30:01 → 11:00:00 = 29 min 59 s → 30;
    // cycle = 1 + 91 + 30 = 122 (the unrounded first commit → deploy is 120 min 10 s).
    expect([d.coding.minutes, d.pickup.minutes, d.review.minutes, d.timeToMerge.minutes, d.deploy.minutes, d.cycle]).toEqual([1, 1, 90, 91, 30, 122]);
  });

  it('counts a missing part as 0 in cycle: no deployment, no commits', () => {
    const d = devlakePullRequest({ ...p, commits: [] }, null)!;
    // coding null (no commits), deploy null → cycle = time to merge = 91.
    expect([d.coding.minutes, d.deploy.minutes, d.cycle]).toEqual([null, null, 91]);
  });

  it('has nothing for a PR that is not merged', () => {
    expect(devlakePullRequest(pr({ createdAt: '2026-11-02T09:00:00Z' }), null)).toBeNull();
    expect(pullRequestMembers(pr({ createdAt: '2026-11-02T09:00:00Z' }), null, { ...DEFAULT_OPTIONS, preset: 'devlake' })).toEqual([]);
  });

  it('reports the members in seconds (minutes × 60): merge is time to merge, lead is the cycle of a deployed PR', () => {
    const members = pullRequestMembers(p, t('2026-11-02T11:00:00Z'), { ...DEFAULT_OPTIONS, preset: 'devlake' });
    expect(members.map((m) => [m.phase, m.seconds, m.startName, m.endName])).toEqual([
      ['coding', 60, 'first_commit_at', 'created_at'],
      ['pickup', 60, 'created_at', 'first_review_at'],
      ['review', 90 * 60, 'first_review_at', 'merged_at'],
      ['merge', 91 * 60, 'created_at', 'merged_at'],
      ['cycle', 122 * 60, 'first_commit_at', 'deployed_at'],
      ['deploy', 30 * 60, 'merged_at', 'deployed_at'],
      ['lead', 122 * 60, 'first_commit_at', 'deployed_at'],
    ]);
    expect(members[4]!.devlake!.parts).toEqual({ coding: 1, pickup: 1, review: 90, timeToMerge: 91, deploy: 30, cycle: 122 });
    // Not deployed: lead is null, cycle ends at the merge.
    const undeployed = pullRequestMembers(p, null, { ...DEFAULT_OPTIONS, preset: 'devlake' });
    expect(undeployed.find((m) => m.phase === 'lead')!.seconds).toBeNull();
    expect(undeployed.find((m) => m.phase === 'cycle')).toMatchObject({ seconds: 92 * 60, endName: 'merged_at' });
  });

  it('ignores business time (DevLake has none)', () => {
    const weekend = pr({ createdAt: '2026-11-06T16:00:00Z', mergedAt: '2026-11-09T10:00:00Z' });
    const members = pullRequestMembers(weekend, null, { ...DEFAULT_OPTIONS, preset: 'devlake', businessTime: true });
    // Friday 16:00 → Monday 10:00 = 66 h = 3960 min, weekend included.
    expect(members.find((m) => m.phase === 'merge')!.seconds).toBe(3960 * 60);
  });
});
