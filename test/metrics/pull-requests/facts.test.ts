/**
 * Size, unreviewed merge, self-merge, rework and review rounds (docs/metrics.md#other-per-pr-facts).
 */
import { describe, expect, it } from 'vitest';
import { pullRequestFacts } from '@/metrics/pull-requests/facts';
import { pullRequestTimestamps } from '@/metrics/pull-requests/timestamps';
import type { PullRequestRecord } from '@/metrics/records';
import { DEFAULT_OPTIONS } from '@/metrics/types';
import { pr, readyForReview, review } from './builders';

const facts = (p: PullRequestRecord) => pullRequestFacts(p, pullRequestTimestamps(p, DEFAULT_OPTIONS), DEFAULT_OPTIONS);

describe('size', () => {
  it('is additions + deletions', () => {
    expect(facts(pr({ createdAt: '2026-11-02T09:00:00Z', additions: 120, deletions: 30 })).size).toBe(150);
  });
});

describe('unreviewed merge', () => {
  const base = { createdAt: '2026-11-02T09:00:00Z', mergedAt: '2026-11-02T12:00:00Z' };
  it('is a merge with no review by another human before it', () => {
    // Only a bot and the author "reviewed": unreviewed.
    expect(
      facts(pr({ ...base, reviews: [review('codecov[bot]', 'COMMENTED', '2026-11-02T10:00:00Z'), review('alice', 'COMMENTED', '2026-11-02T10:00:00Z')] }))
        .unreviewedMerge,
    ).toBe(true);
    // bob commented at 10:00: reviewed (a COMMENTED review is a review; no approval needed).
    expect(facts(pr({ ...base, reviews: [review('bob', 'COMMENTED', '2026-11-02T10:00:00Z')] })).unreviewedMerge).toBe(false);
    // bob's only review came at 13:00, after the 12:00 merge: what was merged was not reviewed.
    expect(facts(pr({ ...base, reviews: [review('bob', 'APPROVED', '2026-11-02T13:00:00Z')] })).unreviewedMerge).toBe(true);
  });
  it('is null for a PR not merged', () => {
    expect(facts(pr({ createdAt: '2026-11-02T09:00:00Z' })).unreviewedMerge).toBeNull();
  });
});

describe('self-merged', () => {
  const base = { createdAt: '2026-11-02T09:00:00Z', mergedAt: '2026-11-02T12:00:00Z' };
  it('is merged by its author with no approval', () => {
    // alice merges her own PR; bob only commented: self-merged.
    expect(facts(pr({ ...base, mergedBy: 'Alice', reviews: [review('bob', 'COMMENTED', '2026-11-02T10:00:00Z')] })).selfMerged).toBe(true);
    // bob approved before the merge: not self-merged.
    expect(facts(pr({ ...base, mergedBy: 'alice', reviews: [review('bob', 'APPROVED', '2026-11-02T10:00:00Z')] })).selfMerged).toBe(false);
    // bob's approval came after the merge: it is no approval (first_approval_at must precede merged_at).
    expect(facts(pr({ ...base, mergedBy: 'alice', reviews: [review('bob', 'APPROVED', '2026-11-02T13:00:00Z')] })).selfMerged).toBe(true);
    // A bot's approval is no approval.
    expect(facts(pr({ ...base, mergedBy: 'alice', reviews: [review('renovate[bot]', 'APPROVED', '2026-11-02T10:00:00Z')] })).selfMerged).toBe(true);
    // carol merged it: not self-merged, approval or not.
    expect(facts(pr({ ...base, mergedBy: 'carol' })).selfMerged).toBe(false);
  });
  it('is false when the merger is unknown, null when not merged', () => {
    expect(facts(pr(base)).selfMerged).toBe(false);
    expect(facts(pr({ createdAt: '2026-11-02T09:00:00Z' })).selfMerged).toBeNull();
  });
});

describe('rework', () => {
  it('counts the commits authored after the first review', () => {
    // First review 11:00 (bob); commits at 08:00, 12:00, 14:00 → 2 after it.
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      commits: ['2026-11-02T08:00:00Z', '2026-11-02T12:00:00Z', '2026-11-02T14:00:00Z'],
      reviews: [review('bob', 'CHANGES_REQUESTED', '2026-11-02T11:00:00Z')],
    });
    expect(facts(p).rework).toBe(2);
  });
  it('measures from first_review_at, which is ready_at for a review on the draft', () => {
    // Draft 09:00, bob reviews 10:00, commit 11:00, ready 12:00, commit 13:00. first_review_at = 12:00:
    // only the 13:00 commit is rework.
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      events: [readyForReview('2026-11-02T12:00:00Z')],
      commits: ['2026-11-02T08:30:00Z', '2026-11-02T11:00:00Z', '2026-11-02T13:00:00Z'],
      reviews: [review('bob', 'COMMENTED', '2026-11-02T10:00:00Z')],
    });
    expect(facts(p).rework).toBe(1);
  });
  it('is null without a first review', () => {
    expect(facts(pr({ createdAt: '2026-11-02T09:00:00Z', commits: ['2026-11-02T10:00:00Z'] })).rework).toBeNull();
  });
});

describe('review rounds', () => {
  it('counts CHANGES_REQUESTED reviews by humans other than the author', () => {
    // bob ×2 and carol ×1 count; a bot's and a dismissed one (GitHub changes its state to DISMISSED) do not.
    const p = pr({
      createdAt: '2026-11-02T09:00:00Z',
      reviews: [
        review('bob', 'CHANGES_REQUESTED', '2026-11-02T10:00:00Z'),
        review('bob', 'CHANGES_REQUESTED', '2026-11-02T12:00:00Z'),
        review('carol', 'CHANGES_REQUESTED', '2026-11-02T12:30:00Z'),
        review('lint[bot]', 'CHANGES_REQUESTED', '2026-11-02T10:00:00Z'),
        review('dave', 'DISMISSED', '2026-11-02T11:00:00Z'),
        review('bob', 'APPROVED', '2026-11-02T14:00:00Z'),
      ],
    });
    expect(facts(p).reviewRounds).toBe(3);
  });
});
