/**
 * The GitHub client the sync uses: @octokit/rest with the throttling and retry plugins, token or
 * GitHub App auth, github.com or GitHub Enterprise Server, and a request counter for progress.
 *
 * Two gaps in the plugins are closed here:
 * - On GHES, GraphQL lives at /api/graphql; the throttling plugin recognises GraphQL (its pacing and
 *   its handling of the HTTP-200 `RATE_LIMITED` answer) only on a /graphql path. `graphql()` below
 *   waits out RATE_LIMITED itself, on both hosts.
 * - The plugin paces GraphQL queries one per second like mutations. That is right for github.com;
 *   the pacing is configurable so tests and the demo (served locally) need not wait.
 */
import { createAppAuth } from '@octokit/auth-app';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck';
import type { GitHubAuth } from '@/config/env';
import type { Logger } from '@/server/logger';

const ThrottledOctokit = Octokit.plugin(throttling, retry);
export type GitHubOctokit = InstanceType<typeof ThrottledOctokit>;

export interface GitHubClientOptions {
  apiUrl: string;
  auth: GitHubAuth;
  logger: Logger;
  /** Minimum gap between GraphQL requests, ms (GitHub asks for ~1 s between heavy requests). */
  graphqlIntervalMs?: number;
  /** Retries of 5xx and network errors (plugin-retry) and rate-limit waits. */
  retries?: number;
  /** Milliseconds per second of a server-advised wait; tests shrink it. */
  retryAfterBaseValue?: number;
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
   * went wrong while executing your query", plugin-retry treats as a 500: retried, then thrown.)
   */
  graphqlPage<T>(query: string, variables: Record<string, unknown>): Promise<GraphqlPage<T>>;
  stats: { requests: number; rateLimitRemaining: number | null; rateLimitResetAt: Date | null };
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { logger, retries = 3, retryAfterBaseValue = 1000 } = options;
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
          },
        };

  const stats: GitHubClient['stats'] = { requests: 0, rateLimitRemaining: null, rateLimitResetAt: null };
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
    retry: { retries, retryAfterBaseValue },
    throttle: {
      retryAfterBaseValue,
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.graphqlIntervalMs ?? 1000 }),
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        logger.warn(`GitHub rate limit reached on ${request.method} ${request.url}; waiting ${retryAfter} s (retry ${retryCount + 1} of ${retries})`);
        return retryCount < retries;
      },
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        logger.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter} s (retry ${retryCount + 1} of ${retries})`);
        return retryCount < retries;
      },
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

  async function graphql<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await octokit.graphql<T>(query, variables);
      } catch (error) {
        const waitSeconds = rateLimitedWait(error);
        if (waitSeconds === null || attempt >= retries) throw error;
        logger.warn(`GitHub GraphQL rate limit reached; waiting ${waitSeconds} s (retry ${attempt + 1} of ${retries})`);
        await new Promise((resolve) => setTimeout(resolve, waitSeconds * retryAfterBaseValue));
      }
    }
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

/** Seconds to wait when GitHub answered a GraphQL query with `RATE_LIMITED`, else null. */
function rateLimitedWait(error: unknown): number | null {
  const e = error as { errors?: { type?: string }[]; headers?: Record<string, unknown>; response?: { headers?: Record<string, unknown>; data?: { errors?: { type?: string }[] } } };
  const errors = e.errors ?? e.response?.data?.errors ?? [];
  if (!errors.some((x) => x.type === 'RATE_LIMITED')) return null;
  const headers = e.headers ?? e.response?.headers ?? {};
  const reset = Number(headers['x-ratelimit-reset']);
  if (!Number.isFinite(reset) || headers['x-ratelimit-reset'] === undefined) return 60;
  return Math.max(1, Math.ceil(reset - Date.now() / 1000) + 1);
}
