/**
 * The team-health overview at the boundary: headline cards with their change against the previous
 * period, DORA bands and weekly series; the cycle-time phases per week; what needs attention; how
 * each repository's deployments were detected.
 */
import { z } from 'zod';
import { ZMetricKey } from '@/metrics/catalogue';
import { ZHeadline, ZWeekValue } from './metric-view.types';

export const ZBand = z.enum(['elite', 'high', 'medium', 'low']);

export const ZMetricCard = z.object({
  key: ZMetricKey,
  label: z.string(),
  unit: z.enum(['duration', 'ratio', 'percent', 'count']),
  better: z.enum(['lower', 'higher']),
  formula: z.string(),
  headline: ZHeadline,
  /** The same metric over the period of equal length just before. */
  previous: z.number().nullable(),
  /**
   * headline − previous, in the metric's unit (null without both). Coverage: the mean of the
   * per-repository changes over the repositories with a level in both periods.
   */
  change: z.number().nullable(),
  /** Repositories left out of the change (coverage: a level in only one of the periods); empty for every other metric. */
  changeLeftOut: z.array(z.string()),
  /** Whether the change is an improvement (null: no change to judge). */
  improved: z.boolean().nullable(),
  band: ZBand.nullable(),
  weekly: z.array(ZWeekValue),
});
export type MetricCard = z.infer<typeof ZMetricCard>;

const ZPhaseWeek = z.object({
  week: z.string(),
  start: z.date(),
  partial: z.boolean(),
  coding: z.number().nullable(),
  pickup: z.number().nullable(),
  review: z.number().nullable(),
  merge: z.number().nullable(),
});

const ZPullRequestRef = z.object({ repo: z.string(), number: z.number().int(), title: z.string(), author: z.string().nullable() });

export const ZAttention = z.object({
  /** Open, ready PRs with no first review yet, oldest wait first. */
  awaitingFirstReview: z.array(ZPullRequestRef.extend({ readyAt: z.date(), ageSeconds: z.number().nullable() })),
  /** Review requests with no response on open PRs, oldest first. */
  waitingReviewRequests: z.array(ZPullRequestRef.extend({ reviewer: z.string(), requestedAt: z.date(), ageSeconds: z.number().nullable() })),
  /** Default-branch workflows red now. */
  redBranches: z.array(
    z.object({ repo: z.string(), workflow: z.string(), branch: z.string(), since: z.date(), ageSeconds: z.number().nullable(), runId: z.number().int() }),
  ),
  coverageDrops: z.array(z.object({ repo: z.string(), week: z.string(), fromPct: z.number(), toPct: z.number(), change: z.number(), sha: z.string() })),
  /** Successful deployments in the period that shipped no PR we know of. */
  unmappedDeployments: z.array(z.object({ repo: z.string(), id: z.string(), label: z.string(), finishedAt: z.date().nullable() })),
  /** Default-branch PRs merged in the period that no deployment ships yet. */
  undeployedPullRequests: z.array(ZPullRequestRef.omit({ title: true, author: true }).extend({ mergedAt: z.date(), reason: z.string() })),
  /** Negative spans (clock skew, rebased history), left out of the numbers. */
  anomalies: z.array(ZPullRequestRef.extend({ phase: z.string() })),
});

export const ZTeamHealth = z.object({
  period: z.object({ from: z.date(), to: z.date() }),
  previousPeriod: z.object({ from: z.date(), to: z.date() }),
  now: z.date(),
  preset: z.enum(['default', 'devlake']),
  /** The PR numbers are narrowed to these authors (a team's members, or one person); null: everyone. */
  authors: z.array(z.string()).nullable(),
  team: z.string().nullable(),
  includeBots: z.boolean(),
  businessTime: z.boolean(),
  timeZone: z.string(),
  repos: z.array(z.string()),
  cards: z.array(ZMetricCard),
  phases: z.array(ZPhaseWeek),
  attention: ZAttention,
  deploymentSources: z.array(z.object({ repo: z.string(), source: z.string().nullable(), reason: z.string() })),
});
export type TeamHealth = z.infer<typeof ZTeamHealth>;
