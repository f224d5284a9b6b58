/**
 * Sync now through tRPC: `sync.start` starts the configured sync against the fake GitHub and
 * returns at once, `sync.progress` reports it to the end, a second start while one runs (here, or
 * recently in another process according to sync_runs) is a 409 while a silent "running" run is not,
 * without credentials or repositories it is a 412 saying what to set, and the page's data carries
 * freshness per resource, the latest runs and their errors, and never the token.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/config/env';
import { generateOrg } from '@/fake-github/generate-org';
import { startFakeGitHub } from '@/fake-github/server';
import { createCaller } from '@/server/api/root';
import type { Database } from '@/server/db/client';
import { syncRuns } from '@/server/db/schema';
import { STALE_RUN_MS } from '@/server/services/sync/running-sync';
import { testContext } from '../support/test-context';
import { createTestDatabase, databaseKinds } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');
const MINUTE = 60_000;
const TOKEN = 'ghp_sync_now_secret_token';

describe.each(databaseKinds())('sync now (%s)', (kind) => {
  const org = generateOrg({ seed: 5, now: NOW, weeks: 2, repositories: 2 });
  const repoNames = org.repositories
    .filter((r) => !r.isArchived)
    .map((r) => `${r.owner}/${r.name}`)
    .sort();
  let github: ReturnType<typeof startFakeGitHub>;
  let database: Database;
  const configured = loadConfig({ GITHUB_TOKEN: TOKEN, LEADLINE_REPOS: `org:${org.login}`, LEADLINE_SYNC_SINCE: '30d' });
  const caller = (config = configured, db = database) => createCaller(testContext(db.db, {}, NOW, config));
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => e,
    );

  /** Polls sync.progress like the page does (faster) until this server's sync ends; every answer, in order. */
  async function pollToEnd(db = database) {
    const seen = [await caller(configured, db).sync.progress()];
    for (let i = 0; i < 1200 && seen.at(-1)!.live?.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      seen.push(await caller(configured, db).sync.progress());
    }
    return seen;
  }

  beforeAll(async () => {
    github = startFakeGitHub(structuredClone(org));
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    github.close();
    await database.close();
  });

  it('refuses without credentials or repositories, saying what to set', async () => {
    const none = await refusal(caller(loadConfig({ LEADLINE_REPOS: 'acme/api' })).sync.start());
    expect(none).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('GITHUB_TOKEN') });
    expect((none as Error).message).toContain('Use it on your repositories');
    const noRepos = await refusal(caller(loadConfig({ GITHUB_TOKEN: TOKEN })).sync.start());
    expect(noRepos).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('LEADLINE_REPOS') });

    const page = await caller(loadConfig({})).sync.status();
    expect(page.cannotStart).toMatchObject({ fix: 'credentials', reason: expect.stringContaining('No GitHub credentials are configured') });
    expect(page.github).toEqual({ auth: 'none', apiHost: 'api.github.com' });
    expect(page.runs).toEqual([]);
    expect(page.repositories).toEqual([]);
    // (What this process synced last is kept in memory: a run of another database's suite may show.)
    expect(page.progress.live?.status).not.toBe('running');
    expect(page.progress.elsewhere).toBeNull();
    expect(github.requests).toEqual([]);
  });

  it('starts a sync that returns at once, refuses a second one while it runs, and reports progress to the end', async () => {
    const started = await caller().sync.start();
    expect(started).toMatchObject({ status: 'running', targets: [`org:${org.login}`], finishedAt: null, runId: null, error: null });
    const second = await refusal(caller().sync.start());
    expect(second).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already running') });
    // The page, asked while it runs, says so and offers nothing to start.
    const during = await caller().sync.status();
    expect(during.progress.live?.status).toBe('running');

    const seen = await pollToEnd();
    const end = seen.at(-1)!;
    expect(end.elsewhere).toBeNull();
    expect(end.live).toMatchObject({ status: 'succeeded', error: null, repositories: repoNames.length });
    const live = end.live!;
    expect(live.finishedAt).not.toBeNull();
    expect(live.runId).toEqual(expect.any(Number));
    expect(live.pages).toBeGreaterThan(0);
    expect(live.items).toBeGreaterThan(0);
    expect(live.progress).toMatchObject({ repo: expect.stringMatching(new RegExp(`^${org.login}/`)), resource: expect.any(String), page: expect.any(Number) });
    // Every request the fake answered was this sync's, and counted live.
    expect(live.requests).toBe(github.requests.length);
    expect(live.rateLimitRemaining).toEqual(expect.any(Number));
    // Progress only grows while it runs.
    const counts = seen.map((s) => s.live!.pages);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));

    const page = await caller().sync.status();
    expect(page.cannotStart).toBeNull();
    expect(page.progress.live).toMatchObject({ status: 'succeeded' });
    expect(page.runs[0]).toMatchObject({ id: live.runId, status: 'succeeded', stale: false, error: null, requests: live.requests });
    expect(page.runs[0]!.items).toBe(live.items);
    expect(page.rateLimit).toEqual({ remaining: live.rateLimitRemaining, seenAt: NOW });
    expect(page.repositories.map((r) => r.fullName)).toEqual(repoNames);
    for (const repo of page.repositories) {
      expect(repo.lastCompletedAt).toEqual(NOW);
      const prs = repo.resources.find((r) => r.resource === 'pull_requests');
      expect(prs).toMatchObject({ lastCompletedAt: NOW, lastStartedAt: NOW, resumes: false, lastError: null });
      expect(prs!.watermark!.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
    expect(JSON.stringify(page)).not.toContain(TOKEN);
  });

  it('counts a run of another process as running while its heartbeat goes on, however long ago it started, and as dead when the beat stops', async () => {
    const other = await createTestDatabase(kind);
    try {
      // A long first sync: started 40 minutes ago, last heartbeat 1 minute ago. Running.
      const startedAt = new Date(NOW.getTime() - 40 * MINUTE);
      const [run] = await other.db
        .insert(syncRuns)
        .values({ startedAt, heartbeatAt: new Date(NOW.getTime() - MINUTE), status: 'running' })
        .returning({ id: syncRuns.id });
      const blocked = await refusal(caller(configured, other).sync.start());
      expect(blocked).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('another process') });
      expect((blocked as Error).message).toContain(`last heartbeat ${new Date(NOW.getTime() - MINUTE).toISOString()}`);
      expect((await caller(configured, other).sync.progress()).elsewhere).toEqual({ startedAt, lastActivityAt: new Date(NOW.getTime() - MINUTE) });
      expect((await caller(configured, other).sync.status()).runs[0]).toMatchObject({ id: run!.id, status: 'running', stale: false });
      // Just started, no beat recorded yet: judged by its start.
      await other.db
        .update(syncRuns)
        .set({ startedAt: new Date(NOW.getTime() - MINUTE), heartbeatAt: null })
        .where(eq(syncRuns.id, run!.id));
      expect((await caller(configured, other).sync.progress()).elsewhere).not.toBeNull();

      // Its process died: the last beat is older than STALE_RUN_MS (3 minutes: six missed 30 s beats), it no longer blocks.
      expect(STALE_RUN_MS).toBe(3 * MINUTE);
      await other.db
        .update(syncRuns)
        .set({ startedAt, heartbeatAt: new Date(NOW.getTime() - 3 * MINUTE - 1) })
        .where(eq(syncRuns.id, run!.id));
      expect((await caller(configured, other).sync.progress()).elsewhere).toBeNull();
      expect((await caller(configured, other).sync.status()).runs[0]).toMatchObject({ id: run!.id, stale: true });
      await caller(configured, other).sync.start();
      const end = (await pollToEnd(other)).at(-1)!;
      expect(end.live).toMatchObject({ status: 'succeeded' });
      const runs = (await caller(configured, other).sync.status()).runs;
      expect(runs.map((r) => [r.status, r.stale])).toEqual([
        ['succeeded', false],
        ['running', true],
      ]);
      // The sync that ran stamped its heartbeat (the fake clock's now) until it finished.
      const [finished] = await other.db.select({ heartbeatAt: syncRuns.heartbeatAt }).from(syncRuns).where(eq(syncRuns.id, end.live!.runId!));
      expect(finished!.heartbeatAt).toEqual(NOW);
    } finally {
      await other.close();
    }
  });

  it('shows the errors of a failed sync, on the progress, the run and the repository', async () => {
    // Each repository's releases fail (no retries in tests): the rest is synced, the run fails.
    github.failNext((r) => r.url.pathname.endsWith('/releases'), { times: repoNames.length, status: 502 });
    await caller().sync.start();
    const end = (await pollToEnd()).at(-1)!;
    expect(end.live).toMatchObject({ status: 'failed', error: expect.stringContaining('releases') });
    expect(end.live!.error!.split('\n')).toHaveLength(repoNames.length);
    const page = await caller().sync.status();
    expect(page.runs[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('releases') });
    expect(page.runs[1]).toMatchObject({ status: 'succeeded' });
    for (const repo of page.repositories) {
      expect(repo.errors).toEqual([{ resource: 'releases', error: expect.any(String) }]);
      expect(repo.resources.find((r) => r.resource === 'releases')!.lastError).toEqual(expect.any(String));
    }
    // A failed run does not block the next one.
    expect(page.cannotStart).toBeNull();
    expect(page.progress.elsewhere).toBeNull();
  });
});
