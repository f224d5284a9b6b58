/**
 * Walks one paginated REST list for a resource, the way every REST resource of the sync needs:
 * - conditional: the first page is asked with the ETag of the last complete pass; a 304 (which
 *   GitHub does not charge against the rate limit) means nothing changed and ends the pass;
 * - resumable: after each committed page the `Link: rel="next"` URL is stored as the cursor, so a
 *   killed sync continues from there;
 * - bounded: the list is read in the server's order until `isPastEnd` says an item is older than
 *   this pass needs, or the pages run out.
 * Each page is prepared (parsing, follow-up requests) outside the transaction that writes it.
 */
import { RequestError } from '@octokit/request-error';
import type { Tx } from '@/server/db/queries/upsert';
import { readSyncState, trackPass, writeSyncState, type SyncStateRow } from '@/server/db/queries/sync-state';
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
  prepare(items: unknown[]): Promise<{ rows: Rows; count: number }>;
  write(tx: Tx, rows: Rows): Promise<void>;
}

export function syncRestList<Rows>(ctx: RepoSyncContext, spec: RestListSpec<Rows>): Promise<void> {
  return trackPass(ctx.db, ctx.repo.id, spec.resource, ctx.now, () => walk(ctx, spec));
}

async function walk<Rows>(ctx: RepoSyncContext, spec: RestListSpec<Rows>): Promise<void> {
  const state = await readSyncState(ctx.db, ctx.repo.id, spec.resource);
  const resuming = !ctx.sinceOverride && state?.cursor != null;
  let pending = resuming ? state!.pendingWatermark : null;
  let nextUrl: string | null = resuming ? state!.cursor : null;
  let firstEtag: string | null = null;

  for (let page = 1; ; page += 1) {
    const sendEtag = page === 1 && !resuming && spec.conditional && !ctx.sinceOverride ? state?.etag : undefined;
    let response;
    try {
      response = nextUrl
        ? await ctx.github.octokit.request(`GET ${nextUrl}`)
        : await ctx.github.octokit.request(spec.route, {
            owner: ctx.repo.owner,
            repo: ctx.repo.name,
            ...spec.params(state),
            ...(sendEtag ? { headers: { 'if-none-match': sendEtag } } : {}),
          });
    } catch (error) {
      if (error instanceof RequestError && error.status === 304) {
        await writeSyncState(ctx.db, ctx.repo.id, spec.resource, { lastCompletedAt: ctx.now(), lastError: null });
        ctx.page(spec.resource, 0);
        return;
      }
      throw error;
    }
    if (page === 1 && !resuming) firstEtag = typeof response.headers.etag === 'string' ? response.headers.etag : null;

    const items = listItems(response.data);
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
    const next = reachedEnd ? null : nextLink(response.headers.link);

    await ctx.db.transaction(async (tx) => {
      await spec.write(tx, rows);
      await writeSyncState(
        tx,
        ctx.repo.id,
        spec.resource,
        next
          ? { cursor: next, pendingWatermark: pending }
          : {
              watermark: laterOf(state?.watermark, pending),
              etag: firstEtag,
              cursor: null,
              pendingWatermark: null,
              lastCompletedAt: ctx.now(),
              lastError: null,
            },
      );
    });
    ctx.page(spec.resource, count);
    if (!next) return;
    nextUrl = next;
  }
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
