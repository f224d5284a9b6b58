/**
 * The parts metric views share: headlines of a distribution or a rate, weekly series read off the
 * members (each member in the week of the aggregate's own attribution instant, so a week's point is
 * the headline's definition restricted to that week), and a PR's identifying columns.
 */
import { weekly } from '@/metrics/aggregate';
import { distribution } from '@/metrics/percentiles';
import type { Aggregate, Rate } from '@/metrics/types';
import type { ComputedMetrics } from '../compute-metrics';
import type { Column, Headline, WeekValue } from '../metric-view.types';
import type { WeekOptions } from './metric-entry';

export function distributionHeadline(a: Aggregate<unknown>): Headline {
  return { kind: 'distribution', value: a.value.p50, p75: a.value.p75, p90: a.value.p90, n: a.value.n, numerator: null, denominator: null };
}

export function rateHeadline(r: Rate<unknown>): Headline {
  return { kind: 'rate', value: r.value, p75: null, p90: null, n: r.denominator, numerator: r.numerator, denominator: r.denominator };
}

export function distributionWeeks<M>(c: ComputedMetrics, o: WeekOptions, members: M[], at: (m: M) => Date | null, value: (m: M) => number | null): WeekValue[] {
  return weekly(members, c.period, o, at, (inWeek) => distribution(inWeek.map(value))).map((w) => ({
    week: w.week,
    start: w.start,
    partial: w.partial,
    value: w.value.p50,
    n: w.value.n,
  }));
}

export function rateWeeks<M>(c: ComputedMetrics, o: WeekOptions, members: M[], at: (m: M) => Date | null, isNumerator: (m: M) => boolean): WeekValue[] {
  return weekly(members, c.period, o, at, (inWeek) => ({ n: inWeek.length, hit: inWeek.filter(isNumerator).length })).map((w) => ({
    week: w.week,
    start: w.start,
    partial: w.partial,
    value: w.value.n ? w.value.hit / w.value.n : null,
    n: w.value.n,
  }));
}

/** A distribution's headline and weekly series from its members: what most entries' views begin with. */
export function distributionParts<M>(
  c: ComputedMetrics,
  o: WeekOptions,
  a: Aggregate<M>,
  at: (m: M) => Date | null,
  value: (m: M) => number | null,
): { headline: Headline; weekly: WeekValue[] } {
  return { headline: distributionHeadline(a), weekly: distributionWeeks(c, o, a.members, at, value) };
}

/** A rate's headline and weekly series from its members. */
export function rateParts<M>(
  c: ComputedMetrics,
  o: WeekOptions,
  r: Rate<M>,
  at: (m: M) => Date | null,
  isNumerator: (m: M) => boolean,
): { headline: Headline; weekly: WeekValue[] } {
  return { headline: rateHeadline(r), weekly: rateWeeks(c, o, r.members, at, isNumerator) };
}

/** A PR's page on GitHub. */
export const pull = (repo: string, number: number) => ({ repo, path: `pull/${number}` });

export const PR_COLUMNS: Column[] = [
  { key: 'repo', label: 'Repository', kind: 'text' },
  { key: 'number', label: 'PR', kind: 'number' },
  { key: 'title', label: 'Title', kind: 'text' },
  { key: 'author', label: 'Author', kind: 'text' },
];
