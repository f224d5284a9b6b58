/**
 * Real GitHub payloads (panjf2000/ants, from Apache DevLake's e2e data) through the real sync, served
 * by the fake GitHub through the APIs the sync uses, checked against the rows DevLake's own tests
 * expect: PR timestamps and state, first-commit times, review times, workflow run durations.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '@/fake-github/server';
import { queryRows, type Database } from '@/server/db/client';
import { loadDevlakeAnts, readExpectedCsv } from '../support/devlake-fixture';
import { syncWithFake } from '../support/sync-harness';
import { createTestDatabase } from '../support/test-database';

const NOW = new Date('2022-07-01T00:00:00Z');
const HORIZON = new Date('2018-01-01T00:00:00Z');
const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);
/** DevLake writes `2018-07-25T08:19:30.000+00:00`; empty for none. */
const csvTime = (value: string) => (value ? new Date(value).toISOString() : null);
const prKey = (id: string) => Number(id.split(':').pop());

describe('sync of the DevLake fixture (panjf2000/ants)', () => {
  let github: FakeGitHub & { close(): void };
  let database: Database;

  beforeAll(async () => {
    github = startFakeGitHub(loadDevlakeAnts());
    database = await createTestDatabase('pglite');
    const { result, logger } = await syncWithFake(database.db, { targets: ['panjf2000/ants'], horizon: HORIZON, now: NOW });
    expect(result.repositories.flatMap((r) => r.errors)).toEqual([]);
    // Six runs were re-run, and the fixture (like GitHub for purged runs) lacks their first attempts.
    expect(logger.warnings()).toHaveLength(6);
    for (const warning of logger.warnings()) expect(warning).toMatch(/^attempt 1 of workflow run \d+ in panjf2000\/ants is gone from GitHub \(404\)/);
  });
  afterAll(async () => {
    github.close();
    await database.close();
  });

  it('stores every PR with DevLake\'s created, merged and closed times, state and merge commit', async () => {
    const expected = readExpectedCsv('pull_requests.csv');
    expect(expected).toHaveLength(49);
    const rows = await queryRows<{ id: number; number: number; state: string; created_at: Date; merged_at: Date | null; closed_at: Date | null; merge_commit_sha: string | null }>(
      database.db,
      sql`select id, number, state, created_at, merged_at, closed_at, merge_commit_sha from pull_requests`,
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    expect(byId.size).toBe(49);
    for (const want of expected) {
      const row = byId.get(prKey(want.id!));
      expect(row, want.id).toBeDefined();
      expect({
        number: row!.number,
        status: row!.state.toUpperCase() === 'OPEN' ? 'OPEN' : row!.state.toUpperCase(),
        created: iso(row!.created_at),
        merged: iso(row!.merged_at),
        closed: iso(row!.closed_at),
      }).toEqual({
        number: Number(want.pull_request_key),
        status: want.status,
        created: csvTime(want.created_date!),
        merged: csvTime(want.merged_date!),
        closed: csvTime(want.closed_date!),
      });
      // DevLake keeps GitHub's merge_commit_sha even for unmerged PRs (a test-merge commit); we keep it only for merges.
      if (row!.merged_at) expect(row!.merge_commit_sha).toBe(want.merge_commit_sha);
    }
  });

  it('gives each PR DevLake\'s first-commit time (earliest commit author date)', async () => {
    const firstByPr = new Map<number, string>();
    for (const commit of readExpectedCsv('pull_request_commits.csv')) {
      const pr = prKey(commit.pull_request_id!);
      const at = csvTime(commit.commit_authored_date!)!;
      if (!firstByPr.has(pr) || at < firstByPr.get(pr)!) firstByPr.set(pr, at);
    }
    expect(firstByPr.size).toBe(43);
    const rows = await queryRows<{ id: number; first: Date }>(
      database.db,
      sql`select pc.pull_request_id as id, min(c.authored_at) as first
          from pull_request_commits pc join commits c on c.sha = pc.sha group by pc.pull_request_id`,
    );
    const actual = new Map(rows.map((r) => [Number(r.id), iso(r.first)!]));
    expect(actual).toEqual(firstByPr);
  });

  it('stores every review with DevLake\'s submitted time and state', async () => {
    const expected = readExpectedCsv('pull_request_review_comments.csv').filter((r) => r.type === 'REVIEW');
    expect(expected).toHaveLength(30);
    const rows = await queryRows<{ id: number; pull_request_id: number; submitted_at: Date; state: string }>(
      database.db,
      sql`select id, pull_request_id, submitted_at, state from reviews`,
    );
    const actual = rows.map((r) => ({ id: Number(r.id), pr: Number(r.pull_request_id), at: iso(r.submitted_at), state: r.state })).sort((a, b) => a.id - b.id);
    const want = expected.map((r) => ({ id: prKey(r.id!), pr: prKey(r.pull_request_id!), at: csvTime(r.created_date!), state: r.status })).sort((a, b) => a.id - b.id);
    expect(actual).toEqual(want);
  });

  it('stores the workflow runs DevLake lists, with their outcome and a duration within 1 s of DevLake\'s', async () => {
    const expected = readExpectedCsv('cicd_pipelines.csv');
    const rows = await queryRows<{ id: number; conclusion: string | null; status: string | null; run_started_at: Date | null; updated_at: Date }>(
      database.db,
      sql`select id, conclusion, status, run_started_at, updated_at from workflow_runs`,
    );
    expect(rows).toHaveLength(20);
    // DevLake: success = success; failure = failure, cancelled, timed_out, startup_failure; a run
    // still in progress has no result yet.
    const devlakeResult = (conclusion: string | null) =>
      conclusion === null ? '' : conclusion === 'success' ? 'SUCCESS' : ['failure', 'cancelled', 'timed_out', 'startup_failure'].includes(conclusion) ? 'FAILURE' : 'OTHER';
    for (const row of rows) {
      const want = expected.find((e) => Number(e.id!.split(':').pop()) === Number(row.id));
      expect(want, String(row.id)).toBeDefined();
      expect(devlakeResult(row.conclusion)).toBe(want!.result);
      expect(row.status).toBe(want!.original_status);
      const seconds = (new Date(row.updated_at).getTime() - new Date(row.run_started_at!).getTime()) / 1000;
      expect(Math.abs(seconds - Number(want!.duration_sec))).toBeLessThanOrEqual(1);
    }
  });

  it('stores the conversation and diff comments, codecov[bot]\'s included', async () => {
    // Comments are stored repo-wide (issues' too) and joined to their PR by number.
    const rows = await queryRows<{ kind: string; n: string }>(
      database.db,
      sql`select c.kind, count(*) as n from comments c join pull_requests p on p.repo_id = c.repo_id and p.number = c.number group by c.kind order by c.kind`,
    );
    const expected = readExpectedCsv('pull_request_comments.csv');
    const normal = expected.filter((c) => c.type === 'NORMAL').length;
    const diff = expected.filter((c) => c.type === 'DIFF').length;
    expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([
      ['conversation', normal],
      ['diff', diff],
    ]);
    const [bot] = await queryRows<{ n: string }>(
      database.db,
      sql`select count(*) as n from comments c join pull_requests p on p.repo_id = c.repo_id and p.number = c.number
          join users u on u.id = c.author_id where u.login = 'codecov[bot]' and u.is_bot`,
    );
    // From the payload itself: codecov[bot]'s conversation comments on the fixture's PRs.
    const org = loadDevlakeAnts();
    const prNumbers = new Set(org.repositories[0]!.pullRequests.map((p) => p.number));
    const codecov = org.repositories[0]!.issueComments.filter((c) => c.authorLogin === 'codecov[bot]' && prNumbers.has(c.issueNumber)).length;
    expect(codecov).toBeGreaterThan(0);
    expect(Number(bot!.n)).toBe(codecov);
  });
});
