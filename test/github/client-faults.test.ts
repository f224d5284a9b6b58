/**
 * The GitHub client under failure, against the fake GitHub: what it retries, how long it waits (on a
 * fake clock, so an hour's reset takes no time), what it tells the sync while it waits, and what it
 * refuses to retry. Backoff doubles from `backoffMs`; a rate limit waits until `x-ratelimit-reset`
 * plus one second; a secondary limit waits `retry-after` (request-faults.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from '@/fake-github/server';
import { createGitHubClient, TokenRefusedError, type GitHubWait } from '@/server/github/client';
import { memoryLogger } from '@/server/logger';
import { fakeClock, type FakeClock } from '../support/fake-clock';
import { buildOrg } from '../support/fake-org-builder';

const org = () => buildOrg({ repositories: [{ name: 'api', pullRequests: [{ number: 1 }] }] });

let github: (FakeGitHub & { close(): void }) | undefined;
afterEach(() => {
  github?.close();
  github = undefined;
});

function setUp(options: FakeGitHubOptions & { retries?: number; timeoutMs?: number } = {}) {
  github = startFakeGitHub(org(), options);
  const clock: FakeClock = fakeClock();
  const waits: { wait: GitHubWait; waitingShown: GitHubWait | null }[] = [];
  const logger = memoryLogger();
  const client = createGitHubClient({
    apiUrl: options.apiUrl ?? 'https://api.github.com',
    auth: { kind: 'token', token: 'ghp_secret-test-token' },
    logger,
    graphqlIntervalMs: 0,
    retries: options.retries ?? 3,
    timeoutMs: options.timeoutMs,
    clock,
    // What the sync's progress would read at that moment.
    onWait: (wait) => waits.push({ wait, waitingShown: client.stats.waiting }),
  });
  return { fake: github, clock, client, waits, logger };
}

const getReleases = (client: ReturnType<typeof setUp>['client']) => client.octokit.rest.repos.listReleases({ owner: 'acme', repo: 'api' });
const statuses = (fake: FakeGitHub) => fake.requests.map((r) => r.status);

describe('server errors and timeouts', () => {
  it('retries a 502 with a doubling backoff and returns the answer', async () => {
    const { fake, client, clock, waits } = setUp();
    fake.failNext(() => true, { times: 2, status: 502 });
    const response = await getReleases(client);
    expect(response.data).toEqual([]);
    expect(statuses(fake)).toEqual([502, 502, 200]);
    // backoffMs 1000: 1000 × 2⁰, then 1000 × 2¹.
    expect(clock.sleeps).toEqual([1000, 2000]);
    expect(waits.map((w) => w.wait.reason)).toEqual(['server-error', 'server-error']);
    expect(client.stats.waiting).toBeNull();
    // Every attempt counts as a request.
    expect(client.stats.requests).toBe(3);
  });

  it('gives up after `retries` retries with the last error', async () => {
    const { fake, client, clock } = setUp({ retries: 2 });
    fake.failNext(() => true, { times: 5, status: 503 });
    await expect(getReleases(client)).rejects.toMatchObject({ status: 503 });
    expect(statuses(fake)).toEqual([503, 503, 503]);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('aborts a request that does not answer in time, and retries it', async () => {
    // Every request is held back 300 ms; the client gives up on each after 20 ms.
    const { fake, client, clock } = setUp({ retries: 1, timeoutMs: 20, faults: { seed: 1, timeoutRate: 1, timeoutDelayMs: 300 } });
    await expect(getReleases(client)).rejects.toThrow();
    expect(fake.faults!.counts.timeout).toBe(2);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('retries a GraphQL answer that timed out inside the query (HTTP 200, part of the data null)', async () => {
    const { fake, client, clock } = setUp({ retries: 2, faults: { seed: 1, timeoutRate: 1 } });
    await expect(client.graphql('query { rateLimit { remaining } }', {})).rejects.toThrow(/Something went wrong while executing your query/);
    expect(fake.requests.map((r) => r.kind)).toEqual(['graphql', 'graphql', 'graphql']);
    expect(clock.sleeps).toEqual([1000, 2000]);
  });

  it('does not retry a 404 or a plain 403', async () => {
    const { fake, client, clock } = setUp();
    fake.failNext(() => true, { status: 403 });
    await expect(getReleases(client)).rejects.toMatchObject({ status: 403 });
    await expect(client.octokit.rest.repos.listReleases({ owner: 'acme', repo: 'nope' })).rejects.toMatchObject({ status: 404 });
    expect(statuses(fake)).toEqual([403, 404]);
    expect(clock.sleeps).toEqual([]);
  });
});

describe('rate limits', () => {
  it('waits out a secondary limit for its retry-after', async () => {
    // Request 2 meets the secondary limit, retry-after 42 s.
    const { fake, client, clock, waits } = setUp({ faults: { seed: 1, secondaryLimitEvery: 2, secondaryRetryAfter: 42 } });
    await getReleases(client);
    await getReleases(client);
    expect(statuses(fake)).toEqual([200, 403, 200]);
    expect(clock.sleeps).toEqual([42_000]);
    expect(waits.map((w) => w.wait.reason)).toEqual(['secondary-rate-limit']);
  });

  it('waits until the reset when the primary limit is spent, and shows the wait while it lasts', async () => {
    const { fake, client, clock, waits } = setUp({ faults: { seed: 1, rateLimitAt: 1 } });
    const started = clock.now();
    const response = await getReleases(client);
    expect(statuses(fake)).toEqual([403, 200]);
    // The fake's window resets up to an hour after it opened; the wait lasts until a second past it.
    const reset = Number(response.headers['x-ratelimit-reset']);
    expect(clock.sleeps).toEqual([reset * 1000 + 1000 - started]);
    expect(clock.sleeps[0]).toBeGreaterThan(3_500_000);
    expect(waits).toHaveLength(1);
    expect(waits[0]!.wait).toMatchObject({ reason: 'rate-limit', until: new Date((reset + 1) * 1000), attempt: 1 });
    expect(waits[0]!.waitingShown).toEqual(waits[0]!.wait);
    expect(client.stats.waiting).toBeNull();
  });

  it.each([
    ['github.com', 'https://api.github.com', '/graphql'],
    ['GitHub Enterprise Server', 'https://ghe.example.com/api/v3', '/api/graphql'],
  ])('waits out GraphQL RATE_LIMITED (HTTP 200) on %s', async (_host, apiUrl, path) => {
    const { fake, client, clock, waits } = setUp({ apiUrl });
    fake.rateLimitNextGraphql(1);
    const data = await client.graphql<{ rateLimit: { remaining: number } }>('query { rateLimit { remaining } }', {});
    expect(data.rateLimit.remaining).toBeGreaterThan(0);
    expect(fake.requests.map((r) => new URL(r.url).pathname)).toEqual([path, path]);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(3_500_000);
    expect(waits[0]!.wait.reason).toBe('rate-limit');
  });
});

describe('a refused token', () => {
  it('is not retried and says what to check, without the token', async () => {
    const { fake, client, clock } = setUp();
    fake.failNext(() => true, { status: 401 });
    const error = await getReleases(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenRefusedError);
    expect((error as Error).message).toBe('the token was refused: Bad credentials (401 on GET /repos/{owner}/{repo}/releases), check GITHUB_TOKEN');
    expect(statuses(fake)).toEqual([401]);
    expect(clock.sleeps).toEqual([]);
  });
});
