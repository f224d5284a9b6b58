/**
 * A repository's drill-down at the boundary: the overview's headline cards for it alone, how its
 * deployments were detected, its deployments in the period with failures and recoveries, CI health
 * per workflow, and its coverage trend.
 */
import { z } from 'zod';
import { DEPLOYMENT_SOURCES } from '@/metrics/delivery/deployment';
import { ZWeekValue } from './metric-view.types';
import { ZMetricCard } from './team-health.types';

export const ZDeploymentSource = z.enum(DEPLOYMENT_SOURCES);
/** Why a deployment is a change failure: (a) its own outcome, (b) an incident, (c) a revert, (d) a hotfix. */
export const ZFailureReason = z.enum(['failure', 'incident', 'revert', 'hotfix']);

const ZRate = z.object({ value: z.number().nullable(), numerator: z.number().int(), denominator: z.number().int() });

export const ZRepositoryDetail = z.object({
  repo: z.string(),
  defaultBranch: z.string(),
  period: z.object({ from: z.date(), to: z.date() }),
  previousPeriod: z.object({ from: z.date(), to: z.date() }),
  /** The overview's nine cards (OVERVIEW_CARDS order), for this repository alone. */
  cards: z.array(ZMetricCard),
  detection: z.object({
    source: ZDeploymentSource.nullable(),
    chosenBy: z.enum(['configured', 'first-with-data', 'no-data']),
    reason: z.string(),
    candidates: z.array(z.object({ source: ZDeploymentSource, rank: z.number().int(), deployments: z.number().int(), description: z.string() })),
  }),
  /**
   * Production deployments finished in the period (pending ones: started in it), oldest start first.
   * The finished ones are exactly the change failure rate's denominator.
   */
  deployments: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      source: ZDeploymentSource,
      sha: z.string().nullable(),
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
      outcome: z.enum(['success', 'failure', 'pending']),
      /** A change failure, and why (own failure, incident, revert, hotfix). */
      failed: z.boolean(),
      reasons: z.array(ZFailureReason),
      /** A failure's recovery: the next successful production deployment's finish, or, failed only through incidents, its last incident's close. */
      recoveredAt: z.date().nullable(),
      /** Numbers of the PRs it shipped. */
      shipped: z.array(z.number().int()),
    }),
  ),
  workflows: z.array(
    z.object({
      workflow: z.string(),
      runs: z.number().int(),
      successRate: ZRate,
      flakyRate: ZRate,
      durationP50: z.number().nullable(),
      durationP90: z.number().nullable(),
      queueP50: z.number().nullable(),
      redSeconds: z.number(),
      /** Red on the default branch since then (null: green). */
      redSince: z.date().nullable(),
      weeklySuccess: z.array(ZWeekValue),
    }),
  ),
  coverage: z.object({
    latest: z.number().nullable(),
    change: z.number().nullable(),
    weekly: z.array(ZWeekValue),
    points: z.array(z.object({ sha: z.string(), committedAt: z.date(), pct: z.number(), source: z.string() })),
  }),
});
export type RepositoryDetail = z.infer<typeof ZRepositoryDetail>;

export const ZRepositoryDetailInput = z.object({ repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'use owner/name') });
