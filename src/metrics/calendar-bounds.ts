/**
 * The calendar a query may name. GitHub's data begins in 2008; a date outside 2000–2099 is a
 * mistake (or a probe), and refusing it up front keeps every date computation (weeks, zones, the
 * previous period, Postgres timestamps) in range, so it is a 400 that says why, never a 500.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

const ZONE_MARGIN_MS = 14 * 3_600_000;

/** The instants of those years' days in any time zone (UTC−12 to UTC+14). */
export const EARLIEST_INSTANT = new Date(Date.UTC(FIRST_YEAR, 0, 1) - ZONE_MARGIN_MS);
export const LATEST_INSTANT = new Date(Date.UTC(LAST_YEAR + 1, 0, 1) + ZONE_MARGIN_MS);

export const CALENDAR_BOUNDS_MESSAGE = `dates must fall in the years ${FIRST_YEAR} to ${LAST_YEAR}`;

/** A year (of a `YYYY-MM-DD` day or a `YYYY-Www` week) Leadline accepts. */
export function isYearInBounds(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}
