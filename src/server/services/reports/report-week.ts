/** Which ISO week a report covers: the one named, else the last complete one, never one not begun. */
import { weekFromKey, weekOf } from '@/metrics/weeks';
import type { Period } from '@/metrics/types';
import { AppError } from '@/server/errors';

export function reportWeek(key: string | undefined, now: Date, timeZone: string): Period & { key: string } {
  if (!key) return weekOf(new Date(weekOf(now, timeZone).from.getTime() - 1), timeZone);
  const week = weekFromKey(key, timeZone);
  if (!week) throw new AppError('BAD_REQUEST', `Not an ISO week: "${key}" (use YYYY-Www, e.g. 2026-W45)`);
  if (week.from > now) throw new AppError('BAD_REQUEST', `Week ${key} has not begun yet`);
  return week;
}

/** The `count` weeks before `week`, oldest first. */
export function weeksBefore(week: Period & { key: string }, count: number, timeZone: string): (Period & { key: string })[] {
  const weeks: (Period & { key: string })[] = [];
  let cursor = week;
  for (let i = 0; i < count; i++) {
    cursor = weekOf(new Date(cursor.from.getTime() - 1), timeZone);
    weeks.unshift(cursor);
  }
  return weeks;
}
