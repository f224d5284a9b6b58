/**
 * A fake GitHub for tests, the demo and benchmarks: msw handlers answering the REST endpoints and the
 * GraphQL API the sync uses, from an in-memory FakeOrg. GraphQL documents run against GitHub's
 * published schema, so a query GitHub would reject is rejected here too.
 *
 *   const github = startFakeGitHub(buildOrg({ ... }));
 *   // … sync against https://api.github.com …
 *   github.close();
 */
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { appHandlers, fakeApp, type FakeApp, type FakeAppSettings } from './app-auth';
import { faultInjector, type FaultInjection, type FaultInjector } from './faults';
import { artifactHandlers } from './rest-artifacts';
import {
  TIMEOUT_MESSAGE,
  newBucket,
  resolveUrls,
  type FakeContext,
  type RateBucket,
  type RateResource,
  type RecordedRequest,
  type PartialAnswerError,
  type RequestMatch,
} from './context';
import { graphqlHandler } from './graphql-handler';
import type { FakeOrg } from './model';
import { restHandlers } from './rest-handlers';

export type { RecordedRequest } from './context';

export interface FakeGitHubOptions {
  /** Default https://api.github.com; GHES: https://HOST/api/v3 with GraphQL at https://HOST/api/graphql. */
  apiUrl?: string;
  /** Hourly budgets (default 5000 each, GitHub's for a token). When spent, GitHub's rate-limit answers. */
  rateLimits?: { core?: number; graphql?: number };
  /** Inject 502s, timeouts, secondary limits and one primary exhaustion, from a seeded stream (faults.ts). */
  faults?: FaultInjection;
  /** Serve as a GitHub App's installation: tokens from POST /app/installations/{id}/access_tokens, nothing else accepted (app-auth.ts). */
  app?: FakeAppSettings;
}

export interface FakeGitHub {
  handlers: RequestHandler[];
  /** Every request answered, in order. */
  requests: RecordedRequest[];
  /** The next `times` (default 1) requests matching `match` fail with `status` (default 500): to kill a sync mid-way. */
  failNext(match: (r: RequestMatch) => boolean, options?: { times?: number; status?: number }): void;
  /** The next `times` (default 1) GraphQL requests answer HTTP 200 with GitHub's `RATE_LIMITED` error. */
  rateLimitNextGraphql(times?: number): void;
  /**
   * After `after` (default 0) whole answers to the operation, the next `times` (default 1) leave `path`
   * unresolved, as GitHub does when part of a query fails: HTTP 200, null at the path, and `error`
   * naming it beside the data (default: GitHub's timeout message).
   */
  answerPartiallyNext(operationName: string, path: (string | number)[], options?: { after?: number; times?: number; error?: PartialAnswerError }): void;
  /** Mutable: tests change it (or replace it) between syncs and re-sync. */
  org: FakeOrg;
  /** The fault injector, when `faults` was given: how many of each fault it injected. */
  faults: FaultInjector | null;
  /** The GitHub App, when `app` was given: the tokens it issued. */
  app: FakeApp | null;
}

interface FailureRule {
  match: (r: RequestMatch) => boolean;
  times: number;
  status: number;
}

export function createFakeGitHub(org: FakeOrg, options: FakeGitHubOptions = {}): FakeGitHub {
  const urls = resolveUrls(options.apiUrl);
  const buckets: Record<RateResource, RateBucket> = {
    core: newBucket(options.rateLimits?.core ?? 5000),
    graphql: newBucket(options.rateLimits?.graphql ?? 5000),
  };
  const failures: FailureRule[] = [];
  const partialAnswers: { operationName: string; path: (string | number)[]; after: number; times: number; error: PartialAnswerError }[] = [];
  let rateLimitedGraphql = 0;
  let requestNumber = 0;

  const faults = options.faults ? faultInjector(options.faults) : null;
  const app = options.app ? fakeApp(options.app) : null;
  const fake: FakeGitHub = {
    handlers: [],
    requests: [],
    org,
    faults,
    app,
    failNext(match, { times = 1, status = 500 } = {}) {
      failures.push({ match, times, status });
    },
    rateLimitNextGraphql(times = 1) {
      rateLimitedGraphql += times;
    },
    answerPartiallyNext(operationName, path, { after = 0, times = 1, error = { message: TIMEOUT_MESSAGE } } = {}) {
      partialAnswers.push({ operationName, path, after, times, error });
    },
  };

  const ctx: FakeContext = {
    get org() {
      return fake.org;
    },
    urls,
    bucket: (resource) => buckets[resource],
    record: (request) => void fake.requests.push(request),
    takeFailure(request) {
      const rule = failures.find((f) => f.times > 0 && f.match(request));
      if (!rule) return undefined;
      rule.times -= 1;
      if (rule.times === 0) failures.splice(failures.indexOf(rule), 1);
      return rule.status;
    },
    nextRequestNumber: () => ++requestNumber,
    takePartialAnswer(operationName) {
      const rule = partialAnswers.find((p) => p.times > 0 && p.operationName === operationName);
      if (!rule) return undefined;
      if (rule.after > 0) {
        rule.after -= 1;
        return undefined;
      }
      rule.times -= 1;
      if (rule.times === 0) partialAnswers.splice(partialAnswers.indexOf(rule), 1);
      return { path: rule.path, error: rule.error };
    },
    takeGraphqlRateLimit() {
      if (rateLimitedGraphql === 0) return false;
      rateLimitedGraphql -= 1;
      return true;
    },
    takeInjectedFault: (api) => faults?.next(api),
    timeoutDelayMs: options.faults?.timeoutDelayMs ?? 0,
    secondaryRetryAfter: options.faults?.secondaryRetryAfter ?? 60,
    refuseCredentials: (request) => app?.refuse(request) ?? null,
  };

  // Artifacts first: their routes are more specific than the runs' `/actions/runs/:runId`.
  fake.handlers = [...(app && options.app ? appHandlers(ctx, app, options.app) : []), graphqlHandler(ctx), ...artifactHandlers(ctx), ...restHandlers(ctx)];
  return fake;
}

/** An msw/node server with the fake's handlers, started with onUnhandledRequest: 'error'; close() stops it. */
export function startFakeGitHub(org: FakeOrg, options: FakeGitHubOptions = {}): FakeGitHub & { close(): void } {
  const fake = createFakeGitHub(org, options);
  const server = setupServer(...fake.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  return Object.assign(fake, { close: () => server.close() });
}
