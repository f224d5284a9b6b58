/**
 * The repositories router through `createCaller`, on a fresh database seeded by hand. Every expected
 * number below is worked out from the rows in `seed()`; see the comments beside them.
 */
import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleTrpcRequest } from '@/server/api/http';
import { createCaller } from '@/server/api/root';
import type { Database, Db } from '@/server/db/client';
import { deployments, pullRequests, repositories, reviews, syncRuns, syncState, workflowRuns } from '@/server/db/schema';
import { listRepositorySummaries } from '@/server/services/repositories/list-repository-summaries';
import { createTestDatabase, databaseKinds } from '../support/test-database';
import { testContext } from '../support/test-context';

/** The clock the router reads; the 28-day window is then [2026-02-01T12:00Z, 2026-03-01T12:00Z). */
const NOW = new Date('2026-03-01T12:00:00Z');
const WINDOW_START = new Date('2026-02-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

const API = 10;
const WEB = 20;
const EMPTY = 30;
const UNSTORED = 99;

async function seed(db: Db): Promise<void> {
  const created = at('2025-01-01T00:00:00Z');
  await db.insert(repositories).values([
    { id: API, nodeId: 'R_api', owner: 'acme', name: 'api', fullName: 'acme/api', defaultBranch: 'main', createdAt: created },
    // Capitalised on purpose: sorting and lookups ignore case, as GitHub does.
    { id: WEB, nodeId: 'R_web', owner: 'acme', name: 'Web', fullName: 'acme/Web', defaultBranch: 'trunk', isPrivate: true, createdAt: created },
    { id: EMPTY, nodeId: 'R_empty', owner: 'acme', name: 'empty', fullName: 'acme/empty', defaultBranch: 'main', isArchived: true, createdAt: created },
  ]);

  const pr = (id: number, repoId: number, number: number, state: string, times: { closedAt?: Date; mergedAt?: Date } = {}) => ({
    id,
    nodeId: `PR_${id}`,
    repoId,
    number,
    title: `PR ${id}`,
    state,
    isDraft: false,
    authorId: null,
    headRef: `feature-${id}`,
    baseRef: 'main',
    headRepoFullName: null,
    createdAt: at('2025-12-01T00:00:00Z'),
    updatedAt: at('2026-02-28T00:00:00Z'),
    closedAt: times.closedAt ?? times.mergedAt ?? null,
    mergedAt: times.mergedAt ?? null,
    additions: 1,
    deletions: 1,
    changedFiles: 1,
  });
  await db.insert(pullRequests).values([
    // acme/api: open 2, merged 3, closed 1; merged in window 2 (#3, and #5 exactly on the start).
    pr(101, API, 1, 'open'),
    { ...pr(102, API, 2, 'open'), isDraft: true },
    pr(103, API, 3, 'merged', { mergedAt: at('2026-02-20T10:00:00Z') }),
    pr(104, API, 4, 'merged', { mergedAt: at('2026-01-10T10:00:00Z') }), // before the window
    pr(105, API, 5, 'merged', { mergedAt: WINDOW_START }), // the start is inclusive
    pr(106, API, 6, 'closed', { closedAt: at('2026-02-25T00:00:00Z') }),
    // acme/Web: open 0, merged 2, closed 1; merged in window 1 (#1; #3 merged after `now`).
    pr(201, WEB, 1, 'merged', { mergedAt: at('2026-02-28T23:59:59Z') }),
    pr(202, WEB, 2, 'closed', { closedAt: at('2026-02-10T00:00:00Z') }),
    pr(203, WEB, 3, 'merged', { mergedAt: NOW }), // the end is exclusive
    // A repository that is not stored: counted nowhere, not even in the totals.
    pr(901, UNSTORED, 1, 'open'),
  ]);

  const review = (id: number, pullRequestId: number, state: string, submittedAt: Date | null) => ({
    id,
    pullRequestId,
    authorId: null,
    state,
    submittedAt,
    commitSha: null,
  });
  await db.insert(reviews).values([
    // acme/api: 3 submitted (the PENDING draft is not a review yet).
    review(1, 103, 'APPROVED', at('2026-02-19T00:00:00Z')),
    review(2, 103, 'COMMENTED', at('2026-02-18T00:00:00Z')),
    review(3, 104, 'CHANGES_REQUESTED', at('2026-01-09T00:00:00Z')),
    review(4, 101, 'PENDING', null),
    // acme/Web: 1.
    review(5, 201, 'APPROVED', at('2026-02-28T00:00:00Z')),
    // On the unstored repository's PR.
    review(6, 901, 'APPROVED', at('2026-02-28T00:00:00Z')),
  ]);

  const run = (id: number, repoId: number, conclusion: string | null) => ({
    id,
    repoId,
    workflowId: 1,
    workflowName: 'CI',
    headBranch: 'main',
    headSha: `sha${id}`,
    event: 'push',
    status: conclusion ? 'completed' : 'in_progress',
    conclusion,
    runAttempt: 1,
    createdAt: at('2026-02-20T00:00:00Z'),
    runStartedAt: at('2026-02-20T00:00:00Z'),
    updatedAt: at('2026-02-20T00:10:00Z'),
  });
  await db.insert(workflowRuns).values([
    // acme/api: 3, acme/Web: 1 (whatever their outcome), the unstored repository's run counts nowhere.
    run(10_000_000_001, API, 'success'),
    run(10_000_000_002, API, 'failure'),
    run(10_000_000_003, API, null),
    run(10_000_000_004, WEB, 'success'),
    run(10_000_000_005, UNSTORED, 'success'),
  ]);

  await db.insert(deployments).values({
    id: 5001,
    repoId: API,
    sha: 'sha1',
    ref: 'main',
    task: 'deploy',
    environment: 'production',
    creatorId: null,
    createdAt: at('2026-02-21T00:00:00Z'),
    updatedAt: at('2026-02-21T00:05:00Z'),
  });

  await db.insert(syncRuns).values([
    { startedAt: at('2026-02-28T09:00:00Z'), finishedAt: at('2026-02-28T09:05:00Z'), status: 'succeeded', requests: 40 },
    // The latest run failed, but only after finishing acme/Web's pull requests.
    { startedAt: at('2026-03-01T08:00:00Z'), finishedAt: at('2026-03-01T08:01:00Z'), status: 'failed', error: 'rate limited', requests: 5 },
  ]);
  await db.insert(syncState).values([
    { repoId: API, resource: 'pull_requests', lastCompletedAt: at('2026-02-28T09:03:00Z') },
    { repoId: API, resource: 'workflow_runs', lastCompletedAt: at('2026-02-28T09:04:00Z') },
    { repoId: WEB, resource: 'pull_requests', lastCompletedAt: at('2026-03-01T08:00:30Z') },
    // Started but never completed: no sync time of its own.
    { repoId: WEB, resource: 'workflow_runs', lastStartedAt: at('2026-03-01T08:00:40Z') },
  ]);
}

describe.each(databaseKinds())('repositories router on %s', (kind) => {
  let database: Database;
  let caller: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await seed(database.db);
    caller = createCaller(testContext(database.db, {}, NOW));
  });
  afterAll(() => database.close());

  beforeEach(() => {
    // Only Date: the database drivers keep their real timers.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists each stored repository with counts from its rows, by name ignoring case', async () => {
    const result = await caller.repositories.list();

    expect(result.window).toEqual({ from: WINDOW_START, to: NOW, days: 28 });
    expect(result.repositories).toEqual([
      {
        fullName: 'acme/api',
        defaultBranch: 'main',
        isArchived: false,
        isPrivate: false,
        openPullRequests: 2,
        mergedPullRequests: 3,
        closedPullRequests: 1,
        mergedInWindow: 2,
        reviews: 3,
        workflowRuns: 3,
        deployments: 1,
        // The older of its two resources' passes (09:03 and 09:04).
        lastSyncedAt: at('2026-02-28T09:03:00Z'),
      },
      {
        fullName: 'acme/empty',
        defaultBranch: 'main',
        isArchived: true,
        isPrivate: false,
        openPullRequests: 0,
        mergedPullRequests: 0,
        closedPullRequests: 0,
        mergedInWindow: 0,
        reviews: 0,
        workflowRuns: 0,
        deployments: 0,
        lastSyncedAt: null,
      },
      {
        fullName: 'acme/Web',
        defaultBranch: 'trunk',
        isArchived: false,
        isPrivate: true,
        openPullRequests: 0,
        mergedPullRequests: 2,
        closedPullRequests: 1,
        mergedInWindow: 1,
        reviews: 1,
        workflowRuns: 1,
        deployments: 0,
        // Its workflow runs never completed a pass, so its pull requests' pass is the one that counts.
        lastSyncedAt: at('2026-03-01T08:00:30Z'),
      },
    ]);
  });

  it('totals the stored repositories only', async () => {
    const { totals } = await caller.repositories.list();
    expect(totals).toEqual({
      repositories: 3,
      openPullRequests: 2, // 2 + 0 + 0; the unstored repository's open PR is left out
      mergedPullRequests: 5, // 3 + 0 + 2
      closedPullRequests: 2, // 1 + 0 + 1
      mergedInWindow: 3, // 2 + 0 + 1
      reviews: 4, // 3 + 0 + 1
      workflowRuns: 4, // 3 + 0 + 1
      deployments: 1,
    });
  });

  it('reports the latest sync run and when data was last brought up to date', async () => {
    const { sync } = await caller.repositories.list();
    expect(sync).toEqual({
      // Later than the last successful run's end (09:05 on the 28th): the failed run finished acme/Web's PRs.
      lastSyncedAt: at('2026-03-01T08:00:30Z'),
      latestRun: { status: 'failed', startedAt: at('2026-03-01T08:00:00Z'), finishedAt: at('2026-03-01T08:01:00Z') },
    });
  });

  it('moves the window with `now`', async () => {
    // Passed to the service directly: a week later, only acme/api #3 (Feb 20) and acme/Web #1 and #3
    // (Feb 28, Mar 1) are within [Feb 8 12:00, Mar 8 12:00).
    const later = await listRepositorySummaries(database.db, { now: at('2026-03-08T12:00:00Z') });
    expect(later.repositories.map((r) => [r.fullName, r.mergedInWindow])).toEqual([
      ['acme/api', 1],
      ['acme/empty', 0],
      ['acme/Web', 2],
    ]);
    expect(later.totals.mergedInWindow).toBe(3);
  });

  it('gives one repository’s overview, looked up ignoring case', async () => {
    const overview = await caller.repositories.overview({ fullName: 'ACME/web' });
    expect(overview.window).toEqual({ from: WINDOW_START, to: NOW, days: 28 });
    expect(overview.repository).toMatchObject({
      fullName: 'acme/Web',
      openPullRequests: 0,
      mergedPullRequests: 2,
      closedPullRequests: 1,
      mergedInWindow: 1,
      reviews: 1,
    });
  });

  it('answers NOT_FOUND for a repository that is not stored', async () => {
    const error = await caller.repositories.overview({ fullName: 'acme/nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('NOT_FOUND');
    expect((error as TRPCError).message).toContain('acme/nope');
  });

  it('answers BAD_REQUEST for a name that is not owner/name', async () => {
    const error = await caller.repositories.overview({ fullName: 'not a repository' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
  });

  describe('over HTTP (the route handler, without a server)', () => {
    const request = (path: string, input?: unknown) => {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
      return handleTrpcRequest(new Request(`http://localhost/api/trpc/${path}${query}`), async () => testContext(database.db, {}, NOW));
    };

    it('serves dates through superjson', async () => {
      const response = await request('repositories.list');
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result: { data: Parameters<typeof superjson.deserialize>[0] } };
      const data = superjson.deserialize<{ sync: { lastSyncedAt: Date } }>(body.result.data);
      expect(data.sync.lastSyncedAt).toEqual(at('2026-03-01T08:00:30Z'));
    });

    it('answers bad input with a 400 whose message names the field and the rule', async () => {
      const response = await request('repositories.overview', { fullName: 'nope' });
      expect(response.status).toBe(400);
      const body = (await response.json()) as {
        error: { json: { message: string; data: { code: string; zodError: { fieldErrors: Record<string, string[]> } } } };
      };
      expect(body.error.json.data.code).toBe('BAD_REQUEST');
      expect(body.error.json.message).toContain('fullName');
      expect(body.error.json.message).toContain('owner/name');
      expect(body.error.json.data.zodError.fieldErrors.fullName).toEqual(['expected a repository as owner/name, e.g. acme/api']);
    });

    it('answers a miss with a 404', async () => {
      const response = await request('repositories.overview', { fullName: 'acme/nope' });
      expect(response.status).toBe(404);
    });
  });
});
