/**
 * The HTTP behaviour every REST endpoint of the fake shares: scheduled failures, the core rate limit
 * (a 304 is free, as on GitHub), strong ETags with If-None-Match → 304, `per_page`/`page` with a
 * `Link` header, GitHub's 404 body, and the request log.
 */
import { createHash } from 'node:crypto';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { currentBucket, findRepository, findRepositoryById, rateLimitHeaders, remaining, type FakeContext } from './context';
import type { FakeRepository } from './model';
import { SECONDARY_LIMIT_MESSAGE } from './faults';
import { restPage } from './pagination';

export type RestOutcome = { status: 200; body: unknown; link?: string } | { status: number; body: unknown; link?: undefined };

export interface RouteInput {
  request: Request;
  url: URL;
  params: Record<string, string>;
}

export interface RepoRouteInput extends RouteInput {
  repo: FakeRepository;
  /** One page of `items` with its Link header; `sub` is the path below the repository (default: the route's). */
  page<T>(items: readonly T[], sub?: string): { items: T[]; link?: string };
}

export const DOCS = 'https://docs.github.com/rest';

const RATE_LIMIT_BODY = {
  message: 'API rate limit exceeded for user ID 1.',
  documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`,
  status: '403',
};
export const SECONDARY_LIMIT_DOCS = `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`;

export function notFound(): RestOutcome {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
}

export function errorBody(status: number): { message: string; documentation_url: string; status: string } {
  const messages: Record<number, string> = {
    400: 'Bad Request',
    401: 'Bad credentials',
    403: 'Forbidden',
    404: 'Not Found',
    422: 'Validation Failed',
    429: 'Too Many Requests',
    500: 'Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return { message: messages[status] ?? 'Error', documentation_url: DOCS, status: String(status) };
}

function etagOf(body: string): string {
  return `"${createHash('sha256').update(body).digest('hex')}"`;
}

/** If-None-Match holds a list of (possibly weak) tags or `*`; comparison is weak, as RFC 9110 says. */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

const COMMON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'private, max-age=60, s-maxage=60',
  vary: 'Accept, Authorization, Cookie, X-GitHub-OTP',
  'x-github-api-version-selected': '2022-11-28',
  'x-github-media-type': 'github.v3; format=json',
};

/** GitHub's request ids look like `C0DE:1A2B3:4C5D6E:7F8A9B:65A1B2C3`. */
export function requestId(ctx: FakeContext): string {
  const n = ctx.nextRequestNumber();
  const hex = (x: number) => x.toString(16).toUpperCase();
  return `FA4E:${hex(0x10000 + n)}:${hex(0x100000 + n * 7)}:${hex(0x100000 + n * 13)}:${hex(Math.floor(Date.now() / 1000))}`;
}

function stringParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** A GET endpoint at `path` below the API base. `free`: does not count against the rate limit (`/rate_limit`). */
export function getRoute(ctx: FakeContext, path: string, handle: (input: RouteInput) => RestOutcome, options: { free?: boolean } = {}): HttpHandler {
  return http.get(`${ctx.urls.api}${path}`, async ({ request, params }) => {
    const url = new URL(request.url);
    const conditional = request.headers.has('if-none-match');
    const bucket = currentBucket(ctx.bucket('core'));
    const answer = (status: number, body: string | null, headers: Record<string, string> = {}) => {
      ctx.record({ method: 'GET', url: request.url, kind: 'rest', status, conditional });
      const common = { ...COMMON_HEADERS, 'x-github-request-id': requestId(ctx), ...rateLimitHeaders(bucket, 'core') };
      return new HttpResponse(body, { status, headers: { ...common, ...headers } });
    };

    const refused = ctx.refuseCredentials(request);
    if (refused) return answer(401, JSON.stringify({ message: refused, documentation_url: DOCS, status: '401' }));
    const failure = ctx.takeFailure({ method: 'GET', url });
    if (failure !== undefined) return answer(failure, JSON.stringify(errorBody(failure)));
    switch (ctx.takeInjectedFault('rest')) {
      case 'server-error':
        return answer(502, JSON.stringify(errorBody(502)));
      case 'timeout':
        await delay(ctx.timeoutDelayMs);
        return answer(
          504,
          JSON.stringify({
            message:
              "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists.",
          }),
        );
      case 'secondary-rate-limit':
        return answer(403, JSON.stringify({ message: SECONDARY_LIMIT_MESSAGE, documentation_url: SECONDARY_LIMIT_DOCS }), {
          'retry-after': String(ctx.secondaryRetryAfter),
        });
      case 'rate-limit':
        return answer(403, JSON.stringify(RATE_LIMIT_BODY), rateLimitHeaders(bucket, 'core', 0));
      case undefined:
        break;
    }
    if (!options.free && remaining(bucket) === 0) return answer(403, JSON.stringify(RATE_LIMIT_BODY));

    const outcome = handle({ request, url, params: stringParams(params) });
    const body = JSON.stringify(outcome.body);
    if (outcome.status !== 200) {
      if (!options.free) bucket.used += 1;
      return answer(outcome.status, body);
    }
    const etag = etagOf(body);
    // GitHub does not charge a 304 against the rate limit.
    if (matchesEtag(request.headers.get('if-none-match'), etag)) return answer(304, null, { etag });
    if (!options.free) bucket.used += 1;
    return answer(200, body, { etag, ...(outcome.link ? { link: outcome.link } : {}) });
  });
}

/**
 * A repository endpoint, served at /repos/{owner}/{repo}{sub} and at /repositories/{id}{sub} (the
 * canonical form GitHub's Link headers use). An unknown repository is a 404.
 */
export function repoRoute(ctx: FakeContext, sub: string, handle: (input: RepoRouteInput) => RestOutcome): HttpHandler[] {
  const serve = (lookup: (params: Record<string, string>) => FakeRepository | undefined) => (input: RouteInput) => {
    const repo = lookup(input.params);
    if (!repo) return notFound();
    const concreteSub = sub.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(input.params[name] ?? ''));
    return handle({
      ...input,
      repo,
      page: (items, path = concreteSub) => restPage(items, input.url, `${ctx.urls.api}/repositories/${repo.id}${path}`),
    });
  };
  return [
    getRoute(
      ctx,
      `/repos/:owner/:repo${sub}`,
      serve((p) => findRepository(ctx.org, p.owner ?? '', p.repo ?? '')),
    ),
    getRoute(
      ctx,
      `/repositories/:repoId${sub}`,
      serve((p) => findRepositoryById(ctx.org, Number(p.repoId))),
    ),
  ];
}
