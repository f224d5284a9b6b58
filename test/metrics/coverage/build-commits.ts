/** Default-branch commits with what coverage tools reported on them, for coverage tests. */
import type { CommitRecord } from '@/metrics/records';

export const t = (s: string) => new Date(s);

type Status = CommitRecord['statuses'][number];
type CheckRun = CommitRecord['checkRuns'][number];

export const status = (context: string, description: string | null, at: string, state = 'success'): Status => ({ context, state, description, createdAt: t(at) });

export const checkRun = (name: string, title: string | null, summary: string | null, completed: string | null): CheckRun => ({
  name,
  status: completed ? 'completed' : 'in_progress',
  conclusion: completed ? 'success' : null,
  title,
  summary,
  completedAt: completed ? t(completed) : null,
});

export function commit(spec: { repoId?: number; sha: string; at: string; parents?: string[] | null; statuses?: Status[]; checkRuns?: CheckRun[] }): CommitRecord {
  return {
    repoId: spec.repoId ?? 1,
    sha: spec.sha,
    committedAt: t(spec.at),
    parentShas: spec.parents === undefined ? null : spec.parents,
    statuses: spec.statuses ?? [],
    checkRuns: spec.checkRuns ?? [],
  };
}

/** A commit whose Codecov project status reads `pct`. */
export const codecov = (spec: { repoId?: number; sha: string; at: string; pct: string; parents?: string[] }) =>
  commit({ ...spec, statuses: [status('codecov/project', `${spec.pct}% (+<.01%) compared to 559fe9e`, spec.at)] });
