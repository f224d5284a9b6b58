/** "Generate" on the reports page: builds a week's report for the scope and archives it. */
import type { Config } from '@/config/env';
import { githubWebUrl } from '@/config/github-web-url';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import { buildWeeklyReport, type WeeklyReportInput } from './build-weekly-report';
import { archiveReport } from './report-archive';

/** Returns the archive id the report can be downloaded by (an archived one's, `reused`, when it says the same). */
export async function generateReport(
  db: Db,
  input: WeeklyReportInput,
  settings: MetricSettings,
  config: Config,
  now: Date,
): Promise<{ id: number; reused: boolean }> {
  const report = await buildWeeklyReport(db, input, settings, now, githubWebUrl(config.github.apiUrl), config.teamSettings);
  return archiveReport(db, report);
}
