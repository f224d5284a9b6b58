/**
 * Display formatting shared by pages and components. Times are shown relative to the `now` the data
 * was computed for (so a page is consistent with itself), with the exact UTC instant alongside.
 */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });
const utcDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** "1 repository", "3 repositories". */
export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** "2026-03-01 08:00 UTC". */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "1 Mar 2026" (UTC). */
export function formatUtcDate(date: Date): string {
  return utcDate.format(date);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function formatRelative(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 60) return 'just now';
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(Math.round(seconds / 60), 'minute');
}
