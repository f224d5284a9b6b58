/**
 * The GitHub client the sync uses: @octokit/rest with the throttling plugin for pacing, token or
 * GitHub App auth, github.com or GitHub Enterprise Server, and a request counter for progress.
 *
 * Failures (5xx, timeouts, rate limits, a refused token) are handled by one request hook of our own,
 * request-faults.ts, rather than by the retry plugin and the throttling plugin's limit handlers:
 * - their waits are Bottleneck timers on the real clock; ours go through an injected Clock, so a test
 *   waits out an hour's reset at once, and each wait is announced for the sync's progress;
 * - on GHES, GraphQL lives at /api/graphql, and the throttling plugin recognises GraphQL (its pacing
 *   and the HTTP-200 `RATE_LIMITED` answer) only on a /graphql path; the hook reads the answer itself.
 * The plugin still paces GraphQL queries one per second like mutations. That is right for github.com;
 * the pacing is configurable so tests and the demo (served locally) need not wait.
 */
import { createAppAuth } from '@octokit/auth-app';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { GitHubAuth } from '@/config/env';
import type { Logger } from '@/server/logger';
import { installationTokenCache } from './app-token-cache';
import { systemClock, type Clock } from './clock';
import { faultHook, type GitHubWait } from './request-faults';

export { TokenRefusedError, type GitHubWait } from './request-faults';

const ThrottledOctokit = Octokit.plugin(throttling);
export type GitHubOctokit = InstanceType<typeof ThrottledOctokit>;

export interface GitHubClientOptions {
  apiUrl: string;
  auth: GitHubAuth;
  logger: Logger;
  /** Minimum gap between GraphQL requests, ms (GitHub asks for ~1 s between heavy requests). */
  graphqlIntervalMs?: number;
  /** Retries of one request after a 5xx, a network error or a timeout; and rate-limit waits it may sit through. Default 3. */
  retries?: number;
  /** Milliseconds of the first backoff after a server error (it doubles per retry). Default 1000. */
  backoffMs?: number;
  /** A request not answered in this many milliseconds is aborted and retried. Default 60 s. */
  timeoutMs?: number;
  /** Default: the system clock. Tests pass a fake one so rate-limit waits take no real time. */
  clock?: Clock;
  /** Told of each wait before it starts (a rate limit until its reset, a backoff after a 502…). */
  onWait?: (wait: GitHubWait) => void;
}

/** One error of a GraphQL answer; `path` names the field GitHub could not resolve. */
export interface GraphqlError {
  type?: string;
  message: string;
  path?: (string | number)[];
}

/** A page's answer: `errors` is empty when it is whole; otherwise the items at their paths are missing. */
export interface GraphqlPage<T> {
  data: T;
  errors: GraphqlError[];
}

export interface GitHubClient {
  octokit: GitHubOctokit;
  /** The REST API base (GITHUB_API_URL), without a trailing slash: cursors must point inside it. */
  apiUrl: string;
  /** A GraphQL query that waits out `RATE_LIMITED` on github.com and GHES alike. */
  graphql<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  /**
   * A page of a paged query. GitHub may answer data plus `errors`: an item it could not resolve (not
   * found, forbidden to this token) comes back null. Such an answer is returned with its errors, for
   * the caller to keep what resolved and not move past it. (A timeout inside the query, "Something
   * went wrong while executing your query", the fault hook retries with backoff first.)
   */
  graphqlPage<T>(query: string, variables: Record<string, unknown>): Promise<GraphqlPage<T>>;
  stats: GitHubStats;
}

export interface GitHubStats {
  requests: number;
  rateLimitRemaining: number | null;
  rateLimitResetAt: Date | null;
  /** The wait in progress (a rate limit, a backoff), or null while requests flow. */
  waiting: GitHubWait | null;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { logger, retries = 3, clock = systemClock } = options;
  if (options.auth.kind === 'none') {
    throw new Error('GitHub credentials are missing: set GITHUB_TOKEN, or GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY and GITHUB_APP_INSTALLATION_ID');
  }
  const auth =
    options.auth.kind === 'token'
      ? { auth: options.auth.token }
      : {
          authStrategy: createAppAuth,
          auth: {
            appId: options.auth.appId,
            privateKey: options.auth.privateKey,
            installationId: options.auth.installationId,
            cache: installationTokenCache(clock),
          },
        };

  const stats: GitHubStats = { requests: 0, rateLimitRemaining: null, rateLimitResetAt: null, waiting: null };
  const octokit = new ThrottledOctokit({
    ...auth,
    baseUrl: options.apiUrl,
    userAgent: 'leadline',
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => logger.warn(message),
      error: (message: string) => logger.error(message),
    },
    throttle: {
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.graphqlIntervalMs ?? 1000 }),
      // Limits are waited out by the fault hook below, on the injected clock: the plugin hands them on.
      onRateLimit: () => false,
      onSecondaryRateLimit: () => false,
    },
  });

  octokit.hook.wrap('request', async (request, requestOptions) => {
    stats.requests += 1;
    try {
      const response = await request(requestOptions);
      readRateLimit(response.headers, stats);
      return response;
    } catch (error) {
      const headers = (error as { response?: { headers?: Record<string, unknown> } }).response?.headers;
      if (headers) readRateLimit(headers, stats);
      throw error;
    }
  });
  // Registered after the counter, so it wraps it: every attempt is counted and its rate limit read.
  octokit.hook.wrap(
    'request',
    faultHook({
      clock,
      serverErrorRetries: retries,
      rateLimitWaits: retries,
      backoffMs: options.backoffMs ?? 1000,
      timeoutMs: options.timeoutMs ?? 60_000,
      credentialName: options.auth.kind === 'token' ? 'GITHUB_TOKEN' : 'the GitHub App (GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY, GITHUB_APP_INSTALLATION_ID)',
      onWait: (wait) => {
        const seconds = Math.round((wait.until.getTime() - clock.now()) / 1000);
        logger.warn(`GitHub ${describeWait(wait.reason)} (${wait.cause}); waiting ${seconds} s, until ${wait.until.toISOString()} (retry ${wait.attempt})`);
        stats.waiting = wait;
        options.onWait?.(wait);
      },
      onResume: () => {
        stats.waiting = null;
      },
    }),
  );

  // RATE_LIMITED is waited out by the fault hook, below the GraphQL layer.
  function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    return octokit.graphql<T>(query, variables);
  }

  async function graphqlPage<T>(query: string, variables: Record<string, unknown>): Promise<GraphqlPage<T>> {
    try {
      return { data: await graphql<T>(query, variables), errors: [] };
    } catch (error) {
      const partial = partialData<T>(error);
      if (partial) return partial;
      throw error;
    }
  }

  return { octokit, apiUrl: options.apiUrl.replace(/\/+$/, ''), graphql, graphqlPage, stats };
}

function readRateLimit(headers: Record<string, unknown>, stats: GitHubClient['stats']): void {
  const remaining = Number(headers['x-ratelimit-remaining']);
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(remaining) && headers['x-ratelimit-remaining'] !== undefined) stats.rateLimitRemaining = remaining;
  if (Number.isFinite(reset) && headers['x-ratelimit-reset'] !== undefined) stats.rateLimitResetAt = new Date(reset * 1000);
}

/** `path: message` of each error, for a log line or a sync error. */
export function describeGraphqlErrors(errors: GraphqlError[]): string {
  return errors.map((e) => `${e.path?.join('.') ?? '(no path)'}: ${e.message}`).join('; ');
}

function partialData<T>(error: unknown): GraphqlPage<T> | null {
  const e = error as { name?: string; data?: unknown; errors?: GraphqlError[] };
  if (e.name !== 'GraphqlResponseError' || !e.data || !e.errors) return null;
  if (e.errors.some((x) => x.type === 'RATE_LIMITED')) return null;
  return { data: e.data as T, errors: e.errors };
}

function describeWait(reason: GitHubWait['reason']): string {
  if (reason === 'rate-limit') return 'rate limit spent';
  if (reason === 'secondary-rate-limit') return 'secondary rate limit';
  return 'server error or timeout';
}
