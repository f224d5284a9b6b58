/**
 * Time spans, in calendar or business time. A span whose end is missing is null (left out of its
 * aggregate, never 0); a negative span (clock skew, rebased history) is null and flagged.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import type { MetricOptions } from './types';

export interface Span {
  seconds: number | null;
  /** Both ends known but end before start. */
  negative: boolean;
}

export function span(start: Date | null | undefined, end: Date | null | undefined, options: Pick<MetricOptions, 'businessTime' | 'timeZone'>): Span {
  if (!start || !end) return { seconds: null, negative: false };
  if (end < start) return { seconds: null, negative: true };
  const seconds = options.businessTime ? businessSeconds(start, end, options.timeZone) : (end.getTime() - start.getTime()) / 1000;
  return { seconds, negative: false };
}

/** Seconds between two instants that fall on Monday to Friday in `timeZone`. */
export function businessSeconds(start: Date, end: Date, timeZone: string): number {
  let total = 0;
  let cursor = new TZDate(start.getTime(), timeZone);
  while (cursor.getTime() < end.getTime()) {
    // Walk day by day in the zone: a day may be 23 or 25 hours long across a DST change.
    const nextDay = startOfDay(addDays(cursor, 1));
    const segmentEnd = Math.min(nextDay.getTime(), end.getTime());
    const weekday = cursor.getDay();
    if (weekday !== 0 && weekday !== 6) total += segmentEnd - cursor.getTime();
    cursor = new TZDate(segmentEnd, timeZone);
  }
  return total / 1000;
}

export function earliest(dates: readonly (Date | null | undefined)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d < best)) best = d;
  return best;
}

export function inPeriod(at: Date | null | undefined, period: { from: Date; to: Date }): boolean {
  return !!at && at >= period.from && at < period.to;
}
