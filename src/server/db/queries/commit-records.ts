/**
 * Default-branch commits with what coverage tools reported on them, and their parents (ancestry
 * mapping of PRs to deployments).
 */
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { CommitRecord } from '@/metrics/records';
import type { Db } from '../client';
import { checkRuns, commitStatuses, commits } from '../schema';
import type { RecordScope } from './pull-request-records';

export async function loadDefaultBranchCommits(db: Db, scope: RecordScope, since: Date, options: { withReports: boolean }): Promise<CommitRecord[]> {
  if (scope.repoIds.length === 0) return [];
  const where = and(inArray(commits.repoId, scope.repoIds), eq(commits.onDefaultBranch, true), gte(commits.committedAt, since));
  const rows = await db
    .select({ repoId: commits.repoId, sha: commits.sha, committedAt: commits.committedAt, parentShas: commits.parentShas })
    .from(commits)
    .where(where)
    .orderBy(asc(commits.committedAt), asc(commits.sha));
  const records = new Map<string, CommitRecord>(rows.map((r) => [`${r.repoId}:${r.sha}`, { ...r, statuses: [], checkRuns: [] }]));
  if (!options.withReports || rows.length === 0) return [...records.values()];

  const [statuses, runs] = await Promise.all([
    db
      .select({
        repoId: commitStatuses.repoId,
        sha: commitStatuses.sha,
        context: commitStatuses.context,
        state: commitStatuses.state,
        description: commitStatuses.description,
        createdAt: commitStatuses.createdAt,
      })
      .from(commitStatuses)
      .innerJoin(commits, and(eq(commits.repoId, commitStatuses.repoId), eq(commits.sha, commitStatuses.sha)))
      .where(where)
      .orderBy(asc(commitStatuses.createdAt)),
    db
      .select({
        repoId: checkRuns.repoId,
        sha: checkRuns.headSha,
        name: checkRuns.name,
        status: checkRuns.status,
        conclusion: checkRuns.conclusion,
        title: checkRuns.outputTitle,
        summary: checkRuns.outputSummary,
        completedAt: checkRuns.completedAt,
      })
      .from(checkRuns)
      .innerJoin(commits, and(eq(commits.repoId, checkRuns.repoId), eq(commits.sha, checkRuns.headSha)))
      .where(where)
      .orderBy(asc(checkRuns.completedAt)),
  ]);
  for (const s of statuses)
    records.get(`${s.repoId}:${s.sha}`)?.statuses.push({ context: s.context, state: s.state, description: s.description, createdAt: s.createdAt });
  for (const r of runs)
    records
      .get(`${r.repoId}:${r.sha}`)
      ?.checkRuns.push({ name: r.name, status: r.status, conclusion: r.conclusion, title: r.title, summary: r.summary, completedAt: r.completedAt });
  return [...records.values()];
}
