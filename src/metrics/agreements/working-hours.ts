/** A team's working hours (docs/agreements.md#nudges): nudges are only sent inside them. */
import { TZDate } from '@date-fns/tz';

export interface WorkingHours {
  /** 0 Sunday … 6 Saturday. */
  days: readonly number[];
  /** Minutes after local midnight: [from, to). */
  from: number;
  to: number;
}

/** Whether `at` falls on a working day between `from` (inclusive) and `to` (exclusive), local time in `timeZone`. */
export function withinWorkingHours(at: Date, hours: WorkingHours, timeZone: string): boolean {
  const local = new TZDate(at.getTime(), timeZone);
  const minute = local.getHours() * 60 + local.getMinutes();
  return hours.days.includes(local.getDay()) && minute >= hours.from && minute < hours.to;
}

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** "Mon, Tue, Wed, Thu, Fri 09:00–17:00 Europe/Berlin". */
export function describeWorkingHours(hours: WorkingHours, timeZone: string): string {
  return `${[...hours.days]
    .sort()
    .map((d) => DAY_NAMES[d])
    .join(', ')} ${clock(hours.from)}–${clock(hours.to)} ${timeZone}`;
}
