/** The report as JSON: the model itself, dates as ISO 8601, keys as documented in docs/reports.md. */
import type { WeeklyReport } from '@/reports/weekly-report.types';

export function renderJson(report: WeeklyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
