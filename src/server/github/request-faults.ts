/**
 * What the GitHub client does when a request fails, as one Octokit request hook (see client.ts):
 *
 * - 5xx, a network error or a timeout (ours, or GitHub's "Something went wrong while executing your
 *   query" inside an HTTP-200 GraphQL answer): retried with exponential backoff, 1 s, 2 s, 4 s …
 * - A secondary rate limit (403/429 that says so, or carries `retry-after`): waits `retry-after`
 *   seconds (60 when GitHub gives none, as its docs advise).
 * - The primary rate limit spent (403/429 with `x-ratelimit-remaining: 0`, or GraphQL's HTTP-200
 *   `RATE_LIMITED` answer on /graphql and on GHES's /api/graphql alike): waits until
 *   `x-ratelimit-reset`, plus a second.
 * - 401: the credentials were refused; no retry, a TokenRefusedError that says what to check.
 *
 * Every wait goes through the injected clock and is announced first (`onWait`), so the sync's progress
 * can show it and tests need not sleep.
 */
import type { Clock } from './clock';

export type WaitReason = 'rate-limit' | 'secondary-rate-limit' | 'server-error';

export interface GitHubWait {
  reason: WaitReason;
  /** When the request is sent again. */
  until: Date;
  /** 1 for the first retry of this request. */
  attempt: number;
  /** What GitHub answered, for the log: `502 GET /repos/…` or the GraphQL error. */
  cause: string;
}

export interface FaultPolicy {
  clock: Clock;
  /** Retries of one request after a server error or timeout. */
  serverErrorRetries: number;
  /** Rate-limit waits (primary or secondary) one request may sit through before its error is thrown. */
  rateLimitWaits: number;
  /** Milliseconds of the first backoff; it doubles per retry. */
  backoffMs: number;
  /** Abort a request that has not answered in this many milliseconds (then it is retried as a timeout). */
  timeoutMs: number;
  /** The credential GitHub refused, named in the error: `GITHUB_TOKEN` or the GitHub App settings. */
  credentialName: string;
  onWait(wait: GitHubWait): void;
  /** The wait is over; the request is sent again. */
  onResume(): void;
}

/** GitHub refused the credentials (HTTP 401): a revoked or expired token. The sync stops; it cannot go on. */
export class TokenRefusedError extends Error {
  override name = 'TokenRefusedError';
}

/** GitHub failed to answer (a 5xx, or a GraphQL query that timed out inside) and retrying did not help. */
export class GitHubServerError extends Error {
  override name = 'GitHubServerError';
  readonly status = 500;
}

const GRAPHQL_TIMEOUT = /Something went wrong while executing your query/;

interface ErrorLike {
  name?: string;
  status?: number;
  message?: string;
  response?: { status?: number; headers?: Record<string, unknown>; data?: unknown };
}

interface RequestOptionsLike {
  method: string;
  url: string;
  request?: { signal?: AbortSignal | null };
}

type Verdict = { kind: 'retry'; reason: WaitReason; waitMs: number; cause: string } | { kind: 'refused'; message: string } | { kind: 'fail' };

export function faultHook(policy: FaultPolicy) {
  return async <O extends RequestOptionsLike, R extends { status: number; headers: Record<string, unknown>; data: unknown }>(
    request: (options: O) => R | Promise<R>,
    options: O,
  ): Promise<R> => {
    let serverErrors = 0;
    let rateLimits = 0;
    for (;;) {
      let outcome: { response: R } | { error: unknown };
      try {
        const signal = AbortSignal.timeout(policy.timeoutMs);
        outcome = { response: await request({ ...options, request: { ...options.request, signal } }) };
      } catch (error) {
        outcome = { error };
      }
      const verdict = judge(outcome, options, policy, serverErrors);
      if (verdict.kind === 'refused') throw new TokenRefusedError(verdict.message);
      const spent =
        verdict.kind === 'retry' && (verdict.reason === 'server-error' ? serverErrors >= policy.serverErrorRetries : rateLimits >= policy.rateLimitWaits);
      if (verdict.kind === 'fail' || spent) {
        if (!('response' in outcome)) throw outcome.error;
        // A GraphQL answer that timed out inside the query, still after the retries: the page fails whole,
        // as a 500 would, rather than be taken for a partial answer with items missing.
        if (spent && verdict.kind === 'retry' && verdict.reason === 'server-error')
          throw new GitHubServerError(graphqlErrors(outcome.response.data)[0]?.message ?? verdict.cause);
        return outcome.response;
      }
      if (verdict.reason === 'server-error') serverErrors += 1;
      else rateLimits += 1;
      const until = new Date(policy.clock.now() + verdict.waitMs);
      policy.onWait({ reason: verdict.reason, until, attempt: serverErrors + rateLimits, cause: verdict.cause });
      await policy.clock.sleep(verdict.waitMs);
      policy.onResume();
    }
  };
}

function judge(
  outcome: { response: { status: number; headers: Record<string, unknown>; data: unknown } } | { error: unknown },
  options: RequestOptionsLike,
  policy: FaultPolicy,
  serverErrors: number,
): Verdict {
  const what = `${options.method} ${pathOf(options.url)}`;
  const backoff = policy.backoffMs * 2 ** serverErrors;
  if ('response' in outcome) {
    // GraphQL answers HTTP 200 for a spent rate limit and for a timeout inside the query.
    const errors = graphqlErrors(outcome.response.data);
    if (errors.some((e) => e.type === 'RATE_LIMITED')) return rateLimited(outcome.response.headers, policy, `RATE_LIMITED ${what}`);
    if (errors[0] && GRAPHQL_TIMEOUT.test(errors[0].message ?? ''))
      return { kind: 'retry', reason: 'server-error', waitMs: backoff, cause: `timeout inside ${what}` };
    return { kind: 'fail' };
  }
  const error = outcome.error as ErrorLike;
  const status = error.status ?? error.response?.status;
  const headers = error.response?.headers ?? {};
  if (status === 401) {
    const said = messageOf(error.response?.data) ?? 'Bad credentials';
    return { kind: 'refused', message: `the token was refused: ${said} (401 on ${what}), check ${policy.credentialName}` };
  }
  if (status === 403 || status === 429) {
    const message = messageOf(error.response?.data) ?? error.message ?? '';
    const retryAfter = Number(headers['retry-after']);
    if (/secondary rate limit/i.test(message) || (headers['retry-after'] !== undefined && Number.isFinite(retryAfter))) {
      const seconds = Number.isFinite(retryAfter) && headers['retry-after'] !== undefined ? retryAfter : 60;
      return { kind: 'retry', reason: 'secondary-rate-limit', waitMs: seconds * 1000, cause: `${status} ${what}` };
    }
    if (String(headers['x-ratelimit-remaining']) === '0') return rateLimited(headers, policy, `${status} ${what}`);
    // The throttling plugin turns GraphQL's RATE_LIMITED on /graphql into an error carrying the answer.
  }
  if (graphqlErrors(error.response?.data).some((e) => e.type === 'RATE_LIMITED')) return rateLimited(headers, policy, `RATE_LIMITED ${what}`);
  // Octokit reports a network failure or an aborted (timed-out) fetch as status 500 without a response.
  if (status === undefined || status >= 500 || error.name === 'AbortError' || error.name === 'TimeoutError') {
    return { kind: 'retry', reason: 'server-error', waitMs: backoff, cause: `${status ?? error.name ?? 'error'} ${what}` };
  }
  return { kind: 'fail' };
}

function rateLimited(headers: Record<string, unknown>, policy: FaultPolicy, cause: string): Verdict {
  const reset = Number(headers['x-ratelimit-reset']);
  // GitHub's advice: retry after the reset time, so a second past it; a minute when it gives none.
  const waitMs = headers['x-ratelimit-reset'] !== undefined && Number.isFinite(reset) ? Math.max(0, reset * 1000 - policy.clock.now()) + 1000 : 60_000;
  return { kind: 'retry', reason: 'rate-limit', waitMs, cause };
}

function graphqlErrors(data: unknown): { type?: string; message?: string }[] {
  const errors = (data as { errors?: unknown } | null | undefined)?.errors;
  return Array.isArray(errors) ? (errors as { type?: string; message?: string }[]) : [];
}

function messageOf(data: unknown): string | undefined {
  const message = (data as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** The route (`/repos/{owner}/{repo}/releases`) or, for a cursor, the path: never the query, which may carry data. */
function pathOf(url: string): string {
  return url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0] ?? url;
}
