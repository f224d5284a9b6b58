/**
 * What every metric query takes: a period, the repositories, and the definition switches. One
 * schema for the tRPC boundary; a bad value is a 400 that names the field.
 */
import { z } from 'zod';
import { CALENDAR_BOUNDS_MESSAGE, EARLIEST_INSTANT, LATEST_INSTANT } from '@/metrics/calendar-bounds';
import { ZMetricKey } from '@/metrics/catalogue';

export const MAX_PERIOD_DAYS = 366;

/** An instant in the calendar a query may name (src/metrics/calendar-bounds.ts). */
const ZInstant = z.date().min(EARLIEST_INSTANT, CALENDAR_BOUNDS_MESSAGE).max(LATEST_INSTANT, CALENDAR_BOUNDS_MESSAGE);

const ZMetricsQueryFields = z.object({
  /** Inclusive start instant. */
  from: ZInstant,
  /** Exclusive end instant. */
  to: ZInstant,
  /** `owner/name`; absent or empty: every stored repository. */
  repos: z
    .array(z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'use owner/name'))
    .max(500)
    .optional(),
  /**
   * Only PRs authored by these logins (a team's members, or one author) in the PR numbers and lead
   * time. Deployments, CI and coverage belong to repositories and are not narrowed.
   */
  authors: z
    .array(z.string().regex(/^[\w.\[\]-]+$/, 'a GitHub login'))
    .max(1000)
    .optional(),
  /** A configured team: its members' PRs, like `authors` (which wins when both are given). */
  team: z
    .string()
    .regex(/^[\w.-]+$/, 'a team slug')
    .max(100)
    .optional(),
  preset: z.enum(['default', 'devlake']).default('default'),
  /** Brings bot-authored PRs back (bots never count as reviewers). */
  includeBots: z.boolean().default(false),
  /** Count no time on Saturdays and Sundays in the configured zone. */
  businessTime: z.boolean().default(false),
});

/** A period starts before it ends and spans at most a year (each query loads its facts). */
function checkedPeriod<T extends z.ZodType<{ from: Date; to: Date }>>(schema: T) {
  return schema
    .refine((q) => q.from < q.to, { message: 'the period must start before it ends', path: ['to'] })
    .refine((q) => q.to.getTime() - q.from.getTime() <= MAX_PERIOD_DAYS * 86_400_000, {
      message: `the period may span at most ${MAX_PERIOD_DAYS} days`,
      path: ['to'],
    });
}

export const ZMetricsQuery = checkedPeriod(ZMetricsQueryFields);

/** A metric query and the metric to explain. */
export const ZExplainMetricInput = checkedPeriod(ZMetricsQueryFields.extend({ metric: ZMetricKey }));

export type MetricsQueryInput = z.input<typeof ZMetricsQuery>;
export type MetricsQuery = z.output<typeof ZMetricsQuery>;
