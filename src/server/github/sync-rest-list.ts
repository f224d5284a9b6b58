/**
 * Walks one paginated REST list for a resource, the way every REST resource of the sync needs:
 * - conditional: the first page is asked with the ETag of the last complete pass; a 304 (which
 *   GitHub does not charge against the rate limit) means nothing changed and ends the pass;
 * - resumable: after each committed page the `Link: rel="next"` URL is stored as the cursor, so a
 *   killed sync continues from there;
 * - bounded: the list is read in the server's order until `isPastEnd` says an item is older than
 *   this pass needs, or the pages run out;
 * - complete: a list GitHub cuts short (`capped`) is asked in narrower parts, each a cursor in turn;
 * - confined: a cursor is followed only inside the configured API (it is requested with the token).
 * Each page is prepared (parsing, follow-up requests) outside the transaction that writes it.
 */
import { RequestError } from '@octokit/request-error';
import type { Tx } from '@/server/db/queries/upsert';
import { readSyncState, trackPass, writeSyncState, type SyncStatePatch, type SyncStateRow } from '@/server/db/queries/sync-state';
import { laterOf, type RepoSyncContext } from './sync-context';

export interface RestListSpec<Rows> {
  resource: string;
  /** e.g. `GET /repos/{owner}/{repo}/deployments` */
  route: string;
  params(state: SyncStateRow | undefined): Record<string, string | number>;
  /** Ask with the stored ETag. Only for lists whose URL repeats when nothing changed. */
  conditional: boolean;
  /** The time that advances this resource's watermark, read from a raw item (null: unreadable). */
  itemTime(item: unknown): Date | null;
  /** True for the first item this pass no longer needs (the list is in the server's order). */
  isPastEnd?(item: unknown, state: SyncStateRow | undefined): boolean;
  /** For a list GitHub caps: how to read every item anyway. */
  capped?: CappedList;
  prepare(items: unknown[]): Promise<{ rows: Rows; count: number }>;
  write(tx: Tx, rows: Rows): Promise<void>;
}

/**
 * A list whose filtered answers GitHub cuts short: it serves at most `cap` items however many match,
 * while its `total` still counts them all. An answer over the cap is never read; its request is
 * narrowed instead, and when a narrowed request's pages are done, the rest of the pass follows.
 * Both are plain request URLs, so they are stored as the cursor like a `Link: rel="next"` URL.
 */
export interface CappedList {
  cap: number;
  /** How many items match the request, whatever the answer holds. */
  total(data: unknown): number;
  /** A request for part of what `url` asked, whose answer `items` (of `total`) was over the cap. */
  narrow(url: URL, items: unknown[], total: number): URL;
  /** The first page of what this pass still has to read once `url`'s pages are done; null when nothing is. */
  rest(url: URL, state: SyncStateRow | undefined): URL | null;
}

export function syncRestList<Rows>(ctx: RepoSyncContext, spec: RestListSpec<Rows>): Promise<void> {
  return trackPass(ctx.db, ctx.repo.id, spec.resource, ctx.now, () => walk(ctx, spec));
}

async function walk<Rows>(ctx: RepoSyncContext, spec: RestListSpec<Rows>): Promise<void> {
  const state = await readSyncState(ctx.db, ctx.repo.id, spec.resource);
  const resuming = !ctx.sinceOverride && state?.cursor != null;
  let pending = resuming ? state!.pendingWatermark : null;
  let url = resuming
    ? apiUrlOf(state!.cursor!, ctx.github.apiUrl)
    : new URL(ctx.github.octokit.request.endpoint(spec.route, { owner: ctx.repo.owner, repo: ctx.repo.name, ...spec.params(state) }).url);
  let firstEtag: string | null = null;
  const passComplete = (): SyncStatePatch => ({
    watermark: laterOf(state?.watermark, pending),
    etag: firstEtag,
    cursor: null,
    pendingWatermark: null,
    lastCompletedAt: ctx.now(),
    lastError: null,
  });

  for (let request = 1; ; request += 1) {
    const sendEtag = request === 1 && !resuming && spec.conditional && !ctx.sinceOverride ? state?.etag : undefined;
    let response;
    try {
      response = await ctx.github.octokit.request(`GET ${url.href}`, sendEtag ? { headers: { 'if-none-match': sendEtag } } : {});
    } catch (error) {
      if (error instanceof RequestError && error.status === 304) {
        await writeSyncState(ctx.db, ctx.repo.id, spec.resource, { lastCompletedAt: ctx.now(), lastError: null });
        ctx.page(spec.resource, 0);
        return;
      }
      const served = request > 1 || resuming ? servedOnly(error) : null;
      if (served !== null) {
        // GitHub lists no further (releases: the newest 1,000). Asking again would fail the same way
        // on every sync, so the pass ends here, and says what it could not read.
        ctx.logger.warn(`${ctx.repo.fullName}: GitHub lists only the first ${served} ${spec.resource}; older ones are not synced`);
        await writeSyncState(ctx.db, ctx.repo.id, spec.resource, passComplete());
        return;
      }
      throw error;
    }
    // The ETag of the pass's first question, which the next pass asks again.
    if (request === 1 && !resuming) firstEtag = typeof response.headers.etag === 'string' ? response.headers.etag : null;

    const items = listItems(response.data);
    if (spec.capped) {
      const total = spec.capped.total(response.data);
      if (total > spec.capped.cap) {
        // Nothing of a cut-short answer is stored: the narrower request reads the same items again.
        // It becomes the cursor at once, so a resumed pass does not ask the cut-short question again.
        url = spec.capped.narrow(url, items, total);
        await writeSyncState(ctx.db, ctx.repo.id, spec.resource, { cursor: url.href, pendingWatermark: pending });
        continue;
      }
    }
    const kept: unknown[] = [];
    let reachedEnd = false;
    for (const item of items) {
      if (spec.isPastEnd?.(item, state)) {
        reachedEnd = true;
        break;
      }
      kept.push(item);
      pending = laterOf(pending, spec.itemTime(item));
    }
    const { rows, count } = await spec.prepare(kept);
    const link = nextLink(response.headers.link);
    const next = reachedEnd ? null : link ? apiUrlOf(link, ctx.github.apiUrl) : (spec.capped?.rest(url, state) ?? null);

    await ctx.db.transaction(async (tx) => {
      await spec.write(tx, rows);
      await writeSyncState(tx, ctx.repo.id, spec.resource, next ? { cursor: next.href, pendingWatermark: pending } : passComplete());
    });
    ctx.page(spec.resource, count);
    if (!next) return;
    url = next;
  }
}

/**
 * A stored cursor or `Link` URL is requested with the token, so it must point into the configured
 * API (same origin, same path prefix): anything else is refused before a request is made.
 */
export function apiUrlOf(text: string, apiUrl: string): URL {
  const base = new URL(apiUrl.replace(/\/+$/, ''));
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`refused to follow the cursor ${JSON.stringify(text)}: it is not a URL of the GitHub API at ${base.href}`);
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  const inside = url.pathname === prefix || url.pathname.startsWith(`${prefix}/`);
  if (url.origin !== base.origin || !inside || url.username !== '' || url.password !== '') {
    throw new Error(
      `refused to follow the cursor ${url.origin}${url.pathname}: it is outside the GitHub API at ${base.origin}${prefix || '/'} ` +
        '(if GITHUB_API_URL changed, a sync with --since starts the list over)',
    );
  }
  return url;
}

/** N when GitHub refused a page past the first N items it lists ("Only the first 1000 results are available."). */
function servedOnly(error: unknown): number | null {
  if (!(error instanceof RequestError) || error.status !== 422) return null;
  const match = /Only the first (\d+) results are available/.exec(error.message);
  return match ? Number(match[1]) : null;
}

/** A list endpoint answers an array, or an envelope such as `{ total_count, workflow_runs: [...] }`. */
function listItems(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    const array = Object.values(data).find(Array.isArray);
    if (array) return array;
  }
  throw new Error(`expected a list from GitHub, got ${typeof data}`);
}

function nextLink(link: unknown): string | null {
  if (typeof link !== 'string') return null;
  const match = /<([^>]+)>;\s*rel="next"/.exec(link);
  return match ? match[1]! : null;
}

/** The raw item's timestamp field, or null when it is missing or unreadable. */
export function timeField(field: string): (item: unknown) => Date | null {
  return (item) => {
    const value = (item as Record<string, unknown> | null)?.[field];
    if (typeof value !== 'string') return null;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : date;
  };
}
