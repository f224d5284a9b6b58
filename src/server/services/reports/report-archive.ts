/**
 * Every generated report is archived with its text in every format, so it reads the same later;
 * the dashboard lists and serves the archive.
 */
import { FORMAT_INFO, REPORT_FORMATS, reportFileName, type ReportFormat } from '@/reports/output-formats';
import type { Db } from '@/server/db/client';
import { findReport, insertReport, listReports } from '@/server/db/queries/report-archive';
import { AppError } from '@/server/errors';
import type { WeeklyReport } from '@/reports/weekly-report.types';

export async function archiveReport(db: Db, report: WeeklyReport): Promise<number> {
  const content = Object.fromEntries(REPORT_FORMATS.map((f) => [f, FORMAT_INFO[f].render(report)]));
  return insertReport(db, {
    week: report.week.key,
    scope: { repos: report.scope.repos, team: report.scope.team },
    createdAt: report.generatedAt,
    model: JSON.parse(content.json!) as unknown,
    content,
  });
}

export async function listArchivedReports(db: Db) {
  return listReports(db, 100);
}

/** One archived report in one format, with what a download needs. */
export async function archivedReportFile(db: Db, id: number, format: ReportFormat) {
  const row = await findReport(db, id);
  if (!row) throw new AppError('NOT_FOUND', `No archived report ${id}`);
  const text = row.content[format];
  if (text === undefined) throw new AppError('NOT_FOUND', `Report ${id} has no ${format} version`);
  const model = row.model as { week: { key: string }; scope: { repos: string[]; team: string | null } };
  const fileName = reportFileName(model, format);
  return { text, contentType: FORMAT_INFO[format].contentType, fileName };
}
