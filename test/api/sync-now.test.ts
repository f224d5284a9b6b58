/**
 * Sync now through tRPC: it starts the configured sync against the fake GitHub and reports its
 * progress until it ends; a second start while one runs is a 409; without credentials or
 * repositories it is a 412 with the reason; the token never appears in what the page is sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { generateOrg } from '../../src/fake-github/generate-org';
import { startFakeGitHub } from '../../src/fake-github/server';
import { createCaller } from '../../src/server/api/root';
import type { Database } from '../../src/server/db/client';
import { testContext } from '../support/test-context';
import { createTestDatabase } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');
const TOKEN = 'ghp_sync_now_secret_token';

describe('sync now', () => {
  const org = generateOrg({ seed: 5, now: NOW, weeks: 2, repositories: 2 });
  let github: ReturnType<typeof startFakeGitHub>;
  let database: Database;
  const configured = loadConfig({ GITHUB_TOKEN: TOKEN, LEADLINE_REPOS: `org:${org.login}`, LEADLINE_SYNC_SINCE: '30d' });
  const caller = (config = configured) => createCaller(testContext(database.db, {}, NOW, config));

  beforeAll(async () => {
    github = startFakeGitHub(structuredClone(org));
    database = await createTestDatabase('pglite');
  });
  afterAll(async () => {
    github.close();
    await database.close();
  });

  it('refuses without credentials or repositories, saying what to set', async () => {
    const none = await caller(loadConfig({ LEADLINE_REPOS: 'acme/api' })).sync.start().then(() => null, (e: unknown) => e);
    expect(none).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('GITHUB_TOKEN') });
    const noRepos = await caller(loadConfig({ GITHUB_TOKEN: TOKEN })).sync.start().then(() => null, (e: unknown) => e);
    expect(noRepos).toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('LEADLINE_REPOS') });
    expect((await caller(loadConfig({})).sync.status()).cannotStart).toContain('No GitHub credentials');
  });

  it('starts a sync, refuses a second one while it runs, and reports progress to the end', async () => {
    const started = await caller().sync.start();
    expect(started.status).toBe('running');
    const second = await caller().sync.start().then(() => null, (e: unknown) => e);
    expect(second).toMatchObject({ code: 'CONFLICT' });

    let status = await caller().sync.status();
    for (let i = 0; i < 600 && status.live?.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = await caller().sync.status();
    }
    expect(status.live).toMatchObject({ status: 'succeeded', error: null });
    expect(status.live!.pages).toBeGreaterThan(0);
    expect(status.live!.items).toBeGreaterThan(0);
    expect(status.lastRun).toMatchObject({ status: 'succeeded' });
    expect(status.repositories.map((r) => r.fullName).sort()).toEqual(org.repositories.filter((r) => !r.isArchived).map((r) => `${r.owner}/${r.name}`).sort());
    expect(status.cannotStart).toBeNull();
    expect(JSON.stringify(status)).not.toContain(TOKEN);
  });
});
