/**
 * Local dates and calendar months in the configured time zone (weeks are in ../weeks).
 */
import { TZDate } from '@date-fns/tz';
import { addMonths, format, startOfMonth } from 'date-fns';
import type { Period } from '../types';

/** The local date of an instant, `yyyy-MM-dd`: 2026-11-08T23:30Z is 2026-11-09 in Berlin. */
export function localDate(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), 'yyyy-MM-dd');
}

/** Every calendar month (local midnight on the 1st to the next 1st) overlapping the period, oldest first. */
export function monthsOverlapping(period: Period, timeZone: string): (Period & { key: string })[] {
  const months: (Period & { key: string })[] = [];
  let start = startOfMonth(new TZDate(period.from.getTime(), timeZone));
  while (start.getTime() < period.to.getTime()) {
    const next = addMonths(start, 1);
    months.push({ key: format(start, 'yyyy-MM'), from: new Date(start.getTime()), to: new Date(next.getTime()) });
    start = next;
  }
  return months;
}
