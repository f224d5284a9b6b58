/**
 * ISO weeks in the configured time zone: Monday 00:00 to the next Monday 00:00 there.
 */
import { TZDate } from '@date-fns/tz';
import { addWeeks, getISOWeek, getISOWeekYear, startOfISOWeek } from 'date-fns';
import type { Period } from './types';

/**
 * Zone arithmetic (TZDate asks Intl for the offset) dominated the metrics' run time, a call per run
 * and per PR. A week starts at a local midnight, and every zone's offset is a whole number of
 * quarter hours, so all instants of one UTC quarter hour share their week: one lookup per quarter
 * hour and zone, remembered.
 */
const QUARTER_HOUR = 15 * 60 * 1000;
const MAX_REMEMBERED = 200_000;
const remembered = new Map<string, Period & { key: string }>();

function weekOfQuarter(quarter: number, timeZone: string): Period & { key: string } {
  const id = `${timeZone}|${quarter}`;
  let week = remembered.get(id);
  if (!week) {
    const local = new TZDate(quarter * QUARTER_HOUR, timeZone);
    const start = startOfISOWeek(local);
    week = {
      key: `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`,
      from: new Date(start.getTime()),
      to: new Date(addWeeks(start, 1).getTime()),
    };
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(id, week);
  }
  return week;
}

export function isoWeekKey(at: Date, timeZone: string): string {
  return weekOfQuarter(Math.floor(at.getTime() / QUARTER_HOUR), timeZone).key;
}

/** The week containing `at`. */
export function weekOf(at: Date, timeZone: string): Period & { key: string } {
  const week = weekOfQuarter(Math.floor(at.getTime() / QUARTER_HOUR), timeZone);
  // Copies: callers own their Dates.
  return { key: week.key, from: new Date(week.from.getTime()), to: new Date(week.to.getTime()) };
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

/** The `count` weeks before `week`, oldest first. */
export function weeksBefore(week: Period, count: number, timeZone: string): (Period & { key: string })[] {
  const weeks: (Period & { key: string })[] = [];
  let cursor: Period = week;
  for (let i = 0; i < count; i++) {
    const previous = weekOf(new Date(cursor.from.getTime() - 1), timeZone);
    weeks.unshift(previous);
    cursor = previous;
  }
  return weeks;
}
