/**
 * The report as CSV: one row per repository (and `all` for the whole scope) and metric, for a
 * spreadsheet; then one row per team and working agreement.
 */
import { toCsv, type CsvValue } from '@/formatting/csv';
import { METRIC_CATALOGUE } from '@/metrics/catalogue';
import type { WeeklyReport } from '@/reports/weekly-report.types';

export const CSV_HEADER = [
  'week',
  'repository',
  'metric',
  'label',
  'unit',
  'value',
  'p90',
  'n',
  'previous_week',
  'change_vs_previous_week',
  'four_week_average',
  'dora_band',
];

export function renderCsv(report: WeeklyReport): string {
  const rows: CsvValue[][] = report.headlines.map((x) => [
    report.week.key,
    'all',
    x.key,
    x.label,
    x.unit,
    x.value,
    x.p90,
    x.n,
    x.previousWeek,
    x.changeVsPreviousWeek,
    x.fourWeekAverage,
    x.band,
  ]);
  for (const r of report.repositories) {
    for (const m of r.metrics) {
      const d = METRIC_CATALOGUE[m.key];
      rows.push([
        report.week.key,
        r.repo,
        m.key,
        d.label,
        d.unit,
        m.value,
        m.p90,
        m.n,
        m.previousWeek,
        m.value !== null && m.previousWeek !== null ? m.value - m.previousWeek : null,
        null,
        null,
      ]);
    }
  }
  // Agreements: repository `team:SLUG`, metric `agreement:KEY`, the adherence (0–1) and n = members it applied to.
  for (const team of report.agreements) {
    for (const a of team.agreements) {
      rows.push([
        report.week.key,
        `team:${team.team}`,
        `agreement:${a.agreement}`,
        a.label,
        'ratio',
        a.adherence,
        null,
        a.applied,
        a.previousWeek,
        a.changeVsPreviousWeek,
        null,
        null,
      ]);
    }
  }
  return toCsv(CSV_HEADER, rows);
}
