import { z } from 'zod';
import { generateReport } from '@/server/services/reports/generate-report';
import { getReportsPage } from '@/server/services/reports/get-reports-page';
import { archivedReportFile } from '@/server/services/reports/report-archive';
import { ZGenerateReportInput, ZReportFile, ZReportFileInput, ZReportsPage } from '@/server/services/reports/reports-page.types';
import { rateLimited } from '../rate-limit';
import { publicProcedure, router } from '../trpc';

export const REPORTS_PER_MINUTE = { max: 6, windowMs: 60_000 };

export const reportsRouter = router({
  /** The weeks a report can be made for, and the archive (newest first). */
  page: publicProcedure.output(ZReportsPage).query(({ ctx }) => getReportsPage(ctx.db, ctx.settings, ctx.now())),

  /** One archived report in one format (the download route streams it). */
  file: publicProcedure
    .input(ZReportFileInput)
    .output(ZReportFile)
    .query(({ ctx, input }) => archivedReportFile(ctx.db, input.id, input.format)),

  /**
   * Makes a week's report and archives it; returns its archive id (an archived one's when it says
   * the same). Limited per requester: each one loads five weeks of facts.
   */
  generate: publicProcedure
    .use(rateLimited('reports made', REPORTS_PER_MINUTE))
    .input(ZGenerateReportInput)
    .output(z.object({ id: z.number().int(), reused: z.boolean() }))
    .mutation(({ ctx, input }) => generateReport(ctx.db, input, ctx.settings, ctx.config, ctx.now())),
});
