import { z } from 'zod';
import { ZAgreementsQuery, ZTeamAgreements } from '@/server/services/agreements/agreements.types';
import { getAgreements } from '@/server/services/agreements/get-agreements';
import { publicProcedure, router } from '../trpc';

export const agreementsRouter = router({
  /** Each team's working agreements over the period: adherence, trend and breaches (docs/agreements.md). */
  list: publicProcedure
    .input(ZAgreementsQuery)
    .output(z.object({ teams: z.array(ZTeamAgreements) }))
    .query(({ ctx, input }) => getAgreements(ctx.db, input, ctx.settings, ctx.config, ctx.now())),
});
