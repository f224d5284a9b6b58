/**
 * The CI metrics (docs/metrics.md#ci-health-github-actions): success and flaky rates, duration and queue time over
 * workflow runs, and the red time of default branches. Their weekly series come with the CI summary.
 */
import type { MetricKey } from '@/metrics/catalogue';
import type { CiRunMember } from '@/metrics/ci/run-member';
import type { RedStretch } from '@/metrics/ci/red-time';
import type { Column, MemberRow } from '../metric-view.types';
import type { MetricEntry } from './metric-entry';
import { distributionHeadline, rateHeadline } from './view-parts';

const RUN_COLUMNS: Column[] = [
  { key: 'repo', label: 'Repository', kind: 'text' },
  { key: 'workflow', label: 'Workflow', kind: 'text' },
  { key: 'runId', label: 'Run', kind: 'number' },
  { key: 'branch', label: 'Branch', kind: 'text' },
  { key: 'createdAt', label: 'Created', kind: 'date' },
  { key: 'attempts', label: 'Attempts', kind: 'text' },
  { key: 'conclusion', label: 'Conclusion', kind: 'text' },
  { key: 'flaky', label: 'Flaky', kind: 'boolean' },
  { key: 'durationSeconds', label: 'Duration', kind: 'duration' },
  { key: 'queueSeconds', label: 'Queue', kind: 'duration' },
];

function runRows(members: CiRunMember[], value: (m: CiRunMember) => number | null, counted: (m: CiRunMember) => boolean): MemberRow[] {
  return members.map((m) => ({
    id: String(m.runId),
    counted: counted(m),
    value: value(m),
    cells: {
      repo: m.repo,
      workflow: m.workflow,
      runId: m.runId,
      branch: m.branch,
      createdAt: m.at,
      attempts: m.attempts.map((a) => `${a.attempt}: ${a.conclusion ?? 'unfinished'}`).join(', '),
      conclusion: m.conclusion,
      flaky: m.flaky,
      durationSeconds: m.durationSeconds,
      queueSeconds: m.queueSeconds,
    },
    github: m.repo ? { repo: m.repo, path: `actions/runs/${m.runId}` } : null,
  }));
}

function stretchRows(members: RedStretch[]): MemberRow[] {
  return members.map((m) => ({
    id: `${m.repoId}:${m.workflow}:${m.startedAt.toISOString()}`,
    counted: m.seconds !== null,
    value: m.seconds,
    cells: {
      repo: m.repo,
      workflow: m.workflow,
      branch: m.branch,
      startedAt: m.startedAt,
      endedAt: m.endedAt,
      failingRuns: m.failingRunIds.length,
      seconds: m.seconds,
    },
    github: m.repo ? { repo: m.repo, path: `actions/runs/${m.fixRunId}` } : null,
  }));
}

/** A share of the runs with an outcome; each such run is a member, 1 when it is in the numerator. */
function runRate(rate: 'successRate' | 'flakyRate', isHit: (m: CiRunMember) => boolean, shownIn?: MetricEntry['shownIn']): MetricEntry {
  return {
    shownIn,
    view: (c) => {
      const ci = c.ci.overall;
      return {
        headline: rateHeadline(ci[rate]),
        weekly: ci.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value[rate], n: w.value.outcomes })),
        columns: RUN_COLUMNS,
        rows: () =>
          runRows(
            ci[rate].members,
            (m) => (isHit(m) ? 1 : 0),
            () => true,
          ),
      };
    },
  };
}

/** A time per run with an outcome (seconds); the median over those that have it. */
function runTime(aggregate: 'duration' | 'queue', value: (m: CiRunMember) => number | null, shownIn?: MetricEntry['shownIn']): MetricEntry {
  return {
    shownIn,
    view: (c) => {
      const ci = c.ci.overall;
      const a = ci[aggregate];
      return {
        headline: distributionHeadline(a),
        weekly: ci.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value[aggregate].p50, n: w.value[aggregate].n })),
        columns: RUN_COLUMNS,
        rows: () => runRows(a.members, value, (m) => value(m) !== null),
      };
    },
  };
}

export const CI_ENTRIES = {
  ciSuccessRate: runRate('successRate', (m) => m.outcome === 'success', { overview: 8, report: 8, reportByRepository: 5 }),
  ciFlakyRate: runRate('flakyRate', (m) => m.flaky),
  ciDuration: runTime('duration', (m) => m.durationSeconds, { report: 9, reportByRepository: 6 }),
  ciQueueTime: runTime('queue', (m) => m.queueSeconds),
  ciRedTime: {
    view: (c) => {
      const ci = c.ci.overall;
      return {
        headline: distributionHeadline(ci.redTime.stretches),
        weekly: ci.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.red.p50, n: w.value.red.n })),
        columns: [
          { key: 'repo', label: 'Repository', kind: 'text' },
          { key: 'workflow', label: 'Workflow', kind: 'text' },
          { key: 'branch', label: 'Branch', kind: 'text' },
          { key: 'startedAt', label: 'Turned red', kind: 'date' },
          { key: 'endedAt', label: 'Green again', kind: 'date' },
          { key: 'failingRuns', label: 'Failing runs', kind: 'number' },
          { key: 'seconds', label: 'Red for', kind: 'duration' },
        ],
        rows: () => stretchRows(ci.redTime.stretches.members),
      };
    },
  },
} satisfies Partial<Record<MetricKey, MetricEntry>>;
