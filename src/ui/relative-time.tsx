import { formatRelative, formatUtc } from './format';

/** "3 hours ago", with the exact UTC instant for machines and on hover. */
export function RelativeTime({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatUtc(date)}>
      {formatRelative(date, now)}
    </time>
  );
}
