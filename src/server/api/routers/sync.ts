import { getSyncPage } from '@/server/services/sync/get-sync-page';
import { ZLiveSync, ZSyncPage, ZSyncProgress } from '@/server/services/sync/sync-page.types';
import { getSyncProgress, startSync } from '@/server/services/sync/sync-now';
import { publicProcedure, router } from '../trpc';

export const syncRouter = router({
  /** The sync page: freshness per repository and resource, the latest runs, the live sync, and whether one can start. */
  status: publicProcedure.output(ZSyncPage).query(({ ctx }) => getSyncPage(ctx.db, ctx.config, ctx.now())),

  /** Cheap, polled every second while a sync runs: this server's sync, or one running in another process. */
  progress: publicProcedure.output(ZSyncProgress).query(({ ctx }) => getSyncProgress(ctx.db, ctx.now())),

  /** Starts a sync of the configured repositories and returns at once; 409 while one runs anywhere, 412 saying what to set without credentials or repositories. */
  start: publicProcedure.output(ZLiveSync).mutation(({ ctx }) => startSync({ db: ctx.db, config: ctx.config, now: ctx.now, client: ctx.syncClient })),
});
