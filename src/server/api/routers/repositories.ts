import { TRPCError } from '@trpc/server';
import { getRepositoryOverview } from '@/server/services/repositories/get-repository-overview';
import { ZGetRepositoryOverviewInput, ZRepositoryOverview } from '@/server/services/repositories/get-repository-overview.types';
import { listRepositorySummaries } from '@/server/services/repositories/list-repository-summaries';
import { ZRepositorySummaries } from '@/server/services/repositories/list-repository-summaries.types';
import { publicProcedure, router } from '../trpc';

export const repositoriesRouter = router({
  /** Every stored repository with its counts, the organisation's totals and the sync status. */
  list: publicProcedure.output(ZRepositorySummaries).query(({ ctx }) => listRepositorySummaries(ctx.db, { now: ctx.now() })),

  /** One repository's counts, by `owner/name`. */
  overview: publicProcedure
    .input(ZGetRepositoryOverviewInput)
    .output(ZRepositoryOverview)
    .query(async ({ ctx, input }) => {
      const overview = await getRepositoryOverview(ctx.db, { fullName: input.fullName, now: ctx.now() });
      if (!overview) {
        throw new TRPCError({ code: 'NOT_FOUND', message: `Repository ${input.fullName} is not stored` });
      }
      return overview;
    }),
});
