/**
 * The weekly report's model: what every format renders, and the JSON format itself. Keys are
 * stable (documented in docs/reports.md); durations are seconds, rates 0–1, coverage 0–100.
 */
import { z } from 'zod';
import { ZMetricKey } from '@/metrics/catalogue';

const num = z.number().nullable();
const ZBand = z.enum(['elite', 'high', 'medium', 'low']);

export const ZReportHeadline = z.object({
  key: ZMetricKey,
  label: z.string(),
  unit: z.enum(['duration', 'ratio', 'percent', 'count']),
  better: z.enum(['lower', 'higher']),
  formula: z.string(),
  value: num,
  p90: num,
  n: z.number().int(),
  previousWeek: num,
  /** value − previousWeek; coverage: the mean of the per-repository changes over the repositories with a level in both weeks. */
  changeVsPreviousWeek: num,
  /**
   * Repositories left out of the changes (coverage: no level this week, or none in the week(s)
   * compared against); empty for every other metric.
   */
  changeLeftOut: z.array(z.string()),
  /** Mean of the four weeks before this one (weeks without a value left out). */
  fourWeekAverage: num,
  /** value − fourWeekAverage; coverage: the mean over repositories of their level − their own mean level over the four weeks. */
  changeVsFourWeekAverage: num,
  /** Whether the change against the previous week is an improvement (null: nothing to judge). */
  improved: z.boolean().nullable(),
  band: ZBand.nullable(),
  /** The five weeks up to this one, oldest first (for sparklines). */
  trend: z.array(z.object({ week: z.string(), value: num })),
});
export type ReportHeadline = z.infer<typeof ZReportHeadline>;

const ZPrLine = z.object({ repo: z.string(), number: z.number().int(), title: z.string(), author: z.string().nullable(), url: z.string() });

export const ZWeeklyReport = z.object({
  version: z.literal(1),
  week: z.object({ key: z.string(), from: z.date(), to: z.date() }),
  timeZone: z.string(),
  generatedAt: z.date(),
  preset: z.enum(['default', 'devlake']),
  scope: z.object({ repos: z.array(z.string()), team: z.string().nullable(), authors: z.array(z.string()).nullable() }),
  /** Sentences from the numbers: what improved, what got worse, by how much. */
  summary: z.array(z.string()),
  headlines: z.array(ZReportHeadline),
  repositories: z.array(
    z.object({
      repo: z.string(),
      url: z.string(),
      metrics: z.array(z.object({ key: ZMetricKey, value: num, p90: num, n: z.number().int(), previousWeek: num })),
    }),
  ),
  attention: z.object({
    waitingForFirstReview: z.array(ZPrLine.extend({ waitingSeconds: num })),
    waitingReviewRequests: z.array(ZPrLine.extend({ reviewer: z.string(), waitingSeconds: num })),
    redDefaultBranches: z.array(z.object({ repo: z.string(), workflow: z.string(), since: z.date(), url: z.string() })),
    coverageDrops: z.array(z.object({ repo: z.string(), fromPct: z.number(), toPct: z.number(), change: z.number(), url: z.string() })),
    unreviewedMerges: z.array(ZPrLine.extend({ mergedAt: z.date() })),
  }),
  /** Each team's working agreements this week against the previous week (docs/agreements.md). */
  agreements: z.array(
    z.object({
      team: z.string(),
      agreements: z.array(
        z.object({
          agreement: z.string(),
          label: z.string(),
          /** Hours, lines or pp; `true` for approval before merge. */
          target: z.union([z.number(), z.literal(true)]),
          /** met / applied (0–1); null when it applied to nothing. */
          adherence: num,
          met: z.number().int(),
          applied: z.number().int(),
          previousWeek: num,
          changeVsPreviousWeek: num,
          /** The week's breaches, newest first (at most 10). */
          breaches: z.array(
            z.object({ name: z.string(), title: z.string().nullable(), reviewer: z.string().nullable(), measured: z.string(), url: z.string() }),
          ),
        }),
      ),
    }),
  ),
  slowestPullRequests: z.array(ZPrLine.extend({ cycleSeconds: z.number(), mergedAt: z.date().nullable() })),
});
export type WeeklyReport = z.infer<typeof ZWeeklyReport>;
