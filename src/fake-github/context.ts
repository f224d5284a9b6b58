/**
 * State shared by the fake GitHub's REST and GraphQL handlers: where it is served, the world it serves,
 * the rate-limit buckets, the request log and the failures tests schedule.
 */
import { createHash } from 'node:crypto';
import type { InjectedFault } from './faults';
import type { FakeOrg, FakeRepository, FakeUser } from './model';

export interface RecordedRequest {
  method: string;
  url: string;
  kind: 'rest' | 'graphql';
  operationName?: string;
  status: number;
  /** The request sent If-None-Match. */
  conditional: boolean;
}

/** An error GitHub puts beside partial data: a `type` such as NOT_FOUND or FORBIDDEN, or none (a timeout). */
export interface PartialAnswerError {
  type?: string;
  message: string;
}

/** What GitHub says beside the data when part of a query timed out. */
export const TIMEOUT_MESSAGE =
  'Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please try again later.';

export interface RequestMatch {
  method: string;
  url: URL;
  operationName?: string;
}

export interface FakeUrls {
  /** REST base, no trailing slash: https://api.github.com or https://HOST/api/v3. */
  api: string;
  /** https://api.github.com/graphql or https://HOST/api/graphql. */
  graphql: string;
  /** The web UI: https://github.com or https://HOST. */
  web: string;
}

export type RateResource = 'core' | 'graphql';

export interface RateBucket {
  limit: number;
  used: number;
  /** Epoch seconds when the window resets. */
  reset: number;
}

export interface FakeContext {
  /** Read at request time: tests mutate or replace the world between syncs. */
  readonly org: FakeOrg;
  readonly urls: FakeUrls;
  bucket(resource: RateResource): RateBucket;
  record(request: RecordedRequest): void;
  /** The status of a scheduled failure this request consumes, if any. */
  takeFailure(request: RequestMatch): number | undefined;
  /** Whether this GraphQL request must answer RATE_LIMITED (consumes one scheduled answer). */
  takeGraphqlRateLimit(): boolean;
  /** The path this GraphQL answer must leave unresolved (null, with the error), if one is scheduled. */
  takePartialAnswer(operationName: string | undefined): { path: (string | number)[]; error: PartialAnswerError } | undefined;
  /** The injected fault this request meets (see faults.ts), if fault injection is on. */
  takeInjectedFault(api: 'rest' | 'graphql'): InjectedFault | undefined;
  /** How long an injected timeout holds its answer back, ms. */
  readonly timeoutDelayMs: number;
  /** `retry-after` of an injected secondary limit, seconds. */
  readonly secondaryRetryAfter: number;
  /** Null when the request may read: a token-less fake accepts anything; with a GitHub App, only its live installation tokens. */
  refuseCredentials(request: Request): string | null;
  /** 1, 2, 3 … for x-github-request-id. */
  nextRequestNumber(): number;
}

export function resolveUrls(apiUrl = 'https://api.github.com'): FakeUrls {
  const api = apiUrl.replace(/\/+$/, '');
  const url = new URL(api);
  if (/\/api\/v3$/.test(url.pathname)) {
    return { api, graphql: api.replace(/\/api\/v3$/, '/api/graphql'), web: url.origin };
  }
  const web = url.hostname === 'api.github.com' ? 'https://github.com' : url.origin;
  return { api, graphql: `${api}/graphql`, web };
}

/** Rolls the hourly window when it has passed, as GitHub does. */
export function currentBucket(bucket: RateBucket, now = Date.now()): RateBucket {
  const seconds = Math.floor(now / 1000);
  if (seconds >= bucket.reset) {
    bucket.used = 0;
    bucket.reset = seconds + 3600;
  }
  return bucket;
}

export function newBucket(limit: number, now = Date.now()): RateBucket {
  return { limit, used: 0, reset: Math.floor(now / 1000) + 3600 };
}

export function remaining(bucket: RateBucket): number {
  return Math.max(0, bucket.limit - bucket.used);
}

export function rateLimitHeaders(bucket: RateBucket, resource: string, remainingOverride?: number): Record<string, string> {
  return {
    'x-ratelimit-limit': String(bucket.limit),
    'x-ratelimit-remaining': String(remainingOverride ?? remaining(bucket)),
    'x-ratelimit-reset': String(bucket.reset),
    'x-ratelimit-used': String(remainingOverride === 0 ? bucket.limit : bucket.used),
    'x-ratelimit-resource': resource,
  };
}

/** A stable positive 31-bit id for things the model does not number (labels, check suites, ghosts…). */
export function hashId(text: string): number {
  const digest = createHash('sha256').update(text).digest();
  return digest.readUInt32BE(0) & 0x7fffffff || 1;
}

/** GitHub's timestamps: UTC, whole seconds, `Z` (2024-01-02T03:04:05Z). Null and unparseable pass through. */
export function githubTime<T extends string | null>(iso: T): T {
  if (iso == null) return iso;
  const ms = Date.parse(iso);
  return (Number.isNaN(ms) ? iso : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')) as T;
}

export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Owner and name are case-insensitive on GitHub. */
export function findRepository(org: FakeOrg, owner: string, name: string): FakeRepository | undefined {
  return org.repositories.find((r) => sameName(r.owner, owner) && sameName(r.name, name));
}

export function findRepositoryById(org: FakeOrg, id: number): FakeRepository | undefined {
  return org.repositories.find((r) => r.id === id);
}

export function fullName(repo: FakeRepository): string {
  return `${repo.owner}/${repo.name}`;
}

/** GitHub's placeholder for deleted accounts in REST payloads. */
export const GHOST: FakeUser = { id: 10137, nodeId: 'MDQ6VXNlcjEwMTM3', login: 'ghost', type: 'User' };

/** The model's user, or (for a login the model does not list) a consistent stand-in. */
export function findUser(org: FakeOrg, login: string): FakeUser {
  const user = org.users.find((u) => sameName(u.login, login));
  if (user) return user;
  const type = login.endsWith('[bot]') ? 'Bot' : 'User';
  const id = hashId(`user:${login}`);
  return { id, nodeId: `${type === 'Bot' ? 'BOT' : 'U'}_${Buffer.from(`fake:${id}`).toString('base64url')}`, login, type };
}
