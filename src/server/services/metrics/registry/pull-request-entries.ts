/**
 * The pull-request metrics (docs/metrics.md#pull-requests-and-reviews): the phases of cycle time, review
 * turnaround, and the merge facts (unreviewed and self-merges, size, rework, review rounds).
 */
import type { MetricKey } from '@/metrics/catalogue';
import type {
  PhaseName,
  PullRequestFactsMember,
  PullRequestMember,
  PullRequestValueMember,
  ReviewRequestMember,
} from '@/metrics/pull-requests/pull-request-metrics';
import type { Aggregate } from '@/metrics/types';
import type { ComputedMetrics } from '../compute-metrics';
import type { Column, MemberRow } from '../metric-view.types';
import type { MetricEntry } from './metric-entry';
import { distributionHeadline, distributionParts, PR_COLUMNS, pull, rateParts } from './view-parts';

const PHASE_COLUMNS: Column[] = [
  ...PR_COLUMNS,
  { key: 'startName', label: 'From', kind: 'text' },
  { key: 'start', label: 'From at', kind: 'date' },
  { key: 'endName', label: 'To', kind: 'text' },
  { key: 'end', label: 'To at', kind: 'date' },
  { key: 'seconds', label: 'Duration', kind: 'duration' },
  { key: 'negative', label: 'Negative span', kind: 'boolean' },
];

/** Under the DevLake preset: the comment DevLake took as the first review, so a row can be checked against DevLake's by hand. */
const DEVLAKE_PHASE_COLUMNS: Column[] = [
  ...PHASE_COLUMNS,
  { key: 'firstReviewBy', label: 'First review by (DevLake)', kind: 'text' },
  { key: 'firstReviewKind', label: 'First review kind (DevLake)', kind: 'text' },
];

function phaseRows(members: PullRequestMember[]): MemberRow[] {
  return members.map((m) => {
    const first = m.devlake?.firstReview;
    return {
      id: `${m.prId}:${m.phase}`,
      counted: m.seconds !== null,
      value: m.seconds,
      cells: {
        repo: m.repo,
        number: m.number,
        title: m.title,
        author: m.author,
        startName: m.startName,
        start: m.start,
        endName: m.endName,
        end: m.end,
        seconds: m.seconds,
        negative: m.negative,
        ...(m.devlake ? { firstReviewBy: first ? (first.author ?? 'ghost') : null, firstReviewKind: first?.kind ?? null } : {}),
      },
      github: pull(m.repo, m.number),
    };
  });
}

/** A phase of a PR's life: its own weekly series comes with the phases (the overview charts them together). */
function phase(name: PhaseName, shownIn?: MetricEntry['shownIn']): MetricEntry {
  return {
    shownIn,
    view: (c, options) => {
      const a = c.pullRequests[name];
      return {
        headline: distributionHeadline(a),
        weekly: c.pullRequests.weekly[name].map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.p50, n: w.value.n })),
        columns: options.preset === 'devlake' ? DEVLAKE_PHASE_COLUMNS : PHASE_COLUMNS,
        rows: () => phaseRows(a.members),
      };
    },
  };
}

const REQUEST_COLUMNS: Column[] = [
  ...PR_COLUMNS,
  { key: 'reviewer', label: 'Requested', kind: 'text' },
  { key: 'requestedAt', label: 'Requested at', kind: 'date' },
  { key: 'startsAt', label: 'Clock starts', kind: 'date' },
  { key: 'respondedBy', label: 'Answered by', kind: 'text' },
  { key: 'respondedAt', label: 'Answered at', kind: 'date' },
  { key: 'status', label: 'Status', kind: 'text' },
  { key: 'seconds', label: 'Turnaround', kind: 'duration' },
];

function requestRows(members: ReviewRequestMember[]): MemberRow[] {
  return members.map((m) => ({
    id: `${m.prId}:${m.requestedAt.toISOString()}:${m.team ?? m.reviewer ?? ''}`,
    counted: m.seconds !== null,
    value: m.seconds,
    cells: {
      repo: m.repo,
      number: m.number,
      title: m.title,
      author: m.author,
      reviewer: m.team ? `team ${m.team}` : m.reviewer,
      requestedAt: m.requestedAt,
      startsAt: m.startsAt,
      respondedBy: m.respondedBy,
      respondedAt: m.respondedAt,
      status: m.status,
      seconds: m.seconds,
    },
    github: pull(m.repo, m.number),
  }));
}

const FACT_COLUMNS: Column[] = [
  ...PR_COLUMNS,
  { key: 'mergedAt', label: 'Merged at', kind: 'date' },
  { key: 'mergedBy', label: 'Merged by', kind: 'text' },
  { key: 'firstReviewAt', label: 'First review', kind: 'date' },
  { key: 'firstApprovalAt', label: 'First approval', kind: 'date' },
];

type FactsRate = 'unreviewedMerges' | 'selfMerges';

/** A share of the PRs merged in the period; each merged PR is a member, 1 when it is in the numerator. */
function mergeRate(key: FactsRate, hitLabel: string, isHit: (m: PullRequestFactsMember) => boolean, shownIn?: MetricEntry['shownIn']): MetricEntry {
  return {
    shownIn,
    view: (c, options) => {
      const r = c.pullRequests[key];
      return {
        ...rateParts(c, options, r, (m) => m.mergedAt, isHit),
        columns: [...FACT_COLUMNS, { key: 'hit', label: hitLabel, kind: 'boolean' }],
        rows: () =>
          r.members.map((m) => ({
            id: String(m.prId),
            counted: true,
            value: isHit(m) ? 1 : 0,
            cells: {
              repo: m.repo,
              number: m.number,
              title: m.title,
              author: m.author,
              mergedAt: m.mergedAt,
              mergedBy: m.mergedBy,
              firstReviewAt: m.firstReviewAt,
              firstApprovalAt: m.firstApprovalAt,
              hit: isHit(m),
            },
            github: pull(m.repo, m.number),
          })),
      };
    },
  };
}

/** A number per merged PR (lines, commits, rounds); the median over the PRs merged in the period. */
function mergeValue(of: (c: ComputedMetrics) => Aggregate<PullRequestValueMember>, valueLabel: string): MetricEntry {
  return {
    view: (c, options) => {
      const a = of(c);
      return {
        ...distributionParts(
          c,
          options,
          a,
          (m) => m.mergedAt,
          (m) => m.value,
        ),
        columns: [...FACT_COLUMNS, { key: 'value', label: valueLabel, kind: 'number' }],
        rows: () =>
          a.members.map((m) => ({
            id: String(m.prId),
            counted: m.value !== null,
            value: m.value,
            cells: {
              repo: m.repo,
              number: m.number,
              title: m.title,
              author: m.author,
              mergedAt: m.mergedAt,
              mergedBy: m.mergedBy,
              firstReviewAt: m.firstReviewAt,
              firstApprovalAt: m.firstApprovalAt,
              value: m.value,
            },
            github: pull(m.repo, m.number),
          })),
      };
    },
  };
}

export const PULL_REQUEST_ENTRIES = {
  timeToFirstReview: phase('pickup', { overview: 1, report: 1, reportByRepository: 2 }),
  reviewTurnaround: {
    shownIn: { overview: 2, report: 2 },
    view: (c, options) => {
      const a = c.pullRequests.reviewTurnaround;
      return {
        ...distributionParts(
          c,
          options,
          a,
          (m) => m.respondedAt,
          (m) => m.seconds,
        ),
        columns: REQUEST_COLUMNS,
        rows: () => requestRows(a.members),
      };
    },
  },
  codingTime: phase('coding'),
  reviewTime: phase('review'),
  mergeTime: phase('merge'),
  cycleTime: phase('cycle', { overview: 3, report: 3, reportByRepository: 1 }),
  deployTime: phase('deploy'),
  unreviewedMerges: mergeRate('unreviewedMerges', 'Unreviewed', (m) => m.unreviewedMerge === true, { report: 11 }),
  selfMerges: mergeRate('selfMerges', 'Self-merged', (m) => m.selfMerged === true),
  prSize: mergeValue((c) => c.pullRequests.size, 'Lines changed'),
  prRework: mergeValue((c) => c.pullRequests.rework, 'Commits after review'),
  reviewRounds: mergeValue((c) => c.pullRequests.reviewRounds, 'Changes requested'),
} satisfies Partial<Record<MetricKey, MetricEntry>>;
