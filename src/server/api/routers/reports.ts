import { z } from 'zod';
import { generateReport } from '@/server/services/reports/generate-report';
import { getReportsPage } from '@/server/services/reports/get-reports-page';
import { archivedReportFile } from '@/server/services/reports/report-archive';
import { ZGenerateReportInput, ZReportFile, ZReportFileInput, ZReportsPage } from '@/server/services/reports/reports-page.types';
import { publicProcedure, router } from '../trpc';

export const reportsRouter = router({
  /** The weeks a report can be made for, and the archive (newest first). */
  page: publicProcedure.output(ZReportsPage).query(({ ctx }) => getReportsPage(ctx.db, ctx.settings, ctx.now())),

  /** One archived report in one format (the download route streams it). */
  file: publicProcedure
    .input(ZReportFileInput)
    .output(ZReportFile)
    .query(({ ctx, input }) => archivedReportFile(ctx.db, input.id, input.format)),

  /** Makes a week's report and archives it; returns its archive id. */
  generate: publicProcedure
    .input(ZGenerateReportInput)
    .output(z.object({ id: z.number().int() }))
    .mutation(({ ctx, input }) => generateReport(ctx.db, input, ctx.settings, ctx.config, ctx.now())),
});
