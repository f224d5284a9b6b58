import { listPullRequests } from '@/server/services/pull-requests/list-pull-requests';
import { ZPullRequestList } from '@/server/services/pull-requests/list-pull-requests.types';
import { ZMetricsQuery } from '@/server/services/metrics/metrics-query.types';
import { publicProcedure, router } from '../trpc';

export const pullRequestsRouter = router({
  /** Every PR with activity in the period, with its timestamps, phases, size, reviews and deployment. */
  list: publicProcedure
    .input(ZMetricsQuery)
    .output(ZPullRequestList)
    .query(({ ctx, input }) => listPullRequests(ctx.db, input, ctx.settings, ctx.now())),
});
