/**
 * One repository's coverage trend (docs/metrics.md#trend): one point per covered commit,
 * attributed to its `committedAt`; the weekly value is the last point of the week (ISO week in the
 * configured zone); changes are in percentage points (pp).
 *
 * The level at an instant is the last point before it (coverage stays what it was until the next
 * covered commit). A week's change is its value minus the level at its start, so a week with no
 * covered commit has no value and no change, and a week after a quiet one is compared with the last
 * known point. Weeks count only the period's points: the first and last weeks of a period that does
 * not start or end on a Monday are cut at the period's edges.
 */
import { weekly } from '../aggregate';
import type { MetricOptions, Period, WeekPoint } from '../types';
import { clean } from './percent';
import type { CoveragePoint } from './point';

export interface CoverageWeek {
  /** The last point of the week; null for a week without a covered commit. */
  pct: number | null;
  last: CoveragePoint | null;
  /** The level at the week's start (its last point before it, possibly before the period). */
  previous: CoveragePoint | null;
  /** The level at the week's end: `pct`, else `previous.pct`. */
  level: number | null;
  /** `pct − previous.pct` in pp; null without both. */
  change: number | null;
}

export interface CoverageDrop {
  repoId: number;
  week: string;
  start: Date;
  /** The level before the week. */
  from: CoveragePoint;
  /** The week's last point. */
  to: CoveragePoint;
  /** Negative, in pp. */
  change: number;
}

export interface CoverageTrend {
  /** The points in the period, in the order their commits landed. */
  points: CoveragePoint[];
  weekly: WeekPoint<CoverageWeek>[];
  /** The level at the period's end: its last point before `period.to` (may predate the period). */
  latest: CoveragePoint | null;
  /** The baseline: the level at `period.from`, else (a repository first covered in the period) its first point. */
  baseline: CoveragePoint | null;
  /** `latest.pct − baseline.pct` in pp. */
  change: number | null;
  drops: CoverageDrop[];
}

export const DEFAULT_DROP_THRESHOLD = 1;

/** The last point strictly before `at`; `points` in landing order. */
export function levelBefore(points: readonly CoveragePoint[], at: Date): CoveragePoint | null {
  let found: CoveragePoint | null = null;
  for (const p of points) if (p.committedAt < at) found = p;
  return found;
}

const later = (a: Date, b: Date) => (a > b ? a : b);

/** `points`: every point of one repository, in landing order, including those before the period. */
export function coverageTrend(points: readonly CoveragePoint[], period: Period, options: Pick<MetricOptions, 'now' | 'timeZone'>, dropThreshold = DEFAULT_DROP_THRESHOLD): CoverageTrend {
  const inside = points.filter((p) => p.committedAt >= period.from && p.committedAt < period.to);
  const weeks = weekly(inside, period, options, (p) => p.committedAt, (inWeek, week): CoverageWeek => {
    const last = inWeek[inWeek.length - 1] ?? null;
    const previous = levelBefore(points, later(week.from, period.from));
    return {
      pct: last?.pct ?? null,
      last,
      previous,
      level: last?.pct ?? previous?.pct ?? null,
      change: last && previous ? clean(last.pct - previous.pct) : null,
    };
  });
  const drops = weeks.flatMap(({ week, start, value }): CoverageDrop[] =>
    value.change !== null && -value.change >= dropThreshold && value.last && value.previous
      ? [{ repoId: value.last.repoId, week, start, from: value.previous, to: value.last, change: value.change }]
      : [],
  );
  const latest = levelBefore(points, period.to);
  const baseline = levelBefore(points, period.from) ?? inside[0] ?? null;
  return { points: inside, weekly: weeks, latest, baseline, change: latest && baseline ? clean(latest.pct - baseline.pct) : null, drops };
}
