/**
 * Each metric key → its headline, weekly series and member rows, read off the computed metrics.
 * Member-based weekly series reuse the aggregate's own attribution instant, so a week's point is the
 * same definition as the headline restricted to that week.
 */
import { weekly } from '@/metrics/aggregate';
import type { CiRunMember } from '@/metrics/ci/run-member';
import type { RedStretch } from '@/metrics/ci/red-time';
import type { CoveragePoint } from '@/metrics/coverage/point';
import type { DeploymentDayMember, DeploymentFailureMember, IncidentMember, LeadTimeMember, RecoveryMember, ReworkMember } from '@/metrics/delivery';
import { distribution } from '@/metrics/percentiles';
import type { PullRequestValueMember, PullRequestFactsMember } from '@/metrics/pull-requests/pull-request-metrics';
import type { PhaseName, PullRequestMember, ReviewRequestMember } from '@/metrics/pull-requests/pull-request-metrics';
import type { Aggregate, MetricOptions, Rate } from '@/metrics/types';
import type { ComputedMetrics } from './compute-metrics';
import type { MetricKey } from '@/metrics/catalogue';
import type { Column, Headline, MemberRow, WeekValue } from './metric-view.types';

export interface MetricView {
  headline: Headline;
  weekly: WeekValue[];
  columns: Column[];
  rows: () => MemberRow[];
}

type WeekOptions = Pick<MetricOptions, 'now' | 'timeZone' | 'preset'>;

// ---- headlines --------------------------------------------------------------------------------

function distributionHeadline(a: Aggregate<unknown>): Headline {
  return { kind: 'distribution', value: a.value.p50, p75: a.value.p75, p90: a.value.p90, n: a.value.n, numerator: null, denominator: null };
}

function rateHeadline(r: Rate<unknown>): Headline {
  return { kind: 'rate', value: r.value, p75: null, p90: null, n: r.denominator, numerator: r.numerator, denominator: r.denominator };
}

function distributionWeeks<M>(c: ComputedMetrics, o: WeekOptions, members: M[], at: (m: M) => Date | null, value: (m: M) => number | null): WeekValue[] {
  return weekly(members, c.period, o, at, (inWeek) => distribution(inWeek.map(value))).map((w) => ({
    week: w.week,
    start: w.start,
    partial: w.partial,
    value: w.value.p50,
    n: w.value.n,
  }));
}

function rateWeeks<M>(c: ComputedMetrics, o: WeekOptions, members: M[], at: (m: M) => Date | null, isNumerator: (m: M) => boolean): WeekValue[] {
  return weekly(members, c.period, o, at, (inWeek) => ({ n: inWeek.length, hit: inWeek.filter(isNumerator).length })).map((w) => ({
    week: w.week,
    start: w.start,
    partial: w.partial,
    value: w.value.n ? w.value.hit / w.value.n : null,
    n: w.value.n,
  }));
}

// ---- rows -------------------------------------------------------------------------------------

const pull = (repo: string, number: number) => ({ repo, path: `pull/${number}` });

const PR_COLUMNS: Column[] = [
  { key: 'repo', label: 'Repository', kind: 'text' },
  { key: 'number', label: 'PR', kind: 'number' },
  { key: 'title', label: 'Title', kind: 'text' },
  { key: 'author', label: 'Author', kind: 'text' },
];

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

function factRows(members: PullRequestFactsMember[], isNumerator: (m: PullRequestFactsMember) => boolean, label: string): { columns: Column[]; rows: () => MemberRow[] } {
  return {
    columns: [...FACT_COLUMNS, { key: 'hit', label, kind: 'boolean' }],
    rows: () =>
      members.map((m) => ({
        id: String(m.prId),
        counted: true,
        value: isNumerator(m) ? 1 : 0,
        cells: { repo: m.repo, number: m.number, title: m.title, author: m.author, mergedAt: m.mergedAt, mergedBy: m.mergedBy, firstReviewAt: m.firstReviewAt, firstApprovalAt: m.firstApprovalAt, hit: isNumerator(m) },
        github: pull(m.repo, m.number),
      })),
  };
}

function valueRows(members: PullRequestValueMember[], label: string): { columns: Column[]; rows: () => MemberRow[] } {
  return {
    columns: [...FACT_COLUMNS, { key: 'value', label, kind: 'number' }],
    rows: () =>
      members.map((m) => ({
        id: String(m.prId),
        counted: m.value !== null,
        value: m.value,
        cells: { repo: m.repo, number: m.number, title: m.title, author: m.author, mergedAt: m.mergedAt, mergedBy: m.mergedBy, firstReviewAt: m.firstReviewAt, firstApprovalAt: m.firstApprovalAt, value: m.value },
        github: pull(m.repo, m.number),
      })),
  };
}

const DEPLOYMENT_COLUMNS: Column[] = [
  { key: 'repo', label: 'Repository', kind: 'text' },
  { key: 'label', label: 'Deployment', kind: 'text' },
  { key: 'finishedAt', label: 'Finished at', kind: 'date' },
];

/** A deployment id (`source:id`) → its page on GitHub, where it has one. */
export function deploymentPath(id: string): string | null {
  const [source, rest] = id.split(':', 2) as [string, string | undefined];
  if (!rest) return null;
  if (source === 'workflow-run') return `actions/runs/${rest}`;
  if (source === 'merge') return null;
  if (source === 'github-deployment') return 'deployments';
  return 'releases';
}

const deploymentLink = (repo: string, id: string) => {
  const path = deploymentPath(id);
  return path ? { repo, path } : null;
};

function frequencyRows(members: DeploymentDayMember[]): MemberRow[] {
  return members.map((m) => ({
    id: m.deploymentId,
    counted: true,
    value: 1,
    cells: { repo: m.repo, label: m.label, finishedAt: m.finishedAt, date: m.date, week: m.week },
    github: deploymentLink(m.repo, m.deploymentId),
  }));
}

const LEAD_COLUMNS: Column[] = [
  ...PR_COLUMNS,
  { key: 'startAt', label: 'Started', kind: 'date' },
  { key: 'mergedAt', label: 'Merged', kind: 'date' },
  { key: 'deployedAt', label: 'Deployed', kind: 'date' },
  { key: 'rule', label: 'Mapped by', kind: 'text' },
  { key: 'seconds', label: 'Lead time', kind: 'duration' },
];

function leadRows(members: LeadTimeMember[]): MemberRow[] {
  return members.map((m) => ({
    id: String(m.prId),
    counted: m.seconds !== null,
    value: m.seconds,
    cells: { repo: m.repo, number: m.number, title: m.title, author: m.author, startAt: m.startAt, mergedAt: m.mergedAt, deployedAt: m.deployedAt, rule: m.rule, seconds: m.seconds },
    github: pull(m.repo, m.number),
  }));
}

function failureRows(members: DeploymentFailureMember[]): MemberRow[] {
  return members.map((m) => ({
    id: m.deploymentId,
    counted: true,
    value: m.failed ? 1 : 0,
    cells: { repo: m.repo, label: m.label, finishedAt: m.finishedAt, outcome: m.outcome, failed: m.failed, reasons: m.reasons.join(', '), nextSuccessAt: m.nextSuccessAt },
    github: deploymentLink(m.repo, m.deploymentId),
  }));
}

function recoveryRows(members: RecoveryMember[]): MemberRow[] {
  return members.map((m) => ({
    id: m.deploymentId,
    counted: m.seconds !== null,
    value: m.seconds,
    cells: {
      repo: m.repo,
      what: `${m.label} (${m.reasons.join(', ')})`,
      measuredBy: m.measuredBy === 'next-success' ? 'to the next successful deployment' : `incidents ${m.incidents.map((i) => `#${i.number}`).join(', ')} opened → closed`,
      failedAt: m.failedAt,
      recoveredAt: m.recoveredAt,
      seconds: m.seconds,
    },
    github: deploymentLink(m.repo, m.deploymentId),
  }));
}

function reworkRows(members: ReworkMember[]): MemberRow[] {
  return members.map((m) => ({
    id: m.deploymentId,
    counted: true,
    value: m.rework ? 1 : 0,
    cells: { repo: m.repo, label: m.label, finishedAt: m.finishedAt, reverts: m.reverts.map((n) => `#${n}`).join(' '), hotfixes: m.hotfixes.map((n) => `#${n}`).join(' '), rework: m.rework },
    github: deploymentLink(m.repo, m.deploymentId),
  }));
}

function incidentRows(members: IncidentMember[], repoNames: ReadonlyMap<number, string>): MemberRow[] {
  return members.map((m) => {
    const repo = repoNames.get(m.repoId) ?? '';
    return {
      id: `incident:${m.incidentId}`,
      counted: m.seconds !== null,
      value: m.seconds,
      cells: { repo, number: m.number, title: m.title, createdAt: m.createdAt, closedAt: m.closedAt, seconds: m.seconds },
      github: { repo, path: `issues/${m.number}` },
    };
  });
}

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
    cells: { repo: m.repo, workflow: m.workflow, branch: m.branch, startedAt: m.startedAt, endedAt: m.endedAt, failingRuns: m.failingRunIds.length, seconds: m.seconds },
    github: m.repo ? { repo: m.repo, path: `actions/runs/${m.fixRunId}` } : null,
  }));
}

function coverageRows(points: CoveragePoint[], repoNames: ReadonlyMap<number, string>, latest: ReadonlySet<CoveragePoint>): MemberRow[] {
  return points.map((p) => {
    const repo = repoNames.get(p.repoId) ?? '';
    return {
      id: `${p.repoId}:${p.sha}`,
      counted: latest.has(p),
      value: p.pct,
      cells: { repo, sha: p.sha.slice(0, 7), committedAt: p.committedAt, pct: p.pct, source: p.source, reporter: p.reporter, latest: latest.has(p) },
      github: { repo, path: `commit/${p.sha}` },
    };
  });
}

// ---- the table --------------------------------------------------------------------------------

const PHASE_OF: Partial<Record<MetricKey, PhaseName>> = {
  timeToFirstReview: 'pickup',
  codingTime: 'coding',
  reviewTime: 'review',
  mergeTime: 'merge',
  cycleTime: 'cycle',
  deployTime: 'deploy',
};

/** The view of one metric over the computed period. */
export function metricView(key: MetricKey, c: ComputedMetrics, options: WeekOptions, repoNames: ReadonlyMap<number, string>): MetricView {
  const phase = PHASE_OF[key];
  if (phase) {
    const a = c.pullRequests[phase];
    return {
      headline: distributionHeadline(a),
      weekly: c.pullRequests.weekly[phase].map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.p50, n: w.value.n })),
      columns: options.preset === 'devlake' ? DEVLAKE_PHASE_COLUMNS : PHASE_COLUMNS,
      rows: () => phaseRows(a.members),
    };
  }
  const pr = c.pullRequests;
  const d = c.delivery;
  const ci = c.ci.overall;
  switch (key) {
    case 'reviewTurnaround':
      return {
        headline: distributionHeadline(pr.reviewTurnaround),
        weekly: distributionWeeks(c, options, pr.reviewTurnaround.members, (m) => m.respondedAt, (m) => m.seconds),
        columns: REQUEST_COLUMNS,
        rows: () => requestRows(pr.reviewTurnaround.members),
      };
    case 'unreviewedMerges':
    case 'selfMerges': {
      const r = key === 'unreviewedMerges' ? pr.unreviewedMerges : pr.selfMerges;
      const hit = key === 'unreviewedMerges' ? (m: PullRequestFactsMember) => m.unreviewedMerge === true : (m: PullRequestFactsMember) => m.selfMerged === true;
      return {
        headline: rateHeadline(r),
        weekly: rateWeeks(c, options, r.members, (m) => m.mergedAt, hit),
        ...factRows(r.members, hit, key === 'unreviewedMerges' ? 'Unreviewed' : 'Self-merged'),
      };
    }
    case 'prSize':
    case 'prRework':
    case 'reviewRounds': {
      const a = key === 'prSize' ? pr.size : key === 'prRework' ? pr.rework : pr.reviewRounds;
      return {
        headline: distributionHeadline(a),
        weekly: distributionWeeks(c, options, a.members, (m) => m.mergedAt, (m) => m.value),
        ...valueRows(a.members, key === 'prSize' ? 'Lines changed' : key === 'prRework' ? 'Commits after review' : 'Changes requested'),
      };
    }
    case 'deploymentFrequency': {
      const f = d.deploymentFrequency;
      return {
        headline: { kind: 'distribution', value: f.perWeek.p50, p75: f.perWeek.p75, p90: f.perWeek.p90, n: f.perWeek.n, numerator: null, denominator: null },
        weekly: f.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.deployments, n: w.value.deployments })),
        columns: [...DEPLOYMENT_COLUMNS, { key: 'date', label: 'Day', kind: 'text' }, { key: 'week', label: 'Week', kind: 'text' }],
        rows: () => frequencyRows(f.deployments),
      };
    }
    case 'leadTime':
      return {
        headline: distributionHeadline(d.leadTime),
        weekly: distributionWeeks(c, options, d.leadTime.members, (m) => m.deployedAt, (m) => m.seconds),
        columns: LEAD_COLUMNS,
        rows: () => leadRows(d.leadTime.members),
      };
    case 'changeFailureRate':
      return {
        headline: rateHeadline(d.changeFailureRate),
        weekly: rateWeeks(c, options, d.changeFailureRate.members, (m) => m.finishedAt, (m) => m.failed),
        columns: [
          ...DEPLOYMENT_COLUMNS,
          { key: 'outcome', label: 'Outcome', kind: 'text' },
          { key: 'failed', label: 'Failed', kind: 'boolean' },
          { key: 'reasons', label: 'Why', kind: 'text' },
          { key: 'nextSuccessAt', label: 'Next success', kind: 'date' },
        ],
        rows: () => failureRows(d.changeFailureRate.members),
      };
    case 'recoveryTime':
      return {
        headline: distributionHeadline(d.recoveryTime),
        weekly: distributionWeeks(c, options, d.recoveryTime.members, (m) => m.recoveredAt, (m) => m.seconds),
        columns: [
          { key: 'repo', label: 'Repository', kind: 'text' },
          { key: 'what', label: 'Failed deployment', kind: 'text' },
          { key: 'measuredBy', label: 'Measured', kind: 'text' },
          { key: 'failedAt', label: 'From', kind: 'date' },
          { key: 'recoveredAt', label: 'Recovered at', kind: 'date' },
          { key: 'seconds', label: 'Recovery', kind: 'duration' },
        ],
        rows: () => recoveryRows(d.recoveryTime.members),
      };
    case 'reworkRate':
      return {
        headline: rateHeadline(d.reworkRate),
        weekly: rateWeeks(c, options, d.reworkRate.members, (m) => m.finishedAt, (m) => m.rework),
        columns: [
          ...DEPLOYMENT_COLUMNS,
          { key: 'reverts', label: 'Reverts shipped', kind: 'text' },
          { key: 'hotfixes', label: 'Hotfixes shipped', kind: 'text' },
          { key: 'rework', label: 'Rework', kind: 'boolean' },
        ],
        rows: () => reworkRows(d.reworkRate.members),
      };
    case 'incidentResolution':
      return {
        headline: distributionHeadline(d.incidentResolution),
        weekly: distributionWeeks(c, options, d.incidentResolution.members, (m) => m.closedAt, (m) => m.seconds),
        columns: [
          { key: 'repo', label: 'Repository', kind: 'text' },
          { key: 'number', label: 'Issue', kind: 'number' },
          { key: 'title', label: 'Title', kind: 'text' },
          { key: 'createdAt', label: 'Opened', kind: 'date' },
          { key: 'closedAt', label: 'Closed', kind: 'date' },
          { key: 'seconds', label: 'Resolution', kind: 'duration' },
        ],
        rows: () => incidentRows(d.incidentResolution.members, repoNames),
      };
    case 'ciSuccessRate':
      return {
        headline: rateHeadline(ci.successRate),
        weekly: ci.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.successRate, n: w.value.outcomes })),
        columns: RUN_COLUMNS,
        rows: () => runRows(ci.successRate.members, (m) => (m.outcome === 'success' ? 1 : 0), () => true),
      };
    case 'ciFlakyRate':
      return {
        headline: rateHeadline(ci.flakyRate),
        weekly: ci.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.flakyRate, n: w.value.outcomes })),
        columns: RUN_COLUMNS,
        rows: () => runRows(ci.flakyRate.members, (m) => (m.flaky ? 1 : 0), () => true),
      };
    case 'ciDuration':
    case 'ciQueueTime': {
      const a = key === 'ciDuration' ? ci.duration : ci.queue;
      const value = key === 'ciDuration' ? (m: CiRunMember) => m.durationSeconds : (m: CiRunMember) => m.queueSeconds;
      return {
        headline: distributionHeadline(a),
        weekly: ci.weekly.map((w) => {
          const dist = key === 'ciDuration' ? w.value.duration : w.value.queue;
          return { week: w.week, start: w.start, partial: w.partial, value: dist.p50, n: dist.n };
        }),
        columns: RUN_COLUMNS,
        rows: () => runRows(a.members, value, (m) => value(m) !== null),
      };
    }
    case 'ciRedTime':
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
    case 'coverage': {
      const o = c.coverage.overall;
      const latest = new Set(o.latestLevels.map((l) => l.point));
      const shown = [...o.points, ...o.latestLevels.map((l) => l.point).filter((p) => !o.points.includes(p))];
      return {
        headline: { kind: 'level', value: o.latest, p75: null, p90: null, n: o.latestLevels.length, numerator: null, denominator: null },
        weekly: o.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.pct, n: w.value.levels.length })),
        columns: [
          { key: 'repo', label: 'Repository', kind: 'text' },
          { key: 'sha', label: 'Commit', kind: 'text' },
          { key: 'committedAt', label: 'Committed', kind: 'date' },
          { key: 'pct', label: 'Coverage', kind: 'percent' },
          { key: 'source', label: 'Source', kind: 'text' },
          { key: 'reporter', label: 'Reported by', kind: 'text' },
          { key: 'latest', label: "Repository's level", kind: 'boolean' },
        ],
        rows: () => coverageRows(shown, repoNames, latest),
      };
    }
    default:
      throw new Error(`no view for metric ${key}`);
  }
}
