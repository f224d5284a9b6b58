/**
 * The fake GitHub over real HTTP (what `npm run demo` points the app at): REST lists with their
 * paging and ETags, GraphQL at the GHES path Octokit derives from an /api/v3 URL, 404 for the
 * rest; and the app's Sync now configured with GITHUB_API_URL=http://127.0.0.1:PORT/api/v3 syncs
 * from it. No msw interception in this file: every request crosses a socket.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@/config/env';
import { generateOrg } from '@/fake-github/generate-org';
import { serveFakeGitHub, type FakeGitHubHttp } from '@/fake-github/http-server';
import { createCaller } from '@/server/api/root';
import type { Database } from '@/server/db/client';
import { REPOSITORY_QUERY } from '@/server/github/graphql-documents';
import { testContext } from '../support/test-context';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');
const AUTH = { authorization: 'token demo-token-not-a-secret', accept: 'application/vnd.github+json' };

describe('the fake GitHub over HTTP', () => {
  const org = generateOrg({ seed: 11, now: NOW, weeks: 2, repositories: 1 });
  const repo = org.repositories[0]!;
  let served: FakeGitHubHttp;

  beforeAll(async () => {
    served = await serveFakeGitHub(structuredClone(org));
  });
  afterAll(async () => {
    await served.close();
  });

  it('listens on 127.0.0.1 with GHES-style paths', () => {
    expect(served.apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    expect(served.graphqlUrl).toBe(served.apiUrl.replace(/\/v3$/, '/graphql'));
    // The configuration accepts it as GITHUB_API_URL.
    expect(loadConfig({ GITHUB_API_URL: served.apiUrl }).github.apiUrl).toBe(served.apiUrl);
  });

  it('serves a REST list with its paging links and ETag, and answers 304 to a matching If-None-Match', async () => {
    const url = `${served.apiUrl}/repos/${repo.owner}/${repo.name}/actions/runs?per_page=5`;
    const first = await fetch(url, { headers: AUTH });
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/json');
    expect(Number(first.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);
    const body = (await first.json()) as { total_count: number; workflow_runs: { id: number }[] };
    expect(body.workflow_runs).toHaveLength(5);
    expect(body.total_count).toBeGreaterThan(5);

    const next = /<([^>]+)>;\s*rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
    expect(next).toMatch(new RegExp(`^${served.apiUrl.replaceAll('.', '\\.')}/`));
    const second = await fetch(next!, { headers: AUTH });
    expect(second.status).toBe(200);
    const page2 = (await second.json()) as { workflow_runs: { id: number }[] };
    expect(page2.workflow_runs[0]!.id).not.toBe(body.workflow_runs[0]!.id);

    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const unchanged = await fetch(url, { headers: { ...AUTH, 'if-none-match': etag! } });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
  });

  it('answers GraphQL at /api/graphql against the schema', async () => {
    const response = await fetch(served.graphqlUrl, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ query: REPOSITORY_QUERY, variables: { owner: repo.owner, name: repo.name } }),
    });
    expect(response.status).toBe(200);
    const json = (await response.json()) as { data: { repository: { name: string }; rateLimit: { remaining: number } }; errors?: unknown };
    expect(json.errors).toBeUndefined();
    expect(json.data.repository.name).toBe(repo.name);
    expect(json.data.rateLimit.remaining).toBeGreaterThan(0);

    const invalid = await fetch(served.graphqlUrl, {
      method: 'POST',
      headers: { ...AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nope }' }),
    });
    expect(((await invalid.json()) as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
  });

  it('answers what it does not serve with a 404 in JSON', async () => {
    const response = await fetch(`${served.apiUrl}/no/such/thing`, { headers: AUTH });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: 'Not Found' });
  });

  describe.each(databaseKinds())('into %s', (kind: DatabaseKind) => {
    let database: Database;
    beforeAll(async () => {
      database = await createTestDatabase(kind);
    });
    afterAll(async () => {
      await database.close();
    });

    it("is what the app's Sync now syncs from, as in the demo", async () => {
      const before = served.fake.requests.length;
      const config = loadConfig({
        GITHUB_API_URL: served.apiUrl,
        GITHUB_TOKEN: 'demo-token-not-a-secret',
        LEADLINE_REPOS: `org:${org.login}`,
        LEADLINE_SYNC_SINCE: '30d',
      });
      const caller = createCaller(testContext(database.db, {}, NOW, config));
      const page = await caller.sync.status();
      expect(page.github).toEqual({ auth: 'token', apiHost: new URL(served.apiUrl).host });
      expect(page.cannotStart).toBeNull();

      await caller.sync.start();
      let progress = await caller.sync.progress();
      for (let i = 0; i < 1200 && progress.live?.status === 'running'; i++) {
        await new Promise((r) => setTimeout(r, 25));
        progress = await caller.sync.progress();
      }
      expect(progress.live).toMatchObject({ status: 'succeeded', error: null, repositories: 1 });
      const requests = served.fake.requests.slice(before);
      expect(progress.live!.requests).toBe(requests.length);
      expect(requests.filter((r) => r.kind === 'graphql').map((r) => new URL(r.url).pathname)).toContain('/api/graphql');
      expect(requests.every((r) => r.url.startsWith(served.apiUrl) || r.url.startsWith(served.graphqlUrl))).toBe(true);
      expect((await caller.sync.status()).repositories.map((r) => r.fullName)).toEqual([`${repo.owner}/${repo.name}`]);
    });
  });
});
