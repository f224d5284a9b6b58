/**
 * GraphQL partial answers never let the cursor or the watermark pass an item not stored. GitHub can
 * answer a page with one item null and an error naming it (a timeout inside the query); the fake
 * does so once here. Without retries the pass stores what resolved and stops with an error naming
 * the item, keeping its cursor before that page; the next sync asks for the page again and ends
 * with exactly the rows of a clean sync. With retries, the same sync asks again and gets it whole.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeOrg } from '@/fake-github/model';
import { startFakeGitHub } from '@/fake-github/server';
import { queryRows, type Db } from '@/server/db/client';
import { createGitHubClient } from '@/server/github/client';
import { runSync } from '@/server/github/sync';
import { memoryLogger } from '@/server/logger';
import { fakeClock } from '../support/fake-clock';
import { buildOrg } from '../support/fake-org-builder';
import { count, snapshotFacts, syncWithFake } from '../support/sync-harness';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const NOW = new Date('2024-03-15T00:00:00Z');
const HORIZON = new Date('2023-12-01T00:00:00Z');

/**
 * 60 open PRs, PR n updated on 2024-01-(n+1) 01:00, so newest-updated first they come 60, 59, … in
 * pages of 25: page 2 holds PRs 35 down to 11, and its item 3 is PR 32. 120 default-branch commits,
 * newest first in pages of 50: page 2's item 1 is the 52nd newest (index 51 of the chain).
 */
const org: FakeOrg = buildOrg({
  repositories: [{ name: 'api', pullRequests: Array.from({ length: 60 }, () => ({})), defaultBranchCommits: Array.from({ length: 120 }, () => ({})) }],
});
const MISSING_PR = 32;
const MISSING_SHA = org.repositories[0]!.defaultBranchCommits[51]!.sha;

const PR_ITEM: (string | number)[] = ['repository', 'pullRequests', 'nodes', 3];
const COMMIT_ITEM: (string | number)[] = ['repository', 'defaultBranchRef', 'target', 'history', 'nodes', 1];

async function prNumbers(db: Db): Promise<number[]> {
  const rows = await queryRows<{ number: number }>(db, sql`select number from pull_requests order by number`);
  return rows.map((r) => r.number);
}

async function hasCommit(db: Db, sha: string): Promise<boolean> {
  const rows = await queryRows<{ sha: string }>(db, sql`select sha from commits where sha = ${sha} and on_default_branch`);
  return rows.length === 1;
}

async function state(db: Db, resource: string) {
  const [row] = await queryRows<{ cursor: string | null; watermark: Date | null; last_error: string | null }>(
    db,
    sql`select cursor, watermark, last_error from sync_state where resource = ${resource}`,
  );
  return row!;
}

describe.each(databaseKinds())('a partial GraphQL answer, on %s', (kind: DatabaseKind) => {
  let reference: Record<string, unknown[]>;

  beforeAll(async () => {
    const github = startFakeGitHub(structuredClone(org));
    const database = await createTestDatabase(kind);
    try {
      const { result } = await syncWithFake(database.db, { targets: ['acme/api'], horizon: HORIZON, now: NOW });
      expect(result.status).toBe('succeeded');
      reference = await snapshotFacts(database.db);
    } finally {
      github.close();
      await database.close();
    }
  });

  // A node this token may not read: GitHub nulls it and answers FORBIDDEN beside the rest of the page.
  const FORBIDDEN = { type: 'FORBIDDEN', message: 'Resource not accessible by integration' };

  it.each([
    ['pull requests', 'PullRequests', PR_ITEM, 'pull_requests'],
    ['default-branch commits', 'DefaultBranchHistory', COMMIT_ITEM, 'default_branch'],
  ] as const)('of %s stops the pass before that page, stores what resolved, and the next sync completes it', async (what, operation, item, resource) => {
    const github = startFakeGitHub(structuredClone(org));
    const database = await createTestDatabase(kind);
    try {
      // The first page answers whole; the second leaves one item unresolved, once.
      github.answerPartiallyNext(operation, [...item], { after: 1, error: FORBIDDEN });
      const first = await syncWithFake(database.db, { targets: ['acme/api'], horizon: HORIZON, now: NOW });
      expect(first.result.status).toBe('failed');
      expect(first.result.repositories[0]!.errors).toEqual([
        `acme/api ${resource}: GitHub could not resolve 1 ${what} of a page (${item.join('.')}: Resource not accessible by integration); ` +
          `the ${resource === 'pull_requests' ? 24 : 49} it resolved are stored, and the next sync asks for the page again`,
      ]);

      // The item is missing, the rest of its page is stored, and nothing moved past the page.
      if (resource === 'pull_requests') {
        // Page 1 (60 down to 36) and the resolved rest of page 2 (35 down to 11 but 32): 25 + 24.
        expect(await prNumbers(database.db)).toEqual(Array.from({ length: 50 }, (_, i) => 11 + i).filter((n) => n !== MISSING_PR));
      } else {
        expect(await hasCommit(database.db, MISSING_SHA)).toBe(false);
        expect(await count(database.db, 'select count(*) as n from commits where on_default_branch')).toBe(50 + 49);
      }
      await expectStoppedBeforeThePage(database.db, resource);
      const asked = github.requests.filter((r) => r.operationName === operation).length;
      expect(asked).toBe(2);

      await expectNextSyncCompletes(database.db, resource);
      // Resumed at the page that was partial: 3 pages in all, page 1 not asked again.
      expect(github.requests.filter((r) => r.operationName === operation).length - asked).toBe(2);
    } finally {
      github.close();
      await database.close();
    }
  });

  it('that timed out stops the pass with nothing of that page stored, when not retried', async () => {
    const github = startFakeGitHub(structuredClone(org));
    const database = await createTestDatabase(kind);
    try {
      github.answerPartiallyNext('PullRequests', PR_ITEM, { after: 1 });
      const first = await syncWithFake(database.db, { targets: ['acme/api'], horizon: HORIZON, now: NOW });
      // The client takes GitHub's timeout answer for a server error (request-faults.ts), which fails the page whole.
      expect(first.result.repositories[0]!.errors).toEqual([
        expect.stringMatching(/^acme\/api pull_requests: Something went wrong while executing your query/),
      ]);
      expect(await prNumbers(database.db)).toEqual(Array.from({ length: 25 }, (_, i) => 36 + i));
      await expectStoppedBeforeThePage(database.db, 'pull_requests');
      await expectNextSyncCompletes(database.db, 'pull_requests');
    } finally {
      github.close();
      await database.close();
    }
  });

  it('that timed out is asked again within the same sync when retries are on, and stored whole', async () => {
    const github = startFakeGitHub(structuredClone(org));
    const database = await createTestDatabase(kind);
    try {
      github.answerPartiallyNext('PullRequests', PR_ITEM, { after: 1 });
      const logger = memoryLogger();
      const client = createGitHubClient({
        apiUrl: 'https://api.github.com',
        auth: { kind: 'token', token: 't' },
        logger,
        graphqlIntervalMs: 0,
        retries: 2,
        clock: fakeClock(),
      });
      const result = await runSync({
        db: database.db,
        github: client,
        logger,
        targets: ['acme/api'],
        horizon: HORIZON,
        incidentLabel: /incident/i,
        now: () => NOW,
      });
      expect(result.status).toBe('succeeded');
      // Pages 1, 2 (partial), 2 again, 3.
      expect(github.requests.filter((r) => r.operationName === 'PullRequests')).toHaveLength(4);
      expect(await prNumbers(database.db)).toContain(MISSING_PR);
      expect(await snapshotFacts(database.db)).toEqual(reference);
    } finally {
      github.close();
      await database.close();
    }
  });

  async function expectStoppedBeforeThePage(db: Db, resource: string) {
    const stopped = await state(db, resource);
    // The cursor is page 1's end (the partial page is asked again) and no watermark was set.
    expect(stopped.cursor).not.toBeNull();
    expect(stopped.watermark).toBeNull();
    expect(stopped.last_error).not.toBeNull();
  }

  async function expectNextSyncCompletes(db: Db, resource: string) {
    const second = await syncWithFake(db, { targets: ['acme/api'], horizon: HORIZON, now: NOW });
    expect(second.result.status).toBe('succeeded');
    expect(await snapshotFacts(db)).toEqual(reference);
    const done = await state(db, resource);
    expect(done.cursor).toBeNull();
    expect(done.watermark).not.toBeNull();
  }
});
