/**
 * Coverage report artifacts (docs/metrics.md#coverage-of-a-commit, source 3), when LEADLINE_COVERAGE_ARTIFACT is set:
 * for each successful default-branch run not looked at yet (oldest first, a watermark per
 * repository), list its artifacts, download those whose name matches (GitHub answers with a redirect
 * to storage, which the client follows), read the report inside, and store what was read or why
 * nothing was. Expired and oversized artifacts are not downloaded; a bad zip is recorded, not fatal.
 */
import { readSyncState, trackPass, writeSyncState } from '@/server/db/queries/sync-state';
import { COVERAGE_ARTIFACTS, successfulDefaultBranchRuns, writeRunArtifacts, type CoverageArtifactRow } from '@/server/db/queries/coverage-artifacts';
import { readCoverageZip } from './coverage-report';
import { parseItems } from './parse-items';
import { ZArtifact } from './rest-payloads';
import { passStart, type RepoSyncContext } from './sync-context';

/** Runs looked at per repository and sync, so one sync's cost stays bounded; the rest wait for the next. */
const RUNS_PER_SYNC = 200;

export async function syncCoverageArtifacts(ctx: RepoSyncContext): Promise<void> {
  const settings = ctx.coverageArtifacts;
  if (!settings) return;
  const { owner, name } = ctx.repo;
  await trackPass(ctx.db, ctx.repo.id, COVERAGE_ARTIFACTS, ctx.now, async () => {
    const state = await readSyncState(ctx.db, ctx.repo.id, COVERAGE_ARTIFACTS);
    const after = state?.watermark ?? passStart(ctx, null);
    const runs = await successfulDefaultBranchRuns(ctx.db, ctx.repo.id, ctx.repo.defaultBranch, after, RUNS_PER_SYNC);
    for (const run of runs) {
      const listed = await ctx.github.octokit.paginate('GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts', {
        owner,
        repo: name,
        run_id: run.id,
        per_page: 100,
      });
      const artifacts = parseItems(ZArtifact, listed, `artifact of run ${run.id} in ${ctx.repo.fullName}`, ctx.logger).filter((a) =>
        settings.pattern.test(a.name),
      );
      const rows: CoverageArtifactRow[] = [];
      for (const artifact of artifacts) {
        const row: CoverageArtifactRow = {
          id: artifact.id,
          repoId: ctx.repo.id,
          runId: run.id,
          headSha: artifact.workflow_run?.head_sha ?? run.headSha,
          name: artifact.name,
          sizeInBytes: artifact.size_in_bytes,
          createdAt: artifact.created_at ?? run.createdAt,
          format: null,
          pct: null,
          skippedReason: null,
        };
        if (artifact.expired) row.skippedReason = 'expired';
        else if (artifact.size_in_bytes > settings.maxBytes)
          row.skippedReason = `larger than the ${settings.maxBytes}-byte cap (${artifact.size_in_bytes} bytes)`;
        else {
          const download = await ctx.github.octokit.request('GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}', {
            owner,
            repo: name,
            artifact_id: artifact.id,
            archive_format: 'zip',
          });
          const reading = readCoverageZip(new Uint8Array(download.data as ArrayBuffer), settings.maxBytes);
          if (reading.ok) Object.assign(row, { format: reading.format, pct: reading.pct });
          else row.skippedReason = reading.reason;
        }
        if (row.skippedReason)
          ctx.logger.warn(`${ctx.repo.fullName}: coverage artifact ${artifact.name} (${artifact.id}) of run ${run.id} not read: ${row.skippedReason}`);
        rows.push(row);
      }
      await ctx.db.transaction((tx) => writeRunArtifacts(tx, ctx.repo.id, rows, run.createdAt));
      ctx.page(COVERAGE_ARTIFACTS, rows.length);
    }
    // Every run up to now looked at: this pass is complete (a capped pass carries on next sync).
    if (runs.length < RUNS_PER_SYNC) await writeSyncState(ctx.db, ctx.repo.id, COVERAGE_ARTIFACTS, { lastCompletedAt: ctx.now(), lastError: null });
  });
}
