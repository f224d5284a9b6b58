/** Instants as the dashboard shows them: exact, in UTC, to the minute. */

/** "2026-03-01 08:00 UTC". */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
