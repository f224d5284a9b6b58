/**
 * What every metric looks like at the boundary, whichever family it comes from: a headline, a weekly
 * series, and the rows it was computed from. One zod schema each; the overview, the explanation
 * panel and the reports all speak it.
 */
import { z } from 'zod';
import { ZMetricKey } from '@/metrics/catalogue';

const num = z.number().nullable();

/**
 * The headline. Distributions: `value` is the median with p75, p90 and n. Rates: `value` is
 * numerator / denominator (n = denominator). Levels (coverage): the mean level over n repositories.
 */
export const ZHeadline = z.object({
  kind: z.enum(['distribution', 'rate', 'level']),
  value: num,
  p75: num,
  p90: num,
  n: z.number().int().nonnegative(),
  numerator: z.number().int().nonnegative().nullable(),
  denominator: z.number().int().nonnegative().nullable(),
});
export type Headline = z.infer<typeof ZHeadline>;

export const ZWeekValue = z.object({
  week: z.string(),
  start: z.date(),
  /** The week that contains `now`: still filling up. */
  partial: z.boolean(),
  value: num,
  n: z.number().int().nonnegative(),
});
export type WeekValue = z.infer<typeof ZWeekValue>;

export const ZCell = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()]);
export type Cell = z.infer<typeof ZCell>;

export const ZColumn = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'number', 'duration', 'date', 'ratio', 'percent', 'boolean']),
});
export type Column = z.infer<typeof ZColumn>;

export const ZMemberRow = z.object({
  id: z.string(),
  /** Part of the headline: distributions, a non-null value; rates, every member of the denominator. */
  counted: z.boolean(),
  /** The member's own number, in the metric's unit (rates: 1 in the numerator, 0 otherwise). */
  value: num,
  cells: z.record(z.string(), ZCell),
  /** Where to see it on GitHub: `owner/name` and the path under it (`pull/12`, `actions/runs/9`…). */
  github: z.object({ repo: z.string(), path: z.string() }).nullable(),
});
export type MemberRow = z.infer<typeof ZMemberRow>;

export const ZMetricExplanation = z.object({
  key: ZMetricKey,
  label: z.string(),
  unit: z.enum(['duration', 'ratio', 'percent', 'count']),
  better: z.enum(['lower', 'higher']),
  formula: z.string(),
  preset: z.enum(['default', 'devlake']),
  period: z.object({ from: z.date(), to: z.date() }),
  headline: ZHeadline,
  columns: z.array(ZColumn),
  rows: z.array(ZMemberRow),
});
export type MetricExplanation = z.infer<typeof ZMetricExplanation>;
