/** Workflow runs for CI health tests, written the way GitHub's run objects read. */
import type { WorkflowRunAttemptRecord, WorkflowRunRecord } from '@/metrics/records';
import { DEFAULT_OPTIONS, type MetricOptions } from '@/metrics/types';

export const t = (s: string) => new Date(s);

export const options = (now: string, overrides: Partial<MetricOptions> = {}): MetricOptions => ({ ...DEFAULT_OPTIONS, now: t(now), ...overrides });

interface Attempt {
  conclusion: string | null;
  started: string;
  updated: string;
}

let nextId = 1000;

/**
 * A run: `attempts` oldest first; the last one is the run's own (latest) attempt. `created` is the
 * run's createdAt (the first attempt's).
 */
export function run(spec: {
  id?: number;
  repoId?: number;
  workflow?: string;
  workflowId?: number;
  branch?: string | null;
  event?: string;
  created: string;
  attempts: Attempt[];
}): WorkflowRunRecord {
  const attempts: WorkflowRunAttemptRecord[] = spec.attempts.map((a, i) => ({
    attempt: i + 1,
    status: a.conclusion === null ? 'in_progress' : 'completed',
    conclusion: a.conclusion,
    runStartedAt: t(a.started),
    updatedAt: t(a.updated),
  }));
  const latest = attempts[attempts.length - 1]!;
  return {
    id: spec.id ?? nextId++,
    repoId: spec.repoId ?? 1,
    workflowId: spec.workflowId ?? 10,
    workflowName: spec.workflow ?? 'CI',
    headBranch: spec.branch === undefined ? 'main' : spec.branch,
    headSha: `sha${spec.id ?? nextId}`,
    event: spec.event ?? 'push',
    status: latest.status,
    conclusion: latest.conclusion,
    runAttempt: latest.attempt,
    createdAt: t(spec.created),
    runStartedAt: latest.runStartedAt,
    updatedAt: latest.updatedAt,
    attempts,
  };
}

/** A single-attempt run. */
export const once = (spec: Omit<Parameters<typeof run>[0], 'attempts'>, conclusion: string | null, started: string, updated: string) =>
  run({ ...spec, attempts: [{ conclusion, started, updated }] });
