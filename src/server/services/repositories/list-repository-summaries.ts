/**
 * What is stored, per repository and in total: pull requests by state, merges in the last 28 days,
 * reviews, workflow runs, deployments, and when each was last synced.
 */
import type { Db } from '@/server/db/client';
import {
  selectCountsTotals,
  selectLastSyncedAt,
  selectLatestSyncRun,
  selectRepositoryCounts,
  type RepositoryCountsRow,
} from '@/server/db/queries/repository-summaries';
import { ZSyncRunStatus, type RepositorySummaries, type RepositorySummary, type SummaryWindow } from './list-repository-summaries.types';

export const SUMMARY_WINDOW_DAYS = 28;

const DAY_MS = 86_400_000;

/** The `days` before `now`, as absolute UTC instants: no calendar or DST arithmetic involved. */
export function summaryWindow(now: Date, days = SUMMARY_WINDOW_DAYS): SummaryWindow {
  if (Number.isNaN(now.getTime())) throw new RangeError('now is not a valid date');
  return { from: new Date(now.getTime() - days * DAY_MS), to: new Date(now.getTime()), days };
}

export function toRepositorySummary(row: RepositoryCountsRow): RepositorySummary {
  const { mergedInRange, ...rest } = row;
  return { ...rest, mergedInWindow: mergedInRange };
}

export async function listRepositorySummaries(db: Db, options: { now: Date }): Promise<RepositorySummaries> {
  const window = summaryWindow(options.now);
  const [rows, totals, lastSyncedAt, latestRun] = await Promise.all([
    selectRepositoryCounts(db, window),
    selectCountsTotals(db, window),
    selectLastSyncedAt(db),
    selectLatestSyncRun(db),
  ]);
  const { mergedInRange, ...totalCounts } = totals;
  return {
    window,
    repositories: rows.map(toRepositorySummary),
    totals: { ...totalCounts, mergedInWindow: mergedInRange },
    sync: {
      lastSyncedAt,
      latestRun: latestRun ? { ...latestRun, status: ZSyncRunStatus.parse(latestRun.status) } : null,
    },
  };
}
