/**
 * Every number the dashboard and the reports show (pure data: pages, client components and services share it), by key: its name, its unit, which direction is
 * better, and its formula in words (the same terms as docs/metrics.md). The UI shows
 * the formula next to the number; the explanation lists the members it was computed from.
 */
import { z } from 'zod';

export const METRIC_KEYS = [
  'timeToFirstReview',
  'reviewTurnaround',
  'codingTime',
  'reviewTime',
  'mergeTime',
  'cycleTime',
  'deployTime',
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'reworkRate',
  'incidentResolution',
  'ciSuccessRate',
  'ciFlakyRate',
  'ciDuration',
  'ciQueueTime',
  'ciRedTime',
  'coverage',
  'unreviewedMerges',
  'selfMerges',
  'prSize',
  'prRework',
  'reviewRounds',
] as const;

export const ZMetricKey = z.enum(METRIC_KEYS);
export type MetricKey = z.infer<typeof ZMetricKey>;

/** `duration`: seconds; `ratio`: 0–1; `percent`: 0–100 (coverage); `count`: a plain number. */
export type MetricUnit = 'duration' | 'ratio' | 'percent' | 'count';

export interface MetricDefinition {
  label: string;
  unit: MetricUnit;
  better: 'lower' | 'higher';
  /** What a count counts, shown after the number ("per week", "lines"). */
  suffix?: string;
  /** The formula in words, with the period attribution. */
  formula: string;
}

export const METRIC_CATALOGUE: Readonly<Record<MetricKey, MetricDefinition>> = {
  timeToFirstReview: {
    label: 'Time to first review',
    unit: 'duration',
    better: 'lower',
    formula: 'first_review_at − ready_at per PR (first submitted review by a human other than the author); median over PRs first reviewed in the period.',
  },
  reviewTurnaround: {
    label: 'Review turnaround',
    unit: 'duration',
    better: 'lower',
    formula:
      "Per review request: the requested reviewer's first submitted review after the request (or after ready_at, if requested earlier) − the request; median over requests answered in the period.",
  },
  codingTime: {
    label: 'Coding time',
    unit: 'duration',
    better: 'lower',
    formula: 'ready_at − start_at, start_at = min(first commit authored, PR created); median over PRs merged in the period.',
  },
  reviewTime: {
    label: 'Review time',
    unit: 'duration',
    better: 'lower',
    formula: 'first_approval_at − first_review_at; median over PRs merged in the period.',
  },
  mergeTime: {
    label: 'Merge time',
    unit: 'duration',
    better: 'lower',
    formula: 'merged_at − (first_approval_at ?? first_review_at ?? ready_at); median over PRs merged in the period.',
  },
  cycleTime: {
    label: 'Cycle time',
    unit: 'duration',
    better: 'lower',
    formula: 'merged_at − start_at (coding + pickup + review + merge when all exist); median over PRs merged in the period.',
  },
  deployTime: {
    label: 'Deploy time',
    unit: 'duration',
    better: 'lower',
    formula:
      'deployed_at − merged_at, deployed_at = finish of the first successful production deployment that ships the merge commit; median over PRs deployed in the period.',
  },
  deploymentFrequency: {
    label: 'Deployment frequency',
    unit: 'count',
    suffix: 'per week',
    better: 'higher',
    formula: 'Successful production deployments per ISO week, median over the weeks of the period. The DORA band reads the median deploy-days per week.',
  },
  leadTime: {
    label: 'Lead time for changes',
    unit: 'duration',
    better: 'lower',
    formula: 'deployed_at − start_at per PR; median over PRs deployed in the period.',
  },
  changeFailureRate: {
    label: 'Change failure rate',
    unit: 'ratio',
    better: 'lower',
    formula:
      'Failed / finished production deployments in the period. Failed: its own outcome failed, an incident opened before the next success, a shipped PR later reverted, or the next success ships a hotfix.',
  },
  recoveryTime: {
    label: 'Failed deployment recovery time',
    unit: 'duration',
    better: 'lower',
    formula:
      'One value per failed deployment: finished → next successful production deployment finished; failed only through incidents: first incident opened → last incident closed. Median over recoveries in the period.',
  },
  reworkRate: {
    label: 'Deployment rework rate',
    unit: 'ratio',
    better: 'lower',
    formula: 'Production deployments that ship a revert or a hotfix / all production deployments finished in the period.',
  },
  incidentResolution: {
    label: 'Incident resolution time',
    unit: 'duration',
    better: 'lower',
    formula: 'Per incident issue: closed_at − created_at (not part of recovery time); median over incidents closed in the period.',
  },
  ciSuccessRate: {
    label: 'CI success rate',
    unit: 'ratio',
    better: 'higher',
    formula: 'success / (success + failure + timed_out + startup_failure) over workflow runs created in the period, latest attempt per run.',
  },
  ciFlakyRate: {
    label: 'CI flaky rate',
    unit: 'ratio',
    better: 'lower',
    formula: 'Runs whose latest attempt succeeded after an earlier attempt failed / runs with an outcome, created in the period.',
  },
  ciDuration: {
    label: 'CI duration',
    unit: 'duration',
    better: 'lower',
    formula: 'updated_at − run_started_at of the latest attempt; median over runs with an outcome created in the period.',
  },
  ciQueueTime: {
    label: 'CI queue time',
    unit: 'duration',
    better: 'lower',
    formula: 'run_started_at − created_at; median over runs with an outcome created in the period.',
  },
  ciRedTime: {
    label: 'Default-branch red time',
    unit: 'duration',
    better: 'lower',
    formula: "Per workflow: a failing default-branch run's finish → the next succeeding run's finish; median over red stretches that ended in the period.",
  },
  coverage: {
    label: 'Test coverage',
    unit: 'percent',
    better: 'higher',
    formula:
      "Line coverage of each repository's last covered default-branch commit before the period's end (Codecov/Coveralls status, coverage check run, or artifact); mean over repositories. Change: the mean of the per-repository changes over the repositories with a level in both periods; the others are named.",
  },
  unreviewedMerges: {
    label: 'Unreviewed merges',
    unit: 'ratio',
    better: 'lower',
    formula: 'PRs merged with no review by a human other than the author / PRs merged in the period.',
  },
  selfMerges: {
    label: 'Self-merges',
    unit: 'ratio',
    better: 'lower',
    formula: 'PRs merged by their author with no approval / PRs merged in the period.',
  },
  prSize: {
    label: 'PR size',
    unit: 'count',
    suffix: 'lines',
    better: 'lower',
    formula: 'additions + deletions; median over PRs merged in the period.',
  },
  prRework: {
    label: 'Rework',
    unit: 'count',
    suffix: 'commits',
    better: 'lower',
    formula: 'Commits authored after first_review_at; median over reviewed PRs merged in the period.',
  },
  reviewRounds: {
    label: 'Review rounds',
    unit: 'count',
    suffix: 'rounds',
    better: 'lower',
    formula: 'CHANGES_REQUESTED reviews per PR; median over PRs merged in the period.',
  },
};
