import { explainMetric } from '@/server/services/metrics/explain-metric';
import { getRepositoryDetail } from '@/server/services/metrics/get-repository-detail';
import { getTeamHealth } from '@/server/services/metrics/get-team-health';
import { ZMetricExplanation } from '@/server/services/metrics/metric-view.types';
import { ZExplainMetricInput, ZMetricsQuery } from '@/server/services/metrics/metrics-query.types';
import { ZRepositoryDetail, ZRepositoryDetailInput } from '@/server/services/metrics/repository-detail.types';
import { ZTeamHealth } from '@/server/services/metrics/team-health.types';
import { publicProcedure, router } from '../trpc';

export const metricsRouter = router({
  /** The overview: headline cards against the previous period, phases per week, what needs attention. */
  teamHealth: publicProcedure
    .input(ZMetricsQuery)
    .output(ZTeamHealth)
    .query(({ ctx, input }) => getTeamHealth(ctx.db, input, ctx.settings, ctx.now())),

  /** One repository's deployments, CI workflows and coverage over the period. */
  repository: publicProcedure
    .input(ZMetricsQuery.and(ZRepositoryDetailInput))
    .output(ZRepositoryDetail)
    .query(({ ctx, input }) => {
      const { repo, ...query } = input;
      return getRepositoryDetail(ctx.db, query, repo, ctx.settings, ctx.now());
    }),

  /** One metric with every member it was computed from and its formula. */
  explain: publicProcedure
    .input(ZExplainMetricInput)
    .output(ZMetricExplanation)
    .query(({ ctx, input }) => {
      const { metric, ...query } = input;
      return explainMetric(ctx.db, query, metric, ctx.settings, ctx.now());
    }),
});
