/**
 * Turning per-item values into the numbers a dashboard shows, the same way for every metric: items
 * are attributed to a period by one timestamp each (the definitions say which), the headline is the
 * median of their values, and the members travel with the number. Outliers are never dropped.
 */
import { distribution } from './percentiles';
import { inPeriod } from './time';
import type { Aggregate, MetricOptions, Period, Rate, WeekPoint } from './types';
import { weeksOverlapping } from './weeks';

/** The members attributed to the period, and the distribution of their non-null values. */
export function aggregate<M>(members: readonly M[], period: Period, at: (m: M) => Date | null, value: (m: M) => number | null): Aggregate<M> {
  const inside = members.filter((m) => inPeriod(at(m), period));
  return { value: distribution(inside.map(value)), members: inside };
}

/** numerator / denominator over the members attributed to the period. */
export function rate<M>(members: readonly M[], period: Period, at: (m: M) => Date | null, counts: (m: M) => boolean, isNumerator: (m: M) => boolean): Rate<M> {
  const inside = members.filter((m) => inPeriod(at(m), period) && counts(m));
  const numerator = inside.filter(isNumerator).length;
  return { value: inside.length ? numerator / inside.length : null, numerator, denominator: inside.length, members: inside };
}

/**
 * One point per ISO week overlapping the period (in the configured zone), each summarising the
 * members attributed to that week. The week containing `now` is marked partial.
 */
export function weekly<M, V>(
  members: readonly M[],
  period: Period,
  options: Pick<MetricOptions, 'timeZone' | 'now'>,
  at: (m: M) => Date | null,
  summarise: (inWeek: M[], week: Period) => V,
): WeekPoint<V>[] {
  return weeksOverlapping(period, options.timeZone).map((week) => ({
    week: week.key,
    start: week.from,
    partial: options.now >= week.from && options.now < week.to,
    value: summarise(
      members.filter((m) => inPeriod(at(m), week)),
      week,
    ),
  }));
}
