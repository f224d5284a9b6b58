/**
 * No run left behind: GitHub answers at most 1,000 runs to a runs query filtered on `created` (its
 * `total_count` counts them all), and the fake caps the same way. A repository with 3,305 runs in
 * its first window must still have every one stored, each written once, and a sync that fails
 * half-way must resume where it stopped and end with the same rows as one that did not.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOrg } from '@/fake-github/model';
import { startFakeGitHub, type FakeGitHub, type RecordedRequest } from '@/fake-github/server';
import { queryRows, type Database } from '@/server/db/client';
import { buildOrg, iso, type WorkflowRunSpec } from '../support/fake-org-builder';
import { count, snapshotFacts, syncWithFake } from '../support/sync-harness';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const HORIZON = new Date('2024-01-01T00:00:00Z');
const NOW = new Date('2024-01-31T00:00:00Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Runs shaped to make the split work: 40 before the horizon (never asked for), 1,800 spread evenly
 * over 20 days, a burst of 1,500 within two hours on day 3 (a window must be halved many times to
 * hold at most 1,000 of them), and 5 created in the same second. 1,800 + 1,500 + 5 = 3,305 to store.
 */
function runs(): WorkflowRunSpec[] {
  const specs: WorkflowRunSpec[] = [];
  const start = HORIZON.getTime();
  for (let i = 1; i <= 40; i += 1) specs.push({ createdAt: iso(start - i * HOUR) });
  for (let i = 0; i < 1800; i += 1) specs.push({ createdAt: iso(start + 30 * MINUTE + i * 16 * MINUTE) });
  for (let i = 0; i < 1500; i += 1) specs.push({ createdAt: iso(start + 3 * 24 * HOUR + i * 4_800) });
  for (let i = 0; i < 5; i += 1) specs.push({ createdAt: iso(start + 10 * 24 * HOUR + 7_000) });
  return specs;
}

const EXPECTED = 3305;
const HORIZON_Q = iso(HORIZON.getTime());

function runsRequests(requests: RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => new URL(r.url).pathname.endsWith('/actions/runs'));
}

describe.each(databaseKinds())('a repository with more runs in one window than GitHub answers, on %s', (kind: DatabaseKind) => {
  const org: FakeOrg = buildOrg({ repositories: [{ name: 'ci', workflowRuns: runs() }] });
  const expectedIds = org.repositories[0]!.workflowRuns.filter((r) => new Date(r.createdAt) >= HORIZON)
    .map((r) => r.id)
    .sort((a, b) => a - b);

  it('is capped by the fake as GitHub caps it: 1,000 runs served, total_count whole', async () => {
    const github = startFakeGitHub(structuredClone(org));
    try {
      const query = `created=${encodeURIComponent(`>=${iso(HORIZON.getTime())}`)}&per_page=100`;
      const served: number[] = [];
      let total = 0;
      for (let page = 1; page <= 12; page += 1) {
        const response = await fetch(`https://api.github.com/repos/acme/ci/actions/runs?${query}&page=${page}`, { headers: { authorization: 'token t' } });
        const body = (await response.json()) as { total_count: number; workflow_runs: { id: number }[] };
        total = body.total_count;
        served.push(...body.workflow_runs.map((r) => r.id));
        if (page === 10) expect(response.headers.get('link') ?? '').not.toMatch(/rel="next"/);
      }
      expect(total).toBe(EXPECTED);
      expect(served).toHaveLength(1000);
      expect(new Set(served).size).toBe(1000);
    } finally {
      github.close();
    }
  });

  describe('a sync from the horizon', () => {
    let github: FakeGitHub & { close(): void };
    let database: Database;
    let written: number;
    let reference: Record<string, unknown[]>;

    beforeAll(async () => {
      github = startFakeGitHub(structuredClone(org));
      database = await createTestDatabase(kind);
      const { result } = await syncWithFake(database.db, { targets: ['acme/ci'], horizon: HORIZON, now: NOW });
      expect(result.repositories.flatMap((r) => r.errors)).toEqual([]);
      expect(result.status).toBe('succeeded');
      written = result.repositories[0]!.items.workflow_runs ?? 0;
      reference = await snapshotFacts(database.db);
      // Two fakes listening at once would both answer: the resume tests below start their own.
      github.close();
    });
    afterAll(async () => {
      await database.close();
    });

    it('stores every run created since the horizon, and none from before', async () => {
      const rows = await queryRows<{ id: number | string }>(database.db, sql`select id from workflow_runs order by id`);
      expect(rows.map((r) => Number(r.id))).toEqual(expectedIds);
      expect(expectedIds).toHaveLength(EXPECTED);
    });

    it('writes each run once: the windows neither overlap nor leave a gap', () => {
      // Pages written add up to the stored rows exactly; an overlap would write some run twice.
      expect(written).toBe(EXPECTED);
    });

    it('asked the whole window first, then narrower ones, never for a page GitHub does not serve', () => {
      const requests = runsRequests(github.requests);
      expect(new URL(requests[0]!.url).searchParams.get('created')).toBe(`>=${HORIZON_Q}`);
      expect(new Set(requests.map((r) => new URL(r.url).searchParams.get('created'))).size).toBeGreaterThan(3);
      expect(requests.every((r) => Number(new URL(r.url).searchParams.get('page') ?? '1') <= 10)).toBe(true);
      expect(requests.every((r) => r.status === 200)).toBe(true);
    });

    it('leaves no cursor behind and sets the watermark to the newest run', async () => {
      expect(await count(database.db, "select count(*) as n from sync_state where resource = 'workflow_runs' and cursor is not null")).toBe(0);
      const [state] = await queryRows<{ watermark: Date }>(database.db, sql`select watermark from sync_state where resource = 'workflow_runs'`);
      const newest = Math.max(...org.repositories[0]!.workflowRuns.map((r) => Date.parse(r.createdAt)));
      expect(new Date(state!.watermark).getTime()).toBe(newest);
    });

    // (A failure on a later page of a window resumes from its Link cursor, as sync-synthetic-org tests.)
    it.each([
      // After a window was read to its end, the rest of the pass (from the horizon up) is the cursor.
      ['the first question about the rest of the pass', (url: URL) => isFirst(url) && created(url).startsWith(`${HORIZON_Q}..`), 1],
      // A narrowed window, which became the cursor before any of its pages was read.
      ['the second narrowed window', (url: URL) => isFirst(url) && !created(url).startsWith(HORIZON_Q) && !created(url).startsWith('>='), 2],
    ])('resumes after a failure on %s, fetching no answered page again', async (_what, matches, occurrence) => {
      const fake = startFakeGitHub(structuredClone(org));
      const resumed = await createTestDatabase(kind);
      try {
        let seen = 0;
        fake.failNext((r) => r.url.pathname.endsWith('/actions/runs') && matches(r.url) && ++seen === occurrence, { status: 502 });
        const first = await syncWithFake(resumed.db, { targets: ['acme/ci'], horizon: HORIZON, now: NOW });
        expect(first.result.status).toBe('failed');
        expect(first.result.repositories[0]!.errors.join('\n')).toMatch(/workflow_runs/);
        const afterFirst = runsRequests(fake.requests);
        expect(afterFirst.at(-1)!.status).toBe(502);
        const stored = await count(resumed.db, 'select count(*) as n from workflow_runs');
        expect(stored).toBeGreaterThan(0);
        expect(stored).toBeLessThan(EXPECTED);

        const second = await syncWithFake(resumed.db, { targets: ['acme/ci'], horizon: HORIZON, now: NOW });
        expect(second.result.status).toBe('succeeded');
        expect(await snapshotFacts(resumed.db)).toEqual(reference);

        // Resumed: the re-run began with the failed request, and asked nothing the first run had answered.
        const again = runsRequests(fake.requests).slice(afterFirst.length);
        expect(again[0]!.url).toBe(afterFirst.at(-1)!.url);
        const answered = new Set(afterFirst.filter((r) => r.status === 200).map((r) => r.url));
        expect(again.filter((r) => answered.has(r.url))).toEqual([]);
        // And each run was written once over the two syncs.
        const total = (first.result.repositories[0]!.items.workflow_runs ?? 0) + (second.result.repositories[0]!.items.workflow_runs ?? 0);
        expect(total).toBe(EXPECTED);
      } finally {
        fake.close();
        await resumed.close();
      }
    });
  });
});

function created(url: URL): string {
  return url.searchParams.get('created') ?? '';
}

function isFirst(url: URL): boolean {
  return !url.searchParams.has('page');
}
