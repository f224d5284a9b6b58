/** The four formats of a report, with what a download or a file needs to know about each. */
import type { WeeklyReport } from '@/reports/weekly-report.types';
import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';

export const REPORT_FORMATS = ['md', 'html', 'csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const FORMAT_INFO: Record<ReportFormat, { contentType: string; render: (report: WeeklyReport) => string }> = {
  md: { contentType: 'text/markdown; charset=utf-8', render: renderMarkdown },
  html: { contentType: 'text/html; charset=utf-8', render: renderHtml },
  csv: { contentType: 'text/csv; charset=utf-8', render: renderCsv },
  json: { contentType: 'application/json; charset=utf-8', render: renderJson },
};

/** `leadline-2026-W45.md`, or with the scope: `leadline-2026-W45-acme-api.md`. */
export function reportFileName(report: { week: { key: string }; scope: { repos: string[]; team: string | null } }, format: ReportFormat): string {
  const scope = report.scope.team ? `-team-${report.scope.team}` : report.scope.repos.length === 1 ? `-${report.scope.repos[0]!.replace('/', '-')}` : '';
  return `leadline-${report.week.key}${scope}.${format}`.replace(/[^\w.-]/g, '_');
}
