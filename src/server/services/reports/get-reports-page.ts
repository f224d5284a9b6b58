/** The reports page: the last twelve complete weeks (newest first) in the configured zone, and the archive. */
import { weeksBefore } from '@/metrics/weeks';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import { listArchivedReports } from './report-archive';
import { reportWeek } from './report-week';
import type { ReportsPage } from './reports-page.types';

export async function getReportsPage(db: Db, settings: MetricSettings, now: Date): Promise<ReportsPage> {
  const last = reportWeek(undefined, now, settings.timeZone);
  const weeks = [...weeksBefore(last, 11, settings.timeZone), last].reverse();
  return { timeZone: settings.timeZone, weeks: weeks.map((w) => ({ key: w.key, from: w.from, to: w.to })), archive: await listArchivedReports(db) };
}
