/**
 * Fault injection for the fake GitHub: the failures a long sync meets on the real one, drawn from a
 * seeded random stream so that a run is reproducible. Each request (REST or GraphQL, counted
 * together in arrival order) may be answered with:
 * - `server-error`: 502 Bad Gateway;
 * - `timeout`: an answer held back `timeoutDelayMs` and then 504 (a client with a shorter timeout
 *   aborts first), or, for GraphQL, HTTP 200 with part of the data null and GitHub's "Something went
 *   wrong while executing your query. This may be the result of a timeout" beside it;
 * - `secondary-rate-limit`: 403 "You have exceeded a secondary rate limit" with `retry-after`;
 * - `rate-limit`: the primary limit spent (403 with `x-ratelimit-remaining: 0`, or GraphQL's HTTP-200
 *   `RATE_LIMITED`), once, at a chosen request. Only the answer says so: the fake's budget is not
 *   touched, so the request sent again after the reset (on the client's clock) succeeds.
 * A fault answer changes nothing in the fake's world.
 */
import { Rng } from './generator/random';

export interface FaultInjection {
  seed: number;
  /** Share of requests answered 502 (0.05 = 5 %). */
  serverErrorRate?: number;
  /** Share of requests that time out. */
  timeoutRate?: number;
  /** How long a timed-out answer is held back, ms (default 0: answered 504 at once). */
  timeoutDelayMs?: number;
  /** Every Nth request answers a secondary rate limit. */
  secondaryLimitEvery?: number;
  /** `retry-after` of a secondary limit, seconds (default 60). */
  secondaryRetryAfter?: number;
  /** The request (1-based) that finds the primary rate limit spent. */
  rateLimitAt?: number;
}

export type InjectedFault = 'server-error' | 'timeout' | 'secondary-rate-limit' | 'rate-limit';

export interface FaultInjector {
  /** The fault this request meets, if any; counts the request. */
  next(api: 'rest' | 'graphql'): InjectedFault | undefined;
  /** How many of each were injected. */
  counts: Record<InjectedFault, number>;
  /** Each fault injected, in order, with the API it hit. */
  injected: { fault: InjectedFault; api: 'rest' | 'graphql' }[];
  readonly settings: FaultInjection;
}

export function faultInjector(settings: FaultInjection): FaultInjector {
  const rng = new Rng(settings.seed);
  const counts: Record<InjectedFault, number> = { 'server-error': 0, timeout: 0, 'secondary-rate-limit': 0, 'rate-limit': 0 };
  let requests = 0;
  const pick = (): InjectedFault | undefined => {
    requests += 1;
    // One draw per request whatever the outcome, so the stream does not shift with the settings below it.
    const roll = rng.next();
    if (settings.rateLimitAt === requests) return 'rate-limit';
    if (settings.secondaryLimitEvery && requests % settings.secondaryLimitEvery === 0) return 'secondary-rate-limit';
    const serverErrorRate = settings.serverErrorRate ?? 0;
    if (roll < serverErrorRate) return 'server-error';
    if (roll < serverErrorRate + (settings.timeoutRate ?? 0)) return 'timeout';
    return undefined;
  };
  const injected: FaultInjector['injected'] = [];
  return {
    counts,
    injected,
    settings,
    next(api) {
      const fault = pick();
      if (fault) {
        counts[fault] += 1;
        injected.push({ fault, api });
      }
      return fault;
    },
  };
}

export const SECONDARY_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.';
