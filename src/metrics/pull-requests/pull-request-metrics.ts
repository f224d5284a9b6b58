/**
 * Every PR metric over a period (docs/metrics.md#pull-requests-and-reviews and #conventions): the seven phases,
 * review turnaround, unreviewed and self-merges, size, rework, review rounds, review load, the
 * anomalies, and a weekly series of each phase's median. Each number comes with its members.
 */
import { aggregate, rate, weekly } from '../aggregate';
import type { PullRequestRecord } from '../records';
import { distribution } from '../percentiles';
import { inPeriod } from '../time';
import type { Aggregate, MetricOptions, Period, Preset, Rate, WeekPoint } from '../types';
import { pullRequestFacts, type PullRequestFacts } from './facts';
import { pullRequestMembers, type PullRequestMember } from './phase-members';
import { PHASES, type PhaseName, type TimestampName } from './phases';
import { isCountedPullRequest, pullRequestRef, type PullRequestRef } from './pull-request-ref';
import { reviewLoad, type ReviewerLoad } from './review-load';
import { reviewRequests, type ReviewRequestMember } from './review-turnaround';
import { pullRequestTimestamps } from './timestamps';

export type { DevLakeMemberDetail, MemberTimestamps, PullRequestMember } from './phase-members';
export type { PhaseName, TimestampName } from './phases';
export type { PullRequestRef } from './pull-request-ref';
export type { ReviewRequestMember, ReviewRequestStatus } from './review-turnaround';
export type { ReviewerLoad, ReviewLoadReviewMember } from './review-load';

/** A merged PR with its facts, for the unreviewed-merge and self-merge rates. */
export interface PullRequestFactsMember extends PullRequestRef, PullRequestFacts {
  mergedAt: Date;
  mergedBy: string | null;
  firstReviewAt: Date | null;
  firstApprovalAt: Date | null;
}

/** A merged PR in the size, rework or review-rounds aggregate: `value` is the member's own number there. */
export interface PullRequestValueMember extends PullRequestFactsMember {
  value: number | null;
}

/** A phase of a PR whose span came out negative (end before start): null in its aggregate, listed here. */
export interface PullRequestAnomaly extends PullRequestRef {
  phase: PhaseName;
  start: Date | null;
  startName: TimestampName;
  end: Date | null;
  endName: TimestampName;
  attributedAt: Date | null;
}

export interface PhaseWeek {
  p50: number | null;
  n: number;
}

export interface PullRequestMetrics extends Record<PhaseName, Aggregate<PullRequestMember>> {
  preset: Preset;
  /** Answered requests, attributed to the period of their response. */
  reviewTurnaround: Aggregate<ReviewRequestMember>;
  /** Requests with no response on open PRs at `now`, made before the period's end; `seconds` is the age. */
  waitingReviewRequests: ReviewRequestMember[];
  /** Requests removed before a response, attributed to the removal. */
  withdrawnReviewRequests: ReviewRequestMember[];
  /** Requests with no response on PRs merged or closed in the period. */
  unansweredReviewRequests: ReviewRequestMember[];
  /** Merged PRs with no human non-author review / merged PRs, by merged_at. */
  unreviewedMerges: Rate<PullRequestFactsMember>;
  /** Merged PRs merged by their author with no approval / merged PRs, by merged_at. */
  selfMerges: Rate<PullRequestFactsMember>;
  /** additions + deletions of PRs merged in the period. */
  size: Aggregate<PullRequestValueMember>;
  /** Commits authored after first_review_at, PRs merged in the period (no first review: null). */
  rework: Aggregate<PullRequestValueMember>;
  /** CHANGES_REQUESTED reviews, PRs merged in the period. */
  reviewRounds: Aggregate<PullRequestValueMember>;
  reviewLoad: ReviewerLoad[];
  /** Negative spans attributed to the period, per PR and phase. */
  anomalies: PullRequestAnomaly[];
  /** Per ISO week overlapping the period, the median and count of each phase attributed to the week. */
  weekly: Record<PhaseName, WeekPoint<PhaseWeek>[]>;
}

/**
 * What the PR metrics read that does not depend on the period: the counted PRs (bot-authored ones
 * left out unless `options.includeBots`), every phase member, every review request and the facts of
 * every merged PR. Computed once per query, then summarised for as many periods as it shows.
 * `deployedAt` maps PullRequestRecord.id to its deployment's finish time.
 */
export interface PreparedPullRequests {
  preset: Preset;
  counted: PullRequestRecord[];
  members: PullRequestMember[];
  byPhase: Record<PhaseName, PullRequestMember[]>;
  requests: ReviewRequestMember[];
  merged: PullRequestFactsMember[];
}

export function preparePullRequests(prs: readonly PullRequestRecord[], options: MetricOptions, deployedAt?: ReadonlyMap<number, Date>): PreparedPullRequests {
  const counted = prs.filter((pr) => isCountedPullRequest(pr, options));
  const members = counted.flatMap((pr) => pullRequestMembers(pr, deployedAt?.get(pr.id) ?? null, options));
  const byPhase = Object.fromEntries(PHASES.map((p) => [p, [] as PullRequestMember[]])) as Record<PhaseName, PullRequestMember[]>;
  for (const m of members) byPhase[m.phase].push(m);
  const merged: PullRequestFactsMember[] = counted.flatMap((pr) => {
    if (!pr.mergedAt) return [];
    const ts = pullRequestTimestamps(pr, options);
    return [
      {
        ...pullRequestRef(pr),
        ...pullRequestFacts(pr, ts, options),
        mergedAt: pr.mergedAt,
        mergedBy: pr.mergedBy?.login ?? null,
        firstReviewAt: ts.firstReviewAt,
        firstApprovalAt: ts.firstApprovalAt,
      },
    ];
  });
  return { preset: options.preset, counted, members, byPhase, requests: counted.flatMap((pr) => reviewRequests(pr, options)), merged };
}

/**
 * The PR metrics of a period: each phase aggregated over the PRs attributed to the period (pickup by
 * first_review_at, deploy and lead by deployed_at, the rest by merged_at), review turnaround by
 * response time, rates and facts over PRs merged in the period.
 */
export function summarisePullRequests(prepared: PreparedPullRequests, period: Period, options: MetricOptions): PullRequestMetrics {
  const { members, byPhase, requests, merged } = prepared;
  const phaseAggregates = Object.fromEntries(
    PHASES.map((p) => [
      p,
      aggregate(
        byPhase[p],
        period,
        (m) => m.attributedAt,
        (m) => m.seconds,
      ),
    ]),
  ) as Record<PhaseName, Aggregate<PullRequestMember>>;
  // One pass over the weeks (each member carries its own attribution time), split per phase after.
  const weeks = weekly(
    members,
    period,
    options,
    (m) => m.attributedAt,
    (inWeek) =>
      Object.fromEntries(
        PHASES.map((p) => {
          const d = distribution(inWeek.filter((m) => m.phase === p).map((m) => m.seconds));
          return [p, { p50: d.p50, n: d.n }];
        }),
      ) as Record<PhaseName, PhaseWeek>,
  );
  const weeklyPhases = Object.fromEntries(PHASES.map((p) => [p, weeks.map((w) => ({ ...w, value: w.value[p] }))])) as Record<PhaseName, WeekPoint<PhaseWeek>[]>;
  const factAggregate = (value: (m: PullRequestFactsMember) => number | null): Aggregate<PullRequestValueMember> =>
    aggregate(
      merged.filter((m) => inPeriod(m.mergedAt, period)).map((m) => ({ ...m, value: value(m) })),
      period,
      (m) => m.mergedAt,
      (m) => m.value,
    );

  return {
    preset: prepared.preset,
    ...phaseAggregates,
    reviewTurnaround: aggregate(
      requests.filter((r) => r.status === 'answered'),
      period,
      (r) => r.respondedAt,
      (r) => r.seconds,
    ),
    waitingReviewRequests: requests.filter((r) => r.status === 'waiting' && r.requestedAt < period.to),
    withdrawnReviewRequests: requests.filter((r) => r.status === 'withdrawn' && inPeriod(r.removedAt, period)),
    unansweredReviewRequests: requests.filter((r) => r.status === 'unanswered' && inPeriod(r.endedAt, period)),
    unreviewedMerges: rate(
      merged,
      period,
      (m) => m.mergedAt,
      () => true,
      (m) => m.unreviewedMerge === true,
    ),
    selfMerges: rate(
      merged,
      period,
      (m) => m.mergedAt,
      () => true,
      (m) => m.selfMerged === true,
    ),
    size: factAggregate((m) => m.size),
    rework: factAggregate((m) => m.rework),
    reviewRounds: factAggregate((m) => m.reviewRounds),
    reviewLoad: reviewLoad(prepared.counted, requests, period, options),
    anomalies: members
      .filter((m) => m.negative && inPeriod(m.attributedAt, period))
      .map((m) => ({
        prId: m.prId,
        repo: m.repo,
        number: m.number,
        title: m.title,
        author: m.author,
        phase: m.phase,
        start: m.start,
        startName: m.startName,
        end: m.end,
        endName: m.endName,
        attributedAt: m.attributedAt,
      })),
    weekly: weeklyPhases,
  };
}

/** The PR metrics of one period (prepare + summarise); see the two for what each counts. */
export function pullRequestMetrics(
  prs: PullRequestRecord[],
  period: Period,
  options: MetricOptions,
  deployedAt?: ReadonlyMap<number, Date>,
): PullRequestMetrics {
  return summarisePullRequests(preparePullRequests(prs, options, deployedAt), period, options);
}
