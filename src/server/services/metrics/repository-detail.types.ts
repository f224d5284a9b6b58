/**
 * What only a repository's page shows: how its deployments were detected, its deployments in the
 * period with failures and recoveries, CI health per workflow, and its coverage trend.
 */
import { z } from 'zod';
import { ZWeekValue } from './metric-view.types';

const ZRate = z.object({ value: z.number().nullable(), numerator: z.number().int(), denominator: z.number().int() });

export const ZRepositoryDetail = z.object({
  repo: z.string(),
  defaultBranch: z.string(),
  detection: z.object({
    source: z.string().nullable(),
    chosenBy: z.enum(['configured', 'first-with-data', 'no-data']),
    reason: z.string(),
    candidates: z.array(z.object({ source: z.string(), rank: z.number().int(), deployments: z.number().int(), description: z.string() })),
  }),
  /** Production deployments started or finished in the period, oldest first. */
  deployments: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      source: z.string(),
      sha: z.string().nullable(),
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
      outcome: z.enum(['success', 'failure', 'pending']),
      /** A change failure, and why (own failure, incident, revert, hotfix). */
      failed: z.boolean(),
      reasons: z.array(z.string()),
      /** The next successful production deployment's finish (a failure's recovery). */
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
