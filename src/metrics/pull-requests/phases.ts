/**
 * The seven PR phases of docs/metrics.md#the-phases, each a span between two named
 * per-PR timestamps. A phase whose end is missing is null; a negative one is null and an anomaly.
 */
import type { PullRequestRecord } from '../records';
import { span, type Span } from '../time';
import type { MetricOptions } from '../types';
import { pullRequestTimestamps, type PullRequestTimestamps } from './timestamps';

export const PHASES = ['coding', 'pickup', 'review', 'merge', 'cycle', 'deploy', 'lead'] as const;
export type PhaseName = (typeof PHASES)[number];

/** The per-PR timestamps, spelled as in docs/metrics.md#the-timestamps-of-a-pr. */
export type TimestampName = 'created_at' | 'first_commit_at' | 'start_at' | 'ready_at' | 'first_review_at' | 'first_approval_at' | 'merged_at' | 'deployed_at';

/** Which timestamp puts a phase in a period (docs/metrics.md#attribution-to-a-period). */
export const PHASE_ATTRIBUTION: Readonly<Record<PhaseName, 'merged_at' | 'first_review_at' | 'deployed_at'>> = {
  coding: 'merged_at',
  pickup: 'first_review_at',
  review: 'merged_at',
  merge: 'merged_at',
  cycle: 'merged_at',
  deploy: 'deployed_at',
  lead: 'deployed_at',
};

/** A phase's span with the timestamps it was measured between, so it can be checked by hand. */
export interface PhaseSpan extends Span {
  start: Date | null;
  startName: TimestampName;
  end: Date | null;
  endName: TimestampName;
}

export interface PullRequestPhases {
  timestamps: PullRequestTimestamps;
  mergedAt: Date | null;
  deployedAt: Date | null;
  spans: Record<PhaseName, PhaseSpan>;
  /** The phases whose span is negative (end before start), in PHASES order. */
  anomalies: PhaseName[];
}

type PhaseOptions = Pick<MetricOptions, 'businessTime' | 'timeZone' | 'botLogins'>;

function phaseSpan(start: [Date | null, TimestampName], end: [Date | null, TimestampName], options: PhaseOptions): PhaseSpan {
  return { ...span(start[0], end[0], options), start: start[0], startName: start[1], end: end[0], endName: end[1] };
}

/** The start of merge time: `first_approval_at ?? first_review_at ?? ready_at`, with the name of the one used. */
export function mergeStart(ts: PullRequestTimestamps): [Date | null, TimestampName] {
  if (ts.firstApprovalAt) return [ts.firstApprovalAt, 'first_approval_at'];
  if (ts.firstReviewAt) return [ts.firstReviewAt, 'first_review_at'];
  return [ts.readyAt, 'ready_at'];
}

/**
 * coding = ready_at − start_at; pickup = first_review_at − ready_at; review = first_approval_at −
 * first_review_at; merge = merged_at − (first_approval_at ?? first_review_at ?? ready_at); cycle =
 * merged_at − start_at; deploy = deployed_at − merged_at; lead = deployed_at − start_at.
 */
export function pullRequestPhases(pr: PullRequestRecord, deployedAt: Date | null, options: PhaseOptions): PullRequestPhases {
  const ts = pullRequestTimestamps(pr, options);
  const start: [Date, TimestampName] = [ts.startAt, 'start_at'];
  const ready: [Date | null, TimestampName] = [ts.readyAt, 'ready_at'];
  const firstReview: [Date | null, TimestampName] = [ts.firstReviewAt, 'first_review_at'];
  const merged: [Date | null, TimestampName] = [pr.mergedAt, 'merged_at'];
  const deployed: [Date | null, TimestampName] = [deployedAt, 'deployed_at'];
  const spans: Record<PhaseName, PhaseSpan> = {
    coding: phaseSpan(start, ready, options),
    pickup: phaseSpan(ready, firstReview, options),
    review: phaseSpan(firstReview, [ts.firstApprovalAt, 'first_approval_at'], options),
    merge: phaseSpan(mergeStart(ts), merged, options),
    cycle: phaseSpan(start, merged, options),
    deploy: phaseSpan(merged, deployed, options),
    lead: phaseSpan(start, deployed, options),
  };
  return { timestamps: ts, mergedAt: pr.mergedAt, deployedAt, spans, anomalies: PHASES.filter((p) => spans[p].negative) };
}

/** The instant that puts a phase of this PR in a period (null: it is in no period). */
export function phaseAttributedAt(phase: PhaseName, at: { mergedAt: Date | null; firstReviewAt: Date | null; deployedAt: Date | null }): Date | null {
  const which = PHASE_ATTRIBUTION[phase];
  return which === 'merged_at' ? at.mergedAt : which === 'first_review_at' ? at.firstReviewAt : at.deployedAt;
}
