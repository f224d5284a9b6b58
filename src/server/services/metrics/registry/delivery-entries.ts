/**
 * The delivery metrics (docs/metrics.md#delivery-dora): deployment frequency, lead time for changes,
 * change failure rate, failed deployment recovery time, deployment rework rate and incident
 * resolution time. Their members are deployments, PRs or incidents.
 */
import type { MetricKey } from '@/metrics/catalogue';
import type { DeploymentDayMember, DeploymentFailureMember, IncidentMember, LeadTimeMember, RecoveryMember, ReworkMember } from '@/metrics/delivery';
import type { Column, MemberRow } from '../metric-view.types';
import type { MetricEntry } from './metric-entry';
import { distributionParts, PR_COLUMNS, pull, rateParts } from './view-parts';

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
    cells: {
      repo: m.repo,
      number: m.number,
      title: m.title,
      author: m.author,
      startAt: m.startAt,
      mergedAt: m.mergedAt,
      deployedAt: m.deployedAt,
      rule: m.rule,
      seconds: m.seconds,
    },
    github: pull(m.repo, m.number),
  }));
}

function failureRows(members: DeploymentFailureMember[]): MemberRow[] {
  return members.map((m) => ({
    id: m.deploymentId,
    counted: true,
    value: m.failed ? 1 : 0,
    cells: {
      repo: m.repo,
      label: m.label,
      finishedAt: m.finishedAt,
      outcome: m.outcome,
      failed: m.failed,
      reasons: m.reasons.join(', '),
      nextSuccessAt: m.nextSuccessAt,
    },
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
      measuredBy:
        m.measuredBy === 'next-success'
          ? 'to the next successful deployment'
          : `incidents ${m.incidents.map((i) => `#${i.number}`).join(', ')} opened → closed`,
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
    cells: {
      repo: m.repo,
      label: m.label,
      finishedAt: m.finishedAt,
      reverts: m.reverts.map((n) => `#${n}`).join(' '),
      hotfixes: m.hotfixes.map((n) => `#${n}`).join(' '),
      rework: m.rework,
    },
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

export const DELIVERY_ENTRIES = {
  deploymentFrequency: {
    band: 'deploymentFrequency',
    shownIn: { overview: 4, report: 4, reportByRepository: 3 },
    view: (c) => {
      const f = c.delivery.deploymentFrequency;
      return {
        // The median over the period's weeks of the deployments in each (docs/metrics.md#deployment-frequency).
        headline: { kind: 'distribution', value: f.perWeek.p50, p75: f.perWeek.p75, p90: f.perWeek.p90, n: f.perWeek.n, numerator: null, denominator: null },
        weekly: f.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.deployments, n: w.value.deployments })),
        columns: [...DEPLOYMENT_COLUMNS, { key: 'date', label: 'Day', kind: 'text' }, { key: 'week', label: 'Week', kind: 'text' }],
        rows: () => frequencyRows(f.deployments),
      };
    },
  },
  leadTime: {
    band: 'leadTime',
    shownIn: { overview: 5, report: 5 },
    view: (c, options) => {
      const a = c.delivery.leadTime;
      return {
        ...distributionParts(
          c,
          options,
          a,
          (m) => m.deployedAt,
          (m) => m.seconds,
        ),
        columns: LEAD_COLUMNS,
        rows: () => leadRows(a.members),
      };
    },
  },
  changeFailureRate: {
    band: 'changeFailureRate',
    shownIn: { overview: 6, report: 6, reportByRepository: 4 },
    view: (c, options) => {
      const r = c.delivery.changeFailureRate;
      return {
        ...rateParts(
          c,
          options,
          r,
          (m) => m.finishedAt,
          (m) => m.failed,
        ),
        columns: [
          ...DEPLOYMENT_COLUMNS,
          { key: 'outcome', label: 'Outcome', kind: 'text' },
          { key: 'failed', label: 'Failed', kind: 'boolean' },
          { key: 'reasons', label: 'Why', kind: 'text' },
          { key: 'nextSuccessAt', label: 'Next success', kind: 'date' },
        ],
        rows: () => failureRows(r.members),
      };
    },
  },
  recoveryTime: {
    band: 'recoveryTime',
    shownIn: { overview: 7, report: 7 },
    view: (c, options) => {
      const a = c.delivery.recoveryTime;
      return {
        ...distributionParts(
          c,
          options,
          a,
          (m) => m.recoveredAt,
          (m) => m.seconds,
        ),
        columns: [
          { key: 'repo', label: 'Repository', kind: 'text' },
          { key: 'what', label: 'Failed deployment', kind: 'text' },
          { key: 'measuredBy', label: 'Measured', kind: 'text' },
          { key: 'failedAt', label: 'From', kind: 'date' },
          { key: 'recoveredAt', label: 'Recovered at', kind: 'date' },
          { key: 'seconds', label: 'Recovery', kind: 'duration' },
        ],
        rows: () => recoveryRows(a.members),
      };
    },
  },
  reworkRate: {
    view: (c, options) => {
      const r = c.delivery.reworkRate;
      return {
        ...rateParts(
          c,
          options,
          r,
          (m) => m.finishedAt,
          (m) => m.rework,
        ),
        columns: [
          ...DEPLOYMENT_COLUMNS,
          { key: 'reverts', label: 'Reverts shipped', kind: 'text' },
          { key: 'hotfixes', label: 'Hotfixes shipped', kind: 'text' },
          { key: 'rework', label: 'Rework', kind: 'boolean' },
        ],
        rows: () => reworkRows(r.members),
      };
    },
  },
  incidentResolution: {
    view: (c, options, repoNames) => {
      const a = c.delivery.incidentResolution;
      return {
        ...distributionParts(
          c,
          options,
          a,
          (m) => m.closedAt,
          (m) => m.seconds,
        ),
        columns: [
          { key: 'repo', label: 'Repository', kind: 'text' },
          { key: 'number', label: 'Issue', kind: 'number' },
          { key: 'title', label: 'Title', kind: 'text' },
          { key: 'createdAt', label: 'Opened', kind: 'date' },
          { key: 'closedAt', label: 'Closed', kind: 'date' },
          { key: 'seconds', label: 'Resolution', kind: 'duration' },
        ],
        rows: () => incidentRows(a.members, repoNames),
      };
    },
  },
} satisfies Partial<Record<MetricKey, MetricEntry>>;
