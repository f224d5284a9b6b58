import { z } from 'zod';
import { githubWebUrl } from '@/config/github-web-url';
import { REPORT_FORMATS } from '@/reports/formats';
import { buildWeeklyReport } from '@/server/services/reports/build-weekly-report';
import { getReportsPage } from '@/server/services/reports/get-reports-page';
import { archiveReport, archivedReportFile } from '@/server/services/reports/report-archive';
import { ZGenerateReportInput, ZReportsPage } from '@/server/services/reports/reports-page.types';
import { publicProcedure, router } from '../trpc';

export const reportsRouter = router({
  /** The weeks a report can be made for, and the archive (newest first). */
  page: publicProcedure.output(ZReportsPage).query(({ ctx }) => getReportsPage(ctx.db, ctx.settings, ctx.now())),

  /** One archived report in one format (the download route streams it). */
  file: publicProcedure
    .input(z.object({ id: z.number().int().positive(), format: z.enum(REPORT_FORMATS) }))
    .output(z.object({ text: z.string(), contentType: z.string(), fileName: z.string() }))
    .query(({ ctx, input }) => archivedReportFile(ctx.db, input.id, input.format)),

  /** Makes a week's report and archives it; returns its archive id. */
  generate: publicProcedure
    .input(ZGenerateReportInput)
    .output(z.object({ id: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      const report = await buildWeeklyReport(ctx.db, input, ctx.settings, ctx.now(), githubWebUrl(ctx.config.github.apiUrl), ctx.config.teamSettings);
      return { id: await archiveReport(ctx.db, report) };
    }),
});
