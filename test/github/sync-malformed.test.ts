/**
 * Bad input loses nothing else: a malformed item is logged and skipped, a deleted account or fork is
 * stored as unknown (null), and the sync carries on with the rest of the page. An item GitHub could
 * not resolve is not skipped past: the rest of its page is stored and the PR list stops there.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '@/fake-github/server';
import { queryRows, type Database } from '@/server/db/client';
import type { SyncResult } from '@/server/github/sync';
import type { MemoryLogger } from '@/server/logger';
import { fakeClock } from '../support/fake-clock';
import { at, buildOrg } from '../support/fake-org-builder';
import { syncWithFake } from '../support/sync-harness';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const NOW = new Date('2024-03-01T00:00:00Z');
const HORIZON = new Date('2023-12-01T00:00:00Z');

describe.each(databaseKinds())('sync of malformed and partial payloads on %s', (kind: DatabaseKind) => {
  let github: FakeGitHub & { close(): void };
  let database: Database;
  let result: SyncResult;
  let logger: MemoryLogger;

  beforeAll(async () => {
    const org = buildOrg({
      repositories: [
        {
          name: 'api',
          pullRequests: [
            { number: 1, title: 'A fine PR', state: 'MERGED' },
            // A deleted account and a deleted fork: GitHub answers null for both.
            { number: 2, title: 'From a ghost', authorLogin: null, headRepoFullName: null, state: 'CLOSED' },
            // Made unresolvable below: GitHub answers null for the node plus an error for its path.
            { number: 3 },
            { number: 4, title: 'After the bad one' },
          ],
          workflowRuns: [
            { name: 'CI', conclusion: 'success' },
            // A payload missing a required field.
            { name: 'CI', conclusion: 'failure', headSha: undefined as unknown as string },
          ],
          deployments: [{ environment: 'production', statuses: [{ state: 'success' }] }],
          releases: [{ tagName: 'v1.0.0', publishedAt: at(10) }],
        },
      ],
    });
    // Nulls the builder would default away: a non-null field GitHub fails to resolve, and creators
    // whose accounts were deleted.
    const repo = org.repositories[0]!;
    repo.pullRequests.find((p) => p.number === 3)!.title = null as unknown as string;
    repo.deployments[0]!.creatorLogin = null;
    repo.releases[0]!.authorLogin = null;
    github = startFakeGitHub(org);
    database = await createTestDatabase(kind);
    ({ result, logger } = await syncWithFake(database.db, { targets: ['acme/api'], horizon: HORIZON, now: NOW }));
  });
  afterAll(async () => {
    github.close();
    await database.close();
  });

  it('finishes every other resource: skipped items are warnings, not failures', () => {
    expect(result.repositories.flatMap((r) => r.errors).filter((e) => !e.startsWith('acme/api pull_requests:'))).toEqual([]);
  });

  it('stores the PRs GitHub resolved and stops the PR list at the page it could not resolve whole, naming why', async () => {
    const rows = await queryRows<{ number: number }>(database.db, sql`select number from pull_requests order by number`);
    expect(rows.map((r) => r.number)).toEqual([1, 2, 4]);
    // GitHub nulls PR 3 (index 1 newest-updated first: 4, 3, 2, 1) for its null non-null title.
    expect(result.repositories[0]!.errors).toEqual([
      expect.stringMatching(
        /^acme\/api pull_requests: GitHub could not resolve 1 pull requests of a page \(repository\.pullRequests\.nodes\.1\.title: .+\); the 3 it resolved are stored, and the next sync asks for the page again$/,
      ),
    ]);
    expect(result.status).toBe('failed');
    // Nothing moved past the page: no watermark, so the next sync asks for it again.
    const [state] = await queryRows<{ watermark: Date | null }>(database.db, sql`select watermark from sync_state where resource = 'pull_requests'`);
    expect(state!.watermark).toBeNull();
  });

  it('stores a deleted author and a deleted head fork as unknown', async () => {
    const [ghost] = await queryRows<{ author_id: number | null; head_repo_full_name: string | null; title: string }>(
      database.db,
      sql`select author_id, head_repo_full_name, title from pull_requests where number = 2`,
    );
    expect(ghost).toEqual({ author_id: null, head_repo_full_name: null, title: 'From a ghost' });
  });

  it('skips the workflow run missing its head sha, naming it, and keeps the other', async () => {
    const runs = await queryRows<{ conclusion: string }>(database.db, sql`select conclusion from workflow_runs`);
    expect(runs).toEqual([{ conclusion: 'success' }]);
    expect(logger.warnings().filter((w) => /skipped a malformed workflow run in acme\/api \(id \d+\): head_sha: /.test(w))).toHaveLength(1);
  });

  it('stores a deployment and a release whose creator was deleted, with no creator', async () => {
    const [deployment] = await queryRows<{ creator_id: number | null; statuses: string }>(
      database.db,
      sql`select d.creator_id, count(s.id) as statuses from deployments d left join deployment_statuses s on s.deployment_id = d.id group by d.id`,
    );
    expect({ creator: deployment!.creator_id, statuses: Number(deployment!.statuses) }).toEqual({ creator: null, statuses: 1 });
    const [release] = await queryRows<{ author_id: number | null; tag_name: string }>(database.db, sql`select author_id, tag_name from releases`);
    expect(release).toEqual({ author_id: null, tag_name: 'v1.0.0' });
  });
});

describe.each(databaseKinds())('sync against GitHub Enterprise Server when the GraphQL budget runs out on %s', (kind: DatabaseKind) => {
  it('waits out RATE_LIMITED on /api/graphql (which the throttling plugin does not recognise) and finishes', async () => {
    const apiUrl = 'https://ghe.example.com/api/v3';
    const github = startFakeGitHub(buildOrg({ repositories: [{ name: 'api', pullRequests: [{ number: 1 }, { number: 2 }] }] }), { apiUrl });
    const database = await createTestDatabase(kind);
    try {
      github.rateLimitNextGraphql(2);
      const { result, logger } = await syncWithRetries(database, apiUrl);
      expect(result.status).toBe('succeeded');
      expect(logger.warnings().filter((w) => /rate limit spent \(RATE_LIMITED POST \/api\/graphql\); waiting \d+ s/.test(w))).toHaveLength(2);
      const graphql = github.requests.filter((r) => r.kind === 'graphql');
      expect(graphql.every((r) => new URL(r.url).pathname === '/api/graphql')).toBe(true);
      const rows = await queryRows<{ n: string }>(database.db, sql`select count(*) as n from pull_requests`);
      expect(Number(rows[0]!.n)).toBe(2);
    } finally {
      github.close();
      await database.close();
    }
  });
});

/** As the harness, but with retries allowed (the harness makes a failure final on purpose). */
async function syncWithRetries(database: Database, apiUrl: string) {
  const { createGitHubClient } = await import('@/server/github/client');
  const { runSync } = await import('@/server/github/sync');
  const { memoryLogger } = await import('@/server/logger');
  const logger = memoryLogger();
  // The fake's reset is an hour away: a fake clock waits it out at once.
  const github = createGitHubClient({ apiUrl, auth: { kind: 'token', token: 't' }, logger, graphqlIntervalMs: 0, retries: 3, clock: fakeClock() });
  const result = await runSync({ db: database.db, github, logger, targets: ['acme/api'], horizon: HORIZON, incidentLabel: /incident/i, now: () => NOW });
  return { result, logger };
}
