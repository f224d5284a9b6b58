/**
 * Hand-built records for the delivery tests: every field a test does not care about has a plain
 * default, so each test shows only the facts its numbers come from.
 */
import type { DeploymentMapping, MappingRule, ShippedPullRequest } from '@/metrics/delivery/map-pull-requests';
import type { Deployment } from '@/metrics/delivery/deployment';
import type { DetectionRecords } from '@/metrics/delivery/detect-deployments';
import { DEFAULT_DELIVERY_SETTINGS, type DeliverySettings } from '@/metrics/delivery/settings';
import type {
  CommitRecord,
  DeploymentStatusRecord,
  GitHubDeploymentRecord,
  IncidentRecord,
  PullRequestRecord,
  ReleaseRecord,
  RepositoryRecord,
  WorkflowRunRecord,
} from '@/metrics/records';
import { DEFAULT_OPTIONS, type MetricOptions } from '@/metrics/types';

export const t = (s: string) => new Date(s);
export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 24 * HOUR;

export const settings: DeliverySettings = { ...DEFAULT_DELIVERY_SETTINGS };

export function options(overrides: Partial<MetricOptions> = {}): MetricOptions {
  return { ...DEFAULT_OPTIONS, now: t('2026-12-31T00:00:00Z'), ...overrides };
}

export const REPO: RepositoryRecord = { id: 1, fullName: 'acme/shop', defaultBranch: 'main' };

/** A 40-hex-digit sha from a short name (its bytes in hex, padded with zeros): `sha('c1')` = `6331000…`. */
export const sha = (name: string) => Buffer.from(name).toString('hex').padEnd(40, '0');

export const noRecords: DetectionRecords = { githubDeployments: [], workflowRuns: [], releases: [], pullRequests: [] };

export function ghDeployment(
  id: number,
  o: { environment?: string; sha?: string; createdAt: string; statuses?: [DeploymentStatusRecord['state'], string][]; repoId?: number },
): GitHubDeploymentRecord {
  return {
    id,
    repoId: o.repoId ?? REPO.id,
    sha: o.sha ?? sha(`d${id}`),
    environment: o.environment ?? 'production',
    createdAt: t(o.createdAt),
    statuses: (o.statuses ?? []).map(([state, at]) => ({ state, createdAt: t(at) })),
  };
}

export function workflowRun(
  id: number,
  o: {
    name?: string;
    branch?: string | null;
    conclusion: string | null;
    createdAt: string;
    startedAt?: string;
    updatedAt: string;
    sha?: string;
    repoId?: number;
  },
): WorkflowRunRecord {
  return {
    id,
    repoId: o.repoId ?? REPO.id,
    workflowId: 10,
    workflowName: o.name ?? 'Deploy',
    headBranch: o.branch === undefined ? 'main' : o.branch,
    headSha: o.sha ?? sha(`r${id}`),
    event: 'push',
    status: o.conclusion === null ? 'in_progress' : 'completed',
    conclusion: o.conclusion,
    runAttempt: 1,
    createdAt: t(o.createdAt),
    runStartedAt: t(o.startedAt ?? o.createdAt),
    updatedAt: t(o.updatedAt),
    attempts: [],
  };
}

export function release(
  id: number,
  o: { tag: string; target?: string; publishedAt: string | null; draft?: boolean; prerelease?: boolean; repoId?: number },
): ReleaseRecord {
  return {
    id,
    repoId: o.repoId ?? REPO.id,
    tagName: o.tag,
    targetCommitish: o.target ?? 'main',
    isDraft: o.draft ?? false,
    isPrerelease: o.prerelease ?? false,
    createdAt: t(o.publishedAt ?? '2026-11-01T00:00:00Z'),
    publishedAt: o.publishedAt ? t(o.publishedAt) : null,
  };
}

export function pr(
  number: number,
  o: {
    title?: string;
    createdAt?: string;
    mergedAt?: string | null;
    mergeCommit?: string | null;
    baseRef?: string;
    headRef?: string;
    labels?: string[];
    author?: string;
    bot?: boolean;
    firstCommitAt?: string;
    repoId?: number;
  } = {},
): PullRequestRecord {
  const mergedAt = o.mergedAt === undefined ? null : o.mergedAt;
  const createdAt = o.createdAt ?? '2026-11-02T08:00:00Z';
  return {
    id: 1000 + number,
    repoId: o.repoId ?? REPO.id,
    repo: REPO.fullName,
    number,
    title: o.title ?? `Change ${number}`,
    author: { login: o.author ?? (o.bot ? 'renovate[bot]' : 'alice'), type: o.bot ? 'Bot' : 'User' },
    state: mergedAt ? 'merged' : 'open',
    isDraft: false,
    createdAt: t(createdAt),
    closedAt: mergedAt ? t(mergedAt) : null,
    mergedAt: mergedAt ? t(mergedAt) : null,
    mergedBy: mergedAt ? { login: 'alice', type: 'User' } : null,
    mergeCommitSha: o.mergeCommit === undefined ? (mergedAt ? sha(`m${number}`) : null) : o.mergeCommit,
    headRef: o.headRef ?? `feature-${number}`,
    baseRef: o.baseRef ?? 'main',
    additions: 10,
    deletions: 2,
    labels: o.labels ?? [],
    commits: o.firstCommitAt ? [{ sha: sha(`f${number}`), authoredAt: t(o.firstCommitAt) }] : [],
    reviews: [],
    events: [],
    comments: [],
  };
}

export function commit(name: string, parents: string[] | null, committedAt = '2026-11-01T00:00:00Z', repoId = REPO.id): CommitRecord {
  return { repoId, sha: sha(name), committedAt: t(committedAt), parentShas: parents ? parents.map(sha) : null, statuses: [], checkRuns: [] };
}

export function incident(number: number, o: { createdAt: string; closedAt?: string | null; labels?: string[]; repoId?: number }): IncidentRecord {
  return {
    id: 5000 + number,
    repoId: o.repoId ?? REPO.id,
    number,
    title: `Incident ${number}`,
    labels: o.labels ?? ['incident'],
    createdAt: t(o.createdAt),
    closedAt: o.closedAt ? t(o.closedAt) : null,
  };
}

/** A normalised deployment (what detection produces), for the metric tests. */
export function deployment(
  name: string,
  o: { finishedAt: string | null; startedAt?: string; outcome?: Deployment['outcome']; sha?: string | null; repoId?: number },
): Deployment {
  const finishedAt = o.finishedAt ? t(o.finishedAt) : null;
  return {
    id: `workflow-run:${name}`,
    repoId: o.repoId ?? REPO.id,
    repo: REPO.fullName,
    source: 'workflow-run',
    sha: o.sha === undefined ? sha(name) : o.sha,
    startedAt: t(o.startedAt ?? o.finishedAt ?? '2026-11-01T00:00:00Z'),
    finishedAt,
    outcome: o.outcome ?? (finishedAt ? 'success' : 'pending'),
    label: name,
    ref: { kind: 'workflow-run', runId: 1, workflowName: 'Deploy', runAttempt: 1, conclusion: o.outcome ?? 'success' },
  };
}

/** A mapping built by hand: each [PR, deployment] pair shipped by `rule`. */
export function mapping(pairs: [PullRequestRecord, Deployment][], rule: MappingRule = 'ancestry'): DeploymentMapping {
  const shipped: ShippedPullRequest[] = pairs.map(([p, d]) => ({
    prId: p.id,
    repoId: p.repoId,
    repo: p.repo,
    number: p.number,
    mergedAt: p.mergedAt!,
    deploymentId: d.id,
    deployedAt: d.finishedAt!,
    rule,
  }));
  return { shipped, unmappedPullRequests: [], deploymentsWithoutPullRequests: [] };
}
