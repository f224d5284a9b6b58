/**
 * Hand-built PullRequestRecords for the PR metric tests: a test spells out only the timeline it cares
 * about. Defaults: repo acme/api, author alice (a human), created at the given time, open, one-line
 * change, no commits, reviews, events or comments.
 *
 *   const p = pr({ createdAt: '2026-11-02T10:00:00Z', mergedAt: '2026-11-03T10:00:00Z',
 *                  reviews: [review('bob', 'APPROVED', '2026-11-02T13:30:00Z')] });
 */
import type { CommentRecord, PullRequestEventRecord, PullRequestRecord, ReviewRecord, ReviewState } from '@/metrics/records';
import { DEFAULT_OPTIONS, type Account, type MetricOptions } from '@/metrics/types';

export const t = (iso: string): Date => new Date(iso);
export const HOUR = 3600;
export const MINUTE = 60;

export function user(login: string | null): Account {
  return { login, type: login?.endsWith('[bot]') ? 'Bot' : 'User' };
}

let lastId = 0;
const nextId = () => ++lastId;

export function review(login: string | null, state: ReviewState, submittedAt: string | null): ReviewRecord {
  return { id: nextId(), author: user(login), state, submittedAt: submittedAt ? t(submittedAt) : null };
}

/** A review request to a person (`bob`) or a team (`{ team: 'backend' }`), made by `by` (default alice). */
export function requested(at: string, to: string | { team: string }, by: string | null = 'alice'): PullRequestEventRecord {
  return event('review_requested', at, to, by);
}

export function removed(at: string, to: string | { team: string }, by: string | null = 'alice'): PullRequestEventRecord {
  return event('review_request_removed', at, to, by);
}

function event(kind: PullRequestEventRecord['kind'], at: string, to: string | { team: string }, by: string | null): PullRequestEventRecord {
  return {
    kind,
    createdAt: t(at),
    actor: by === null ? null : user(by),
    reviewer: typeof to === 'string' ? user(to) : null,
    team: typeof to === 'string' ? null : to.team,
  };
}

export function readyForReview(at: string): PullRequestEventRecord {
  return { kind: 'ready_for_review', createdAt: t(at), actor: user('alice'), reviewer: null, team: null };
}

export function convertToDraft(at: string): PullRequestEventRecord {
  return { kind: 'convert_to_draft', createdAt: t(at), actor: user('alice'), reviewer: null, team: null };
}

export function comment(login: string, kind: 'conversation' | 'diff', at: string): CommentRecord {
  return { id: nextId(), author: user(login), kind, createdAt: t(at) };
}

export interface PrSpec {
  number?: number;
  title?: string;
  author?: string | null;
  createdAt: string;
  mergedAt?: string;
  closedAt?: string;
  /** Merged by this login (default: nobody known). */
  mergedBy?: string;
  /** Open while neither merged nor closed. */
  state?: PullRequestRecord['state'];
  isDraft?: boolean;
  additions?: number;
  deletions?: number;
  /** Commit author dates. */
  commits?: string[];
  reviews?: ReviewRecord[];
  events?: PullRequestEventRecord[];
  comments?: CommentRecord[];
  repo?: string;
}

export function pr(spec: PrSpec): PullRequestRecord {
  const id = nextId();
  const state = spec.state ?? (spec.mergedAt ? 'merged' : spec.closedAt ? 'closed' : 'open');
  const mergedAt = spec.mergedAt ? t(spec.mergedAt) : null;
  return {
    id,
    repoId: 1,
    repo: spec.repo ?? 'acme/api',
    number: spec.number ?? id,
    title: spec.title ?? `PR ${spec.number ?? id}`,
    author: user(spec.author === undefined ? 'alice' : spec.author),
    state,
    isDraft: spec.isDraft ?? false,
    createdAt: t(spec.createdAt),
    closedAt: spec.closedAt ? t(spec.closedAt) : mergedAt,
    mergedAt,
    mergedBy: spec.mergedBy ? user(spec.mergedBy) : null,
    mergeCommitSha: mergedAt ? `sha${id}` : null,
    headRef: `feature-${id}`,
    baseRef: 'main',
    additions: spec.additions ?? 1,
    deletions: spec.deletions ?? 0,
    labels: [],
    commits: (spec.commits ?? []).map((at, i) => ({ sha: `c${id}-${i}`, authoredAt: t(at) })),
    reviews: spec.reviews ?? [],
    events: spec.events ?? [],
    comments: spec.comments ?? [],
  };
}

/** Default options at `now`, overridable. */
export function options(now: string, overrides: Partial<MetricOptions> = {}): MetricOptions {
  return { ...DEFAULT_OPTIONS, now: t(now), ...overrides };
}
