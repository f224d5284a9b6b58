/**
 * One member per PR and phase, under the preset in effect: the value, the two timestamps it was
 * measured between (by name), the instant that attributes it to a period, and the PR's timestamps,
 * so that every phase number can be recomputed by hand.
 */
import type { PullRequestRecord } from '../records';
import type { MetricOptions } from '../types';
import { devlakePullRequest, type DevLakeComment, type DevLakeMinutes, type DevLakePullRequest } from './devlake';
import { PHASES, phaseAttributedAt, pullRequestPhases, type PhaseName, type PhaseSpan, type TimestampName } from './phases';
import { pullRequestRef, type PullRequestRef } from './pull-request-ref';
import type { PullRequestTimestamps } from './timestamps';

/** Our per-PR timestamps (docs/metrics.md#the-timestamps-of-a-pr) with the PR's own. */
export interface MemberTimestamps extends PullRequestTimestamps {
  createdAt: Date;
  mergedAt: Date | null;
  deployedAt: Date | null;
}

/** What the DevLake preset computed for the member's PR, in whole minutes. */
export interface DevLakeMemberDetail {
  /** This member's value in minutes (seconds / 60). */
  minutes: number | null;
  /** Earliest commit author date; null without commits. */
  firstCommitAt: Date | null;
  /** The comment DevLake takes as the first review, and where it came from (conversation, diff, review). */
  firstReview: DevLakeComment | null;
  /** The PR's DevLake values: cycle = coding + timeToMerge + deploy, missing parts as 0. */
  parts: { coding: number | null; pickup: number | null; review: number | null; timeToMerge: number | null; deploy: number | null; cycle: number };
}

export interface PullRequestMember extends PullRequestRef {
  phase: PhaseName;
  /** Seconds; null when an end is missing or the span is negative. DevLake preset: whole minutes × 60. */
  seconds: number | null;
  /** The span was negative (an anomaly). */
  negative: boolean;
  start: Date | null;
  startName: TimestampName;
  end: Date | null;
  endName: TimestampName;
  /** The instant that puts the member in a period (docs/metrics.md#attribution-to-a-period). */
  attributedAt: Date | null;
  timestamps: MemberTimestamps;
  /** DevLake preset only (null under the default preset). */
  devlake: DevLakeMemberDetail | null;
}

type MemberOptions = Pick<MetricOptions, 'businessTime' | 'timeZone' | 'botLogins' | 'preset'>;

function fromMinutes(m: DevLakeMinutes): { seconds: number | null; negative: boolean } {
  return { seconds: m.minutes === null ? null : m.minutes * 60, negative: m.negative };
}

/** DevLake's phases as spans in seconds; `merge` is DevLake's "time to merge" (created → merged), `lead` is its cycle time of a deployed PR. */
function devlakeSpans(pr: PullRequestRecord, d: DevLakePullRequest, deployedAt: Date | null): Record<PhaseName, PhaseSpan> {
  const firstReviewAt = d.firstReview?.at ?? null;
  const cycleStart: [Date | null, TimestampName] = d.coding.minutes !== null ? [d.firstCommitAt, 'first_commit_at'] : [pr.createdAt, 'created_at'];
  const cycleEnd: [Date | null, TimestampName] = d.deploy.minutes !== null ? [deployedAt, 'deployed_at'] : [pr.mergedAt, 'merged_at'];
  const cycle = { seconds: d.cycle * 60, negative: false, start: cycleStart[0], startName: cycleStart[1], end: cycleEnd[0], endName: cycleEnd[1] };
  return {
    coding: { ...fromMinutes(d.coding), start: d.firstCommitAt, startName: 'first_commit_at', end: pr.createdAt, endName: 'created_at' },
    pickup: { ...fromMinutes(d.pickup), start: pr.createdAt, startName: 'created_at', end: firstReviewAt, endName: 'first_review_at' },
    review: { ...fromMinutes(d.review), start: firstReviewAt, startName: 'first_review_at', end: pr.mergedAt, endName: 'merged_at' },
    merge: { ...fromMinutes(d.timeToMerge), start: pr.createdAt, startName: 'created_at', end: pr.mergedAt, endName: 'merged_at' },
    cycle,
    deploy: { ...fromMinutes(d.deploy), start: pr.mergedAt, startName: 'merged_at', end: deployedAt, endName: 'deployed_at' },
    lead: deployedAt ? { ...cycle, end: deployedAt, endName: 'deployed_at' } : { ...cycle, seconds: null, end: null, endName: 'deployed_at' },
  };
}

/**
 * The seven phase members of one PR (coding, pickup, review, merge, cycle, deploy, lead), each a
 * span attributed per docs/metrics.md#attribution-to-a-period. Under the DevLake preset only merged PRs have members, with
 * DevLake's values and DevLake's first review (its time attributes pickup).
 */
export function pullRequestMembers(pr: PullRequestRecord, deployedAt: Date | null, options: MemberOptions): PullRequestMember[] {
  const phases = pullRequestPhases(pr, deployedAt, options);
  const timestamps: MemberTimestamps = { ...phases.timestamps, createdAt: pr.createdAt, mergedAt: pr.mergedAt, deployedAt };
  const ref = pullRequestRef(pr);
  if (options.preset === 'devlake') {
    const d = devlakePullRequest(pr, deployedAt);
    if (!d) return [];
    const spans = devlakeSpans(pr, d, deployedAt);
    const parts = {
      coding: d.coding.minutes,
      pickup: d.pickup.minutes,
      review: d.review.minutes,
      timeToMerge: d.timeToMerge.minutes,
      deploy: d.deploy.minutes,
      cycle: d.cycle,
    };
    const at = { mergedAt: pr.mergedAt, firstReviewAt: d.firstReview?.at ?? null, deployedAt };
    return PHASES.map((phase) => ({
      ...ref,
      phase,
      ...spans[phase],
      attributedAt: phaseAttributedAt(phase, at),
      timestamps,
      devlake: {
        minutes: spans[phase].seconds === null ? null : spans[phase].seconds / 60,
        firstCommitAt: d.firstCommitAt,
        firstReview: d.firstReview,
        parts,
      },
    }));
  }
  return PHASES.map((phase) => ({
    ...ref,
    phase,
    ...phases.spans[phase],
    attributedAt: phaseAttributedAt(phase, timestamps),
    timestamps,
    devlake: null,
  }));
}
