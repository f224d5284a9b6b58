/** Coverage artifacts: which default-branch runs to look at next, what was read, and the metrics' view of it. */
import { and, asc, desc, eq, gt, inArray } from 'drizzle-orm';
import type { ArtifactCoverage } from '@/metrics/coverage/point';
import type { Db } from '../client';
import { coverageArtifacts, workflowRuns } from '../schema';
import type { Tx } from './upsert';
import { writeSyncState } from './sync-state';

export const COVERAGE_ARTIFACTS = 'coverage_artifacts';

/** Successful runs on the default branch created after `after`, oldest first. */
export function successfulDefaultBranchRuns(db: Db, repoId: number, defaultBranch: string, after: Date, limit: number) {
  return db
    .select({ id: workflowRuns.id, headSha: workflowRuns.headSha, createdAt: workflowRuns.createdAt })
    .from(workflowRuns)
    .where(
      and(
        eq(workflowRuns.repoId, repoId),
        eq(workflowRuns.headBranch, defaultBranch),
        eq(workflowRuns.conclusion, 'success'),
        gt(workflowRuns.createdAt, after),
      ),
    )
    .orderBy(asc(workflowRuns.createdAt), asc(workflowRuns.id))
    .limit(limit);
}

export type CoverageArtifactRow = typeof coverageArtifacts.$inferInsert;

/** One run's artifacts and the watermark past it, in one transaction: a killed sync resumes at the next run. */
export async function writeRunArtifacts(tx: Tx, repoId: number, rows: CoverageArtifactRow[], checkedUpTo: Date): Promise<void> {
  if (rows.length) await tx.insert(coverageArtifacts).values(rows).onConflictDoNothing();
  await writeSyncState(tx, repoId, COVERAGE_ARTIFACTS, { watermark: checkedUpTo });
}

/** The parsed coverage of default-branch commits: per commit, its newest artifact that had a report. */
export async function loadCoverageArtifacts(db: Db, repoIds: number[]): Promise<ArtifactCoverage[]> {
  if (repoIds.length === 0) return [];
  const rows = await db
    .select({ repoId: coverageArtifacts.repoId, sha: coverageArtifacts.headSha, pct: coverageArtifacts.pct, format: coverageArtifacts.format })
    .from(coverageArtifacts)
    .where(inArray(coverageArtifacts.repoId, repoIds))
    .orderBy(desc(coverageArtifacts.createdAt));
  const seen = new Set<string>();
  const result: ArtifactCoverage[] = [];
  for (const row of rows) {
    const key = `${row.repoId}:${row.sha}`;
    if (row.pct === null || seen.has(key)) continue;
    seen.add(key);
    result.push({ repoId: row.repoId, sha: row.sha, pct: row.pct, source: row.format ?? 'artifact' });
  }
  return result;
}
