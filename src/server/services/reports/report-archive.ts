/**
 * Every generated report is archived with its text in every format, so it reads the same later;
 * the dashboard lists and serves the archive.
 */
import { isDeepStrictEqual } from 'node:util';
import { FORMAT_INFO, REPORT_FORMATS, reportFileName, type ReportFormat } from '@/reports/output-formats';
import type { Db } from '@/server/db/client';
import { findLatestReportOf, findReport, insertReport, listReports } from '@/server/db/queries/report-archive';
import { AppError } from '@/server/errors';
import type { WeeklyReport } from '@/reports/weekly-report.types';

/**
 * Archives a report, unless the newest archived report of its week and scope says the same (made
 * again with nothing changed): then that one's id is returned and nothing is added, so asking
 * twice never fills the archive. Only `generatedAt` may differ between the two.
 */
export async function archiveReport(db: Db, report: WeeklyReport): Promise<{ id: number; reused: boolean }> {
  const content = Object.fromEntries(REPORT_FORMATS.map((f) => [f, FORMAT_INFO[f].render(report)]));
  const model = JSON.parse(content.json!) as Record<string, unknown>;
  const scope = { repos: report.scope.repos, team: report.scope.team };
  const latest = await findLatestReportOf(db, report.week.key, scope);
  if (latest && sameApartFromGeneratedAt(latest.model, model)) return { id: latest.id, reused: true };
  const id = await insertReport(db, { week: report.week.key, scope, createdAt: report.generatedAt, model, content });
  return { id, reused: false };
}

function sameApartFromGeneratedAt(archived: unknown, model: Record<string, unknown>): boolean {
  const { generatedAt: _a, ...before } = archived as Record<string, unknown>;
  const { generatedAt: _b, ...now } = model;
  // Both went through JSON (jsonb reorders keys): compare them as values.
  return isDeepStrictEqual(before, now);
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
