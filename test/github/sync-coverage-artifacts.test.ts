/**
 * Coverage report artifacts through the real sync and the fake GitHub: matching artifacts of
 * successful default-branch runs are downloaded through GitHub's redirect, read, and stored with
 * their line coverage; oversized, corrupt and non-matching ones are not read (and say why); a second
 * sync asks for nothing again; with the setting off nothing is asked at all. Expected percentages
 * are worked out by hand from the report contents below.
 */
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateOrg } from '@/fake-github/generate-org';
import type { FakeOrg, FakeWorkflowRun } from '@/fake-github/model';
import { startFakeGitHub } from '@/fake-github/server';
import type { Database } from '@/server/db/client';
import { loadCoverageArtifacts } from '@/server/db/queries/coverage-artifacts';
import { syncWithFake } from '../support/sync-harness';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';
import { queryRows } from '@/server/db/client';
import { sql } from 'drizzle-orm';

const NOW = new Date('2026-11-23T12:00:00Z');
const HORIZON = new Date('2026-10-01T00:00:00Z');
const SETTINGS = { pattern: /coverage/i, maxBytes: 4096 };

// lcov: two files, LF 8 / LH 6 and LF 2 / LH 1 → 7 of 10 lines = 70 %.
const LCOV = 'SF:src/a.ts\nDA:1,1\nLF:8\nLH:6\nend_of_record\nSF:src/b.ts\nLF:2\nLH:1\nend_of_record\n';
// istanbul json-summary: total.lines.pct is the number.
const SUMMARY = JSON.stringify({ total: { lines: { total: 160, covered: 130, skipped: 0, pct: 81.25 } } });
// Random bytes do not compress: a zip well over the 4,096-byte cap.
const noise = Uint8Array.from({ length: 6000 }, (_, i) => (i * 2654435761) % 251);

function withArtifacts(org: FakeOrg) {
  const repo = org.repositories.find((r) => !r.isArchived)!;
  const runs = repo.workflowRuns
    .filter((r) => r.headBranch === repo.defaultBranch && r.conclusion === 'success' && r.createdAt >= HORIZON.toISOString())
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  expect(runs.length).toBeGreaterThanOrEqual(5);
  const [lcov, summary, big, corrupt, other] = runs as [FakeWorkflowRun, FakeWorkflowRun, FakeWorkflowRun, FakeWorkflowRun, FakeWorkflowRun];
  const artifact = (id: number, name: string, zip: Uint8Array, run: FakeWorkflowRun) => ({ id, name, expired: false, createdAt: run.updatedAt, zip });
  lcov.artifacts = [artifact(9001, 'coverage-report', zipSync({ 'coverage/lcov.info': strToU8(LCOV) }), lcov)];
  summary.artifacts = [
    artifact(9002, 'coverage', zipSync({ 'coverage/coverage-summary.json': strToU8(SUMMARY), 'coverage/lcov.info': strToU8('garbage') }), summary),
  ];
  big.artifacts = [artifact(9003, 'coverage', zipSync({ 'noise.bin': noise, 'lcov.info': strToU8(LCOV) }, { level: 0 }), big)];
  corrupt.artifacts = [artifact(9004, 'coverage', strToU8('this is not a zip archive'), corrupt)];
  other.artifacts = [artifact(9005, 'build-logs', zipSync({ 'lcov.info': strToU8(LCOV) }), other)];
  return { repo, runs: { lcov, summary, big, corrupt, other } };
}

describe.each(databaseKinds())('coverage artifacts in the sync on %s', (kind: DatabaseKind) => {
  let database: Database;
  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });
  afterEach(async () => {
    await database.close();
  });

  it('downloads and reads matching artifacts, records why others were not read, and asks nothing twice', async () => {
    const org = generateOrg({ seed: 3, now: NOW, weeks: 4, repositories: 1 });
    const { repo, runs } = withArtifacts(org);
    const github = startFakeGitHub(org);
    try {
      const { result, logger } = await syncWithFake(database.db, {
        targets: [`${repo.owner}/${repo.name}`],
        horizon: HORIZON,
        now: NOW,
        coverageArtifacts: SETTINGS,
      });
      expect(result.status).toBe('succeeded');
      const rows = await queryRows<{ id: string; run_id: string; head_sha: string; format: string | null; pct: number | null; skipped_reason: string | null }>(
        database.db,
        sql`select id, run_id, head_sha, format, pct, skipped_reason from coverage_artifacts order by id`,
      );
      expect(rows.map((r) => ({ ...r, id: Number(r.id), run_id: Number(r.run_id) }))).toEqual([
        { id: 9001, run_id: runs.lcov.id, head_sha: runs.lcov.headSha, format: 'lcov', pct: 70, skipped_reason: null },
        // The summary wins over the (broken) lcov next to it.
        { id: 9002, run_id: runs.summary.id, head_sha: runs.summary.headSha, format: 'istanbul', pct: 81.25, skipped_reason: null },
        {
          id: 9003,
          run_id: runs.big.id,
          head_sha: runs.big.headSha,
          format: null,
          pct: null,
          skipped_reason: expect.stringContaining('larger than the 4096-byte cap'),
        },
        {
          id: 9004,
          run_id: runs.corrupt.id,
          head_sha: runs.corrupt.headSha,
          format: null,
          pct: null,
          skipped_reason: expect.stringContaining('not a readable zip'),
        },
      ]);
      expect(logger.warnings().filter((w) => w.includes('coverage artifact'))).toHaveLength(2);

      // Downloaded through the redirect: the three under the cap, never the oversized or the non-matching one.
      const zips = github.requests.filter((r) => r.url.includes('/actions/artifacts/'));
      expect(zips.map((r) => [r.url.match(/artifacts\/(\d+)/)![1], r.status])).toEqual([
        ['9001', 302],
        ['9002', 302],
        ['9004', 302],
      ]);
      expect(github.requests.filter((r) => r.url.includes('/_storage/')).every((r) => r.status === 200)).toBe(true);

      expect(await loadCoverageArtifacts(database.db, [repo.id])).toEqual(
        expect.arrayContaining([
          { repoId: repo.id, sha: runs.lcov.headSha, pct: 70, source: 'lcov' },
          { repoId: repo.id, sha: runs.summary.headSha, pct: 81.25, source: 'istanbul' },
        ]),
      );

      const before = github.requests.length;
      await syncWithFake(database.db, { targets: [`${repo.owner}/${repo.name}`], horizon: HORIZON, now: NOW, coverageArtifacts: SETTINGS });
      expect(github.requests.slice(before).filter((r) => r.url.includes('artifacts'))).toEqual([]);
    } finally {
      github.close();
    }
  });

  it('asks for no artifact when the setting is off', async () => {
    const org = generateOrg({ seed: 3, now: NOW, weeks: 4, repositories: 1 });
    const { repo } = withArtifacts(org);
    const github = startFakeGitHub(org);
    try {
      await syncWithFake(database.db, { targets: [`${repo.owner}/${repo.name}`], horizon: HORIZON, now: NOW });
      expect(github.requests.filter((r) => r.url.includes('artifacts'))).toEqual([]);
      expect(await loadCoverageArtifacts(database.db, [repo.id])).toEqual([]);
    } finally {
      github.close();
    }
  });
});
