/** The reports page at the boundary: weeks to generate, and the archive. */
import { z } from 'zod';
import { CALENDAR_BOUNDS_MESSAGE, isYearInBounds } from '@/metrics/calendar-bounds';
import { REPORT_FORMATS } from '@/reports/output-formats';

export const ZGenerateReportInput = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/, 'use an ISO week like 2026-W45')
    .refine((s) => isYearInBounds(Number(s.slice(0, 4))), CALENDAR_BOUNDS_MESSAGE),
  repos: z
    .array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'use owner/name'))
    .max(500)
    .optional(),
  team: z
    .string()
    .regex(/^[\w.-]+$/, 'a team slug')
    .optional(),
});

export const ZReportsPage = z.object({
  /** The configured zone the weeks are cut in. */
  timeZone: z.string(),
  /** The last complete weeks, newest first. */
  weeks: z.array(z.object({ key: z.string(), from: z.date(), to: z.date() })),
  archive: z.array(
    z.object({ id: z.number().int(), week: z.string(), scope: z.object({ repos: z.array(z.string()), team: z.string().nullable() }), createdAt: z.date() }),
  ),
});
export type ReportsPage = z.infer<typeof ZReportsPage>;

/** Archive ids are a Postgres `serial`: an id past its range names no report and is refused as such. */
export const MAX_REPORT_ID = 2_147_483_647;

/** One archived report in one format. */
export const ZReportFileInput = z.object({
  id: z.number().int('a whole number').positive('a positive number').max(MAX_REPORT_ID, `no report id exceeds ${MAX_REPORT_ID}`),
  format: z.enum(REPORT_FORMATS),
});
export type ReportFileInput = z.infer<typeof ZReportFileInput>;
export const ZReportFile = z.object({ text: z.string(), contentType: z.string(), fileName: z.string() });
