import { consoleLogger } from '@/server/logger';
import { getSyncPage } from '@/server/services/sync/get-sync-page';
import { ZLiveSync, ZSyncPage } from '@/server/services/sync/sync-page.types';
import { startSync } from '@/server/services/sync/sync-now';
import { publicProcedure, router } from '../trpc';

export const syncRouter = router({
  /** Per repository freshness, the latest run, the live sync of this server, and whether one can start. */
  status: publicProcedure.output(ZSyncPage).query(({ ctx }) => getSyncPage(ctx.db, ctx.config)),

  /** Starts a sync of the configured repositories; 409 while one runs, 412 without credentials. */
  start: publicProcedure
    .output(ZLiveSync)
    .mutation(({ ctx }) => startSync({ db: ctx.db, config: ctx.config, logger: consoleLogger, now: ctx.now, client: ctx.syncClient })),
});
