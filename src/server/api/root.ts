import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { agreementsRouter } from './routers/agreements';
import { metricsRouter } from './routers/metrics';
import { pullRequestsRouter } from './routers/pull-requests';
import { reportsRouter } from './routers/reports';
import { repositoriesRouter } from './routers/repositories';
import { syncRouter } from './routers/sync';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  repositories: repositoriesRouter,
  metrics: metricsRouter,
  pullRequests: pullRequestsRouter,
  sync: syncRouter,
  reports: reportsRouter,
  agreements: agreementsRouter,
});

export type AppRouter = typeof appRouter;
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Calls procedures in-process, without HTTP: server components and tests. */
export const createCaller = createCallerFactory(appRouter);
