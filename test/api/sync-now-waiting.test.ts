/**
 * While a sync started with Sync now waits out GitHub's spent rate limit, `sync.progress` says so and
 * until when; when the wait is over the sync goes on and the wait is no longer shown. The client's
 * clock is held by the test, so the hour's wait lasts exactly as long as the test wants.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/config/env';
import { generateOrg } from '@/fake-github/generate-org';
import { startFakeGitHub } from '@/fake-github/server';
import { createCaller } from '@/server/api/root';
import type { Database } from '@/server/db/client';
import type { Clock } from '@/server/github/clock';
import { testContext } from '../support/test-context';
import { createTestDatabase } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');

describe('sync now during a rate-limit wait', () => {
  const org = generateOrg({ seed: 3, now: NOW, weeks: 1, repositories: 1 });
  // The third request finds the hourly budget spent.
  const github = startFakeGitHub(structuredClone(org), { faults: { seed: 1, rateLimitAt: 3 } });
  let database: Database;
  let release: () => void = () => {};
  const slept: number[] = [];
  const clock: Clock = {
    now: () => Date.now(),
    sleep: (ms) => {
      slept.push(ms);
      return new Promise<void>((resolve) => (release = resolve));
    },
  };
  const config = loadConfig({ GITHUB_TOKEN: 'ghp_waiting_test', LEADLINE_REPOS: `org:${org.login}`, LEADLINE_SYNC_SINCE: '30d' });
  const caller = () => createCaller({ ...testContext(database.db, {}, NOW, config), syncClient: { graphqlIntervalMs: 0, retries: 1, backoffMs: 0, clock } });

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    github.close();
    await database.close();
  });

  it('shows the wait and its end in the progress, then finishes', async () => {
    await caller().sync.start();
    let progress = await caller().sync.progress();
    for (let i = 0; i < 400 && !progress.live?.waiting; i++) {
      await new Promise((r) => setTimeout(r, 25));
      progress = await caller().sync.progress();
    }
    expect(progress.live?.status).toBe('running');
    expect(progress.live?.waiting?.reason).toBe('rate-limit');
    // Until a second past the reset GitHub announced.
    expect(progress.live!.waiting!.until.getTime()).toBe((progress.live!.rateLimitResetAt!.getTime() / 1000 + 1) * 1000);
    expect(slept).toHaveLength(1);
    // Nothing is sent while it waits: the third request was answered "rate limit spent", and no fourth yet.
    expect(github.requests).toHaveLength(3);
    expect(github.faults!.counts['rate-limit']).toBe(1);

    release();
    for (let i = 0; i < 1200 && progress.live?.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      progress = await caller().sync.progress();
    }
    expect(progress.live).toMatchObject({ status: 'succeeded', waiting: null });
    expect(github.requests.length).toBeGreaterThan(3);
  });
});
