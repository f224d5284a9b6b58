import { z } from 'zod';
import { githubWebUrl } from '@/config/github-web-url';
import { ZAgreementsQuery, ZTeamAgreements } from '@/server/services/agreements/agreements.types';
import { listAgreements } from '@/server/services/agreements/list-agreements';
import { publicProcedure, router } from '../trpc';

export const agreementsRouter = router({
  /** Each team's working agreements over the period: adherence, trend and breaches (docs/agreements.md). */
  list: publicProcedure
    .input(ZAgreementsQuery)
    .output(z.object({ teams: z.array(ZTeamAgreements) }))
    .query(async ({ ctx, input }) => ({
      teams: await listAgreements(ctx.db, input, ctx.settings, ctx.config.teamSettings, ctx.now(), githubWebUrl(ctx.config.github.apiUrl)),
    })),
});
