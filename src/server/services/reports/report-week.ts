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
