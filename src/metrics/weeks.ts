/**
 * ISO weeks in the configured time zone: Monday 00:00 to the next Monday 00:00 there.
 */
import { TZDate } from '@date-fns/tz';
import { addWeeks, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import type { Period } from './types';

export function isoWeekKey(at: Date, timeZone: string): string {
  const local = new TZDate(at.getTime(), timeZone);
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
}

/** The week containing `at`. */
export function weekOf(at: Date, timeZone: string): Period & { key: string } {
  const start = startOfISOWeek(new TZDate(at.getTime(), timeZone));
  const end = addWeeks(start, 1);
  return { key: isoWeekKey(at, timeZone), from: new Date(start.getTime()), to: new Date(end.getTime()) };
}

/** The week `2026-W45` in `timeZone`; null for a key that names no week. */
export function weekFromKey(key: string, timeZone: string): (Period & { key: string }) | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(key);
  if (!match) return null;
  const [year, week] = [Number(match[1]), Number(match[2])];
  // 4 January is always in ISO week 1.
  const jan4 = new TZDate(year, 0, 4, 12, 0, 0, timeZone);
  const start = addWeeks(startOfISOWeek(jan4), week - 1);
  const found = weekOf(new Date(start.getTime()), timeZone);
  return found.key === key ? found : null;
}

/** Every week that overlaps the period, oldest first. */
export function weeksOverlapping(period: Period, timeZone: string): (Period & { key: string })[] {
  const weeks: (Period & { key: string })[] = [];
  let week = weekOf(period.from, timeZone);
  while (week.from < period.to) {
    weeks.push(week);
    week = weekOf(week.to, timeZone);
  }
  return weeks;
}
