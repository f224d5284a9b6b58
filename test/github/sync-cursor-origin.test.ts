/**
 * A stored REST cursor is a full URL that the sync requests with the token, so it must point inside
 * GITHUB_API_URL: a cursor on another host, or on the API's host outside its path prefix, is refused
 * with a clear error and nothing is requested from it; the cursor is kept, not silently dropped.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { describe, expect, it } from 'vitest';
import { createFakeGitHub } from '@/fake-github/server';
import { readSyncState, writeSyncState } from '@/server/db/queries/sync-state';
import { buildOrg } from '../support/fake-org-builder';
import { syncWithFake } from '../support/sync-harness';
import { createTestDatabase } from '../support/test-database';

const NOW = new Date('2024-03-01T00:00:00Z');
const HORIZON = new Date('2023-12-01T00:00:00Z');

describe('a stored cursor outside the GitHub API', () => {
  it.each([
    ['on another host', 'https://api.github.com', 'https://evil.example/repositories/ID/releases?per_page=100&page=2', 'https://api.github.com/'],
    [
      'on the API host outside its path prefix',
      'https://ghe.example.com/api/v3',
      'https://ghe.example.com/uploads/repositories/ID/releases?page=2',
      'https://ghe.example.com/api/v3',
    ],
  ])('%s is refused before any request, and kept', async (_what, apiUrl, cursorTemplate, apiShown) => {
    const org = buildOrg({ repositories: [{ name: 'api', releases: [{ tagName: 'v1.0.0' }, { tagName: 'v1.1.0' }] }] });
    const repoId = org.repositories[0]!.id;
    const cursor = cursorTemplate.replace('ID', String(repoId));
    const fake = createFakeGitHub(org, { apiUrl });
    // Whatever the fake does not answer is caught here, so a request to the cursor would be seen.
    const strays: string[] = [];
    const server = setupServer(
      ...fake.handlers,
      http.all('*', ({ request }) => {
        strays.push(request.url);
        return HttpResponse.json([]);
      }),
    );
    server.listen({ onUnhandledRequest: 'error' });
    const database = await createTestDatabase('pglite');
    try {
      await writeSyncState(database.db, repoId, 'releases', { cursor, pendingWatermark: null });
      const { result } = await syncWithFake(database.db, { targets: ['acme/api'], horizon: HORIZON, now: NOW, apiUrl });

      const { origin, pathname } = new URL(cursor);
      expect(result.repositories[0]!.errors).toEqual([
        `acme/api releases: refused to follow the cursor ${origin}${pathname}: it is outside the GitHub API at ${apiShown} ` +
          '(if GITHUB_API_URL changed, a sync with --since starts the list over)',
      ]);
      expect(strays).toEqual([]);
      expect(fake.requests.filter((r) => new URL(r.url).pathname.endsWith('/releases'))).toEqual([]);
      const state = await readSyncState(database.db, repoId, 'releases');
      expect(state?.cursor).toBe(cursor);
      expect(state?.lastError).toMatch(/^refused to follow the cursor/);
      // The other lists of the repository synced as usual.
      expect(fake.requests.some((r) => new URL(r.url).pathname.endsWith('/deployments'))).toBe(true);
    } finally {
      server.close();
      await database.close();
    }
  });
});
