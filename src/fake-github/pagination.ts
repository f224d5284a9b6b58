/**
 * Pagination as GitHub does it: Relay connections with opaque cursors for GraphQL, and
 * `per_page`/`page` with a `Link` header for REST.
 */

/** An error GitHub reports with a `type` (NOT_FOUND, INVALID_CURSOR_ARGUMENTS, …) beside its message. */
export class GitHubGraphqlError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'GitHubGraphqlError';
  }
}

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * How a cursor finds its place again. `sorted`: the list is ordered by `key` under `compare`, so a
 * cursor stays meaningful when items move or vanish (GitHub's cursors for ordered connections encode
 * the sort key). Otherwise the cursor names the item by `key` (its index by default).
 */
export type CursorOrder<T> =
  | { key: (item: T, index: number) => unknown; compare: (a: unknown, b: unknown) => number }
  | { key?: (item: T, index: number) => unknown; compare?: undefined };

const PREFIX = 'cursor:v2:';

export function encodeCursor(key: unknown): string {
  return Buffer.from(PREFIX + JSON.stringify(key)).toString('base64');
}

export function decodeCursor(cursor: string): unknown {
  const text = Buffer.from(cursor, 'base64').toString('utf8');
  if (!text.startsWith(PREFIX)) throw invalidCursor(cursor);
  try {
    return JSON.parse(text.slice(PREFIX.length));
  } catch {
    throw invalidCursor(cursor);
  }
}

function invalidCursor(cursor: string): GitHubGraphqlError {
  return new GitHubGraphqlError('INVALID_CURSOR_ARGUMENTS', `\`${cursor}\` does not appear to be a valid cursor.`);
}

function sameKey(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function connection<T>(items: readonly T[], args: ConnectionArgs, order: CursorOrder<T> = {}): Connection<T> {
  const keyOf = order.key ?? ((_: T, index: number) => index);
  const keys = items.map((item, index) => keyOf(item, index));
  const locate = (cursor: string, inclusive: boolean): number => {
    const key = decodeCursor(cursor);
    if (order.compare) {
      const compare = order.compare;
      const found = keys.findIndex((k) => (inclusive ? compare(k, key) >= 0 : compare(k, key) > 0));
      return found === -1 ? items.length : found;
    }
    const found = keys.findIndex((k) => sameKey(k, key));
    if (found !== -1) return inclusive ? found : found + 1;
    if (typeof key === 'number' && order.key === undefined) return Math.min(items.length, inclusive ? key : key + 1);
    throw invalidCursor(cursor);
  };

  let start = args.after ? locate(args.after, false) : 0;
  let end = args.before ? locate(args.before, true) : items.length;
  if (end < start) end = start;
  for (const [name, value] of [
    ['first', args.first],
    ['last', args.last],
  ] as const) {
    if (value != null && value < 0) {
      throw new GitHubGraphqlError('INVALID_ARGUMENTS', `\`${name}\` must be a non-negative integer.`);
    }
  }
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);

  const edges = items.slice(start, end).map((node, i) => ({ cursor: encodeCursor(keys[start + i]), node }));
  return {
    nodes: edges.map((e) => e.node),
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

/** Compares tuples of strings/numbers element by element; `direction` -1 reverses. */
export function compareTuples(direction: 1 | -1) {
  return (a: unknown, b: unknown): number => {
    const left = a as (string | number)[];
    const right = b as (string | number)[];
    for (let i = 0; i < Math.max(left.length, right.length); i++) {
      const x = left[i];
      const y = right[i];
      if (x === y) continue;
      if (x === undefined) return -direction;
      if (y === undefined) return direction;
      return (x < y ? -1 : 1) * direction;
    }
    return 0;
  };
}

export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

export interface RestPage<T> {
  items: T[];
  /** The Link header, absent when everything fits on one page. */
  link?: string;
}

/**
 * One page of `items` as GitHub serves it. `linkBase` is the canonical absolute URL of the resource
 * (GitHub links repository resources as …/repositories/{id}/…); the request's query is kept with
 * `page` replaced, so links carry `per_page` and filters.
 */
export function restPage<T>(items: readonly T[], requestUrl: URL, linkBase: string): RestPage<T> {
  const perPageParam = Number.parseInt(requestUrl.searchParams.get('per_page') ?? '', 10);
  const perPage = Number.isFinite(perPageParam) && perPageParam > 0 ? Math.min(perPageParam, MAX_PER_PAGE) : DEFAULT_PER_PAGE;
  const pageParam = Number.parseInt(requestUrl.searchParams.get('page') ?? '', 10);
  const page = Number.isFinite(pageParam) && pageParam > 0 ? pageParam : 1;
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const pageItems = items.slice((page - 1) * perPage, page * perPage);

  const href = (n: number) => {
    const params = new URLSearchParams(requestUrl.searchParams);
    params.set('page', String(n));
    return `<${linkBase}?${params.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${href(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) links.push(`${href(page + 1)}; rel="next"`, `${href(lastPage)}; rel="last"`);
  if (page > 1) links.push(`${href(1)}; rel="first"`);
  return { items: pageItems, link: links.length > 0 ? links.join(', ') : undefined };
}
