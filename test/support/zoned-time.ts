/**
 * Calendar arithmetic in a time zone for the truth tests, written independently of the product
 * (`src/metrics/time.ts` and `weeks.ts` use date-fns; this reads the zone's wall clock through
 * Intl): the local midnights of a range of days, the ISO weeks (Monday 00:00 to Monday 00:00
 * local) and business seconds (time on Monday to Friday local, docs/metrics.md "Business time").
 */

export interface ZonedWeek {
  /** `2026-W45`. */
  key: string;
  from: Date;
  to: Date;
}

interface LocalDay {
  /** The local midnight that starts the day. */
  start: number;
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  year: number;
  month: number;
  day: number;
}

const DAY = 86_400_000;

function wallClock(zone: string): (instant: number) => number {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  // The wall-clock reading of an instant, as if it were UTC: reading − instant is the zone's offset.
  return (instant) => {
    const p = Object.fromEntries(format.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  };
}

/** The local days of a zone from `from` to `to` (a few days' margin either side), in order. */
export class ZonedCalendar {
  readonly days: LocalDay[] = [];

  constructor(
    readonly zone: string,
    from: Date,
    to: Date,
  ) {
    const reading = wallClock(zone);
    // Walk local dates; the midnight of a date is found by correcting the UTC guess by the offset twice
    // (the second pass settles a guess that fell on the other side of a DST change).
    for (let utcDate = Math.floor(from.getTime() / DAY) * DAY - 3 * DAY; utcDate <= to.getTime() + 3 * DAY; utcDate += DAY) {
      let start = utcDate - (reading(utcDate) - utcDate);
      start = utcDate - (reading(start) - start);
      const d = new Date(utcDate);
      this.days.push({ start, weekday: d.getUTCDay(), year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    }
  }

  /** Index of the local day holding `instant`. */
  private dayIndex(instant: number): number {
    let lo = 0;
    let hi = this.days.length - 1;
    if (instant < this.days[0]!.start || instant >= this.days[hi]!.start + DAY) throw new Error(`${new Date(instant).toISOString()} is outside the calendar`);
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.days[mid]!.start <= instant) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The ISO weeks overlapping [from, to). */
  weeks(from: Date, to: Date): ZonedWeek[] {
    const weeks: ZonedWeek[] = [];
    let i = this.dayIndex(from.getTime());
    while (this.days[i]!.weekday !== 1) i--;
    for (; i + 7 < this.days.length && this.days[i]!.start < to.getTime(); i += 7) {
      weeks.push({ key: isoWeekKey(this.days[i]!), from: new Date(this.days[i]!.start), to: new Date(this.days[i + 7]!.start) });
    }
    return weeks;
  }

  /** Milliseconds of [start, end) that fall on Monday to Friday, local. */
  businessMs(start: number, end: number): number {
    let total = 0;
    for (let i = this.dayIndex(start); i < this.days.length && this.days[i]!.start < end; i++) {
      const day = this.days[i]!;
      if (day.weekday === 0 || day.weekday === 6) continue;
      const dayEnd = this.days[i + 1]?.start ?? day.start + DAY;
      total += Math.max(0, Math.min(end, dayEnd) - Math.max(start, day.start));
    }
    return total;
  }
}

/** ISO 8601 week of a Monday: the year is the one holding that week's Thursday. */
function isoWeekKey(monday: LocalDay): string {
  const thursday = new Date(Date.UTC(monday.year, monday.month - 1, monday.day + 3));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
