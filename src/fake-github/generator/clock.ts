/**
 * Time for the synthetic org. Everything inside the generator is epoch milliseconds; only the
 * materialised objects carry ISO strings, at whole seconds with a `Z` like GitHub's.
 *
 * The team sits around UTC+1, so a working day is roughly 08:00–17:30 UTC, Monday to Friday. Human
 * activity is pushed into those windows (with the odd late-night or weekend exception) so that the
 * optional business-time mode of the metrics has something real to remove.
 */
import type { Rng } from './random';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

const dayPrefixes = new Map<number, string>();
const pad = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * `2026-11-23T12:00:00Z`. Formatting is the generator's hottest path (every timestamp of a large
 * benchmark org goes through here), so the date part is computed once per day.
 */
export function iso(ms: number): string {
  const seconds = Math.floor(ms / SECOND);
  const day = Math.floor(seconds / 86400);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const rest = seconds - day * 86400;
  return `${prefix}${pad(Math.floor(rest / 3600))}:${pad(Math.floor((rest % 3600) / 60))}:${pad(rest % 60)}Z`;
}

function dayIndex(ms: number): number {
  return Math.floor(ms / DAY);
}

/** Day 0 of the epoch was a Thursday. */
export function isWeekday(ms: number): boolean {
  const weekday = (dayIndex(ms) + 4) % 7; // 0 = Sunday
  return weekday >= 1 && weekday <= 5;
}

/**
 * The working window of a day. Its start moves by up to an hour from day to day (a hash of the day,
 * not the rng, so every caller agrees) which keeps events from piling up at exactly 08:00:00.
 */
function workWindow(day: number): { start: number; end: number } {
  const jitter = ((Math.imul(day, 2654435761) >>> 0) % 60) * MINUTE;
  const start = day * DAY + 7.5 * HOUR + jitter;
  return { start, end: start + 9.5 * HOUR };
}

/** `t` plus `duration` of working time: nights and weekends do not count. */
export function addWorkingTime(t: number, duration: number): number {
  let at = t;
  let left = Math.max(0, duration);
  for (;;) {
    const day = dayIndex(at);
    const { start, end } = workWindow(day);
    if (!isWeekday(at) || at >= end) {
      at = workWindow(day + 1).start;
      continue;
    }
    if (at < start) at = start;
    if (at + left <= end) return at + left;
    left -= end - at;
    at = workWindow(day + 1).start;
  }
}

/** `t` minus `duration` of working time, the mirror of addWorkingTime. */
export function subtractWorkingTime(t: number, duration: number): number {
  let at = t;
  let left = Math.max(0, duration);
  for (;;) {
    const day = dayIndex(at);
    const { start, end } = workWindow(day);
    if (!isWeekday(at) || at <= start) {
      at = workWindow(day - 1).end;
      continue;
    }
    if (at > end) at = end;
    if (at - left >= start) return at - left;
    left -= at - start;
    at = workWindow(day - 1).end;
  }
}

/** A human's clock: mostly working hours, occasionally (offHours) plain wall-clock time. */
export class Clock {
  constructor(
    private readonly rng: Rng,
    private readonly offHours = 0.03,
  ) {}

  after(t: number, duration: number): number {
    return this.rng.chance(this.offHours) ? t + duration : addWorkingTime(t, duration);
  }

  before(t: number, duration: number): number {
    return this.rng.chance(this.offHours) ? t - duration : subtractWorkingTime(t, duration);
  }

  /** A log-normal working delay after `t`, clamped so one unlucky draw cannot span a quarter. */
  delay(t: number, median: number, sigma: number, max = 8 * DAY): number {
    return this.after(t, Math.min(max, Math.max(SECOND * 20, this.rng.logNormal(median, sigma))));
  }

  /**
   * A moment in [from, to): a weekday in working hours, mostly late morning and mid-afternoon,
   * or with probability `weekend` any time on any day. Falls back to `from` in a tiny range.
   */
  moment(from: number, to: number, weekend = 0.03): number {
    for (let attempt = 0; attempt < 40; attempt++) {
      const day = dayIndex(from + this.rng.next() * (to - from));
      let at: number;
      if (this.rng.chance(weekend)) {
        at = day * DAY + this.rng.next() * DAY;
      } else {
        const { start } = workWindow(day);
        // Sum of two uniforms: a hump around midday, thin at the edges of the day.
        at = start + ((this.rng.next() + this.rng.next()) / 2) * 9.5 * HOUR;
        if (!isWeekday(at)) continue;
      }
      if (at >= from && at < to) return at;
    }
    return from;
  }
}
