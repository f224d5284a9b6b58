/**
 * A sync through GitHub's failures, with retries on, against the fake GitHub: what it stores must be
 * what a clean sync stores, table by table. And a token refused mid-sync stops the sync at once with
 * a clear error, keeps only whole pages, and the next run (with a good token) finishes the job.
 */
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '@/fake-github/generate-org';
import { startFakeGitHub } from '@/fake-github/server';
import { queryRows } from '@/server/db/client';
import type { GitHubWait } from '@/server/github/client';
import { sql } from 'drizzle-orm';
import { fakeClock } from '../support/fake-clock';
import { count, snapshotFacts, syncWithFake } from '../support/sync-harness';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');
const HORIZON = new Date('2026-10-01T00:00:00Z');
const TARGETS = ['org:acme'];
const org = generateOrg({ seed: 5, now: NOW, weeks: 3, repositories: 2, pullRequestsPerRepoWeek: 10 });

/** The rows a sync without a single failure stores. */
async function cleanSync(kind: DatabaseKind): Promise<{ facts: Record<string, unknown[]>; requests: number }> {
  const github = startFakeGitHub(structuredClone(org));
  const database = await createTestDatabase(kind);
  try {
    const { result } = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
    expect(result.status).toBe('succeeded');
    return { facts: await snapshotFacts(database.db), requests: github.requests.length };
  } finally {
    github.close();
    await database.close();
  }
}

describe.each(databaseKinds())('a sync through faults on %s', (kind: DatabaseKind) => {
  let clean: Awaited<ReturnType<typeof cleanSync>>;
  beforeAll(async () => {
    clean = await cleanSync(kind);
    // Not vacuous: the org fills the tables the comparison covers.
    expect(clean.facts.pull_requests!.length).toBeGreaterThan(10);
    expect(clean.facts.workflow_runs!.length).toBeGreaterThan(10);
  });

  it('stores exactly the rows of a clean sync despite 502s, timeouts, secondary limits, a spent rate limit and partial GraphQL answers', async () => {
    const github = startFakeGitHub(structuredClone(org), {
      faults: {
        // A seed whose stream puts timeouts on both APIs (checked below: another seed may not).
        seed: 2,
        // 10 % of requests fail: half 502, half time out (REST held back past the client's timeout; GraphQL
        // answered with part of the data null and GitHub's "Something went wrong … timeout" beside it).
        serverErrorRate: 0.05,
        timeoutRate: 0.05,
        timeoutDelayMs: 200,
        secondaryLimitEvery: 25,
        secondaryRetryAfter: 30,
        // Mid-sync, the hourly budget is spent.
        rateLimitAt: Math.round(clean.requests / 2),
      },
    });
    const database = await createTestDatabase(kind);
    const clock = fakeClock();
    const waits: GitHubWait[] = [];
    try {
      const { result, logger } = await syncWithFake(database.db, {
        targets: TARGETS,
        horizon: HORIZON,
        now: NOW,
        // Enough that 10 % failures in a row do not exhaust it: 0.1⁷ per request.
        retries: 6,
        timeoutMs: 50,
        clock,
        onWait: (wait) => waits.push(wait),
      });
      expect(result.repositories.flatMap((r) => r.errors)).toEqual([]);
      expect(result.status).toBe('succeeded');
      expect(await snapshotFacts(database.db)).toEqual(clean.facts);

      // Every kind of fault really happened, and each was waited out.
      const counts = github.faults!.counts;
      expect(counts['server-error']).toBeGreaterThan(0);
      expect(counts.timeout).toBeGreaterThan(0);
      expect(counts['secondary-rate-limit']).toBeGreaterThan(0);
      expect(counts['rate-limit']).toBe(1);
      expect(waits.filter((w) => w.reason === 'server-error')).toHaveLength(counts['server-error'] + counts.timeout);
      expect(waits.filter((w) => w.reason === 'secondary-rate-limit')).toHaveLength(counts['secondary-rate-limit']);
      expect(waits.filter((w) => w.reason === 'rate-limit')).toHaveLength(1);
      // Some timeouts hit GraphQL: partial answers (a field null, GitHub's timeout error beside it), retried
      // rather than stored with a gap; others hit REST and were aborted by the client.
      expect(github.faults!.injected.filter((f) => f.fault === 'timeout').map((f) => f.api)).toEqual(expect.arrayContaining(['graphql', 'rest']));
      // Secondary limits wait retry-after (30 s); the spent limit waits for the reset (the fake's hourly window).
      expect(clock.sleeps.filter((ms) => ms === 30_000)).toHaveLength(counts['secondary-rate-limit']);
      expect(Math.max(...clock.sleeps)).toBeGreaterThan(3_500_000);
      expect(logger.warnings().filter((w) => /^GitHub rate limit spent .*; waiting \d+ s, until /.test(w))).toHaveLength(1);
    } finally {
      github.close();
      await database.close();
    }
  });

  it('stops at a token refused mid-sync, with a clear error and only whole pages, and the next run finishes the job', async () => {
    const github = startFakeGitHub(structuredClone(org));
    const database = await createTestDatabase(kind);
    try {
      // The token is revoked while the first repository's pull requests are read: the query for their
      // second page (it has more than 25, a page's worth) is refused.
      let prPages = 0;
      github.failNext((r) => r.operationName === 'PullRequests' && ++prPages === 2, { status: 401 });
      const first = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW, retries: 3, clock: fakeClock() });
      expect(first.result.status).toBe('failed');
      expect(first.result.targetErrors).toEqual(['the token was refused: Bad credentials (401 on POST /graphql), check GITHUB_TOKEN']);
      // Nothing after the refusal: no retry, no other resource or repository tried.
      expect(github.requests.at(-1)!.status).toBe(401);
      expect(github.requests.filter((r) => r.status === 401)).toHaveLength(1);
      const [run] = await queryRows<{ status: string; error: string }>(database.db, sql`select status, error from sync_runs`);
      expect(run!.status).toBe('failed');
      expect(run!.error).toMatch(/^the token was refused: Bad credentials .*check GITHUB_TOKEN$/);
      // Whole pages only: the 25 PRs of the first page, with their reviews and commits; nothing of any
      // later resource; the cursor of that page kept for the next run.
      expect(await count(database.db, 'select count(*) as n from pull_requests')).toBe(25);
      expect(await count(database.db, 'select count(*) as n from workflow_runs')).toBe(0);
      expect(await count(database.db, "select count(*) as n from sync_state where resource = 'pull_requests' and cursor is not null")).toBe(1);

      const second = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
      expect(second.result.status).toBe('succeeded');
      expect(await snapshotFacts(database.db)).toEqual(clean.facts);
    } finally {
      github.close();
      await database.close();
    }
  });
});

describe('a GitHub App', () => {
  it('signs a JWT, exchanges it for an installation token, syncs with it and renews it when it expires mid-sync', async () => {
    const clean = await cleanSync('pglite');
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      // GitHub hands out PKCS#1 keys ("BEGIN RSA PRIVATE KEY").
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    });
    // Each request the fake answers moves time on a minute: an hour's token lasts about 55 requests
    // (the client renews it 5 minutes before expiry), so a sync of this size needs several.
    const start = Date.now();
    let answered = 0;
    const now = () => start + answered * 60_000;
    const github = startFakeGitHub(structuredClone(org), { app: { appId: 4242, installationId: 77, publicKey, now } });
    const countAnswers = () => (answered = github.requests.length);
    const database = await createTestDatabase('pglite');
    try {
      const { result } = await syncWithFake(database.db, {
        targets: TARGETS,
        horizon: HORIZON,
        now: NOW,
        auth: { kind: 'app', appId: 4242, privateKey, installationId: 77 },
        clock: {
          now: () => {
            countAnswers();
            return now();
          },
          sleep: async () => {},
        },
      });
      countAnswers();
      expect(result.status).toBe('succeeded');
      expect(await snapshotFacts(database.db)).toEqual(clean.facts);

      const exchanges = github.requests.filter((r) => r.url.endsWith('/app/installations/77/access_tokens'));
      expect(exchanges.every((r) => r.status === 201)).toBe(true);
      // Renewed, not refused: more than one token, and no request answered 401.
      expect(github.app!.tokens.length).toBeGreaterThanOrEqual(2);
      expect(exchanges).toHaveLength(github.app!.tokens.length);
      expect(github.requests.filter((r) => r.status === 401)).toEqual([]);
    } finally {
      github.close();
      await database.close();
    }
  });

  it('is refused with a JWT signed by another key', async () => {
    const key = () =>
      generateKeyPairSync('rsa', {
        modulusLength: 2048,
        publicKeyEncoding: { type: 'spki', format: 'pem' },
        privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      });
    const app = key();
    const impostor = key();
    const github = startFakeGitHub(structuredClone(org), { app: { appId: 4242, installationId: 77, publicKey: app.publicKey } });
    const database = await createTestDatabase('pglite');
    try {
      const { result } = await syncWithFake(database.db, {
        targets: TARGETS,
        horizon: HORIZON,
        now: NOW,
        auth: { kind: 'app', appId: 4242, privateKey: impostor.privateKey, installationId: 77 },
      });
      expect(result.status).toBe('failed');
      expect(result.targetErrors.join('\n')).toMatch(/the token was refused: A JSON web token could not be decoded .*check the GitHub App/);
      expect(github.app!.tokens).toEqual([]);
      expect(await count(database.db, 'select count(*) as n from pull_requests')).toBe(0);
    } finally {
      github.close();
      await database.close();
    }
  });
});
