/**
 * One page of a cursor-paged GraphQL pass, written with its bookkeeping in one transaction: the
 * rows, then either the cursor to resume from (and the newest time seen so far, held pending) or,
 * on the last page, the new watermark. A killed sync resumes at the page after the last one here.
 */
import type { Tx } from '@/server/db/queries/upsert';
import { writeSyncState } from '@/server/db/queries/sync-state';
import { laterOf, type RepoSyncContext } from './sync-context';

export interface CursorPage {
  write: (tx: Tx) => Promise<void>;
  /** The last page of the pass. */
  done: boolean;
  endCursor: string | null;
  /** The newest time seen in the pass so far. */
  pending: Date | null;
  /** The watermark the pass started from. */
  watermark: Date | null | undefined;
}

export async function commitCursorPage(ctx: RepoSyncContext, resource: string, page: CursorPage): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await page.write(tx);
    await writeSyncState(
      tx,
      ctx.repo.id,
      resource,
      page.done
        ? { watermark: laterOf(page.watermark, page.pending), pendingWatermark: null, cursor: null, lastCompletedAt: ctx.now(), lastError: null }
        : { cursor: page.endCursor, pendingWatermark: page.pending },
    );
  });
}
