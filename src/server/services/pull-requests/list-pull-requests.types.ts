/**
 * The PR explorer at the boundary: one row per PR with activity in the period, with every timestamp
 * and phase, its size and reviews, and the deployment that shipped it with the rule that mapped it.
 */
import { z } from 'zod';
import { DEPLOYMENT_SOURCES } from '@/metrics/delivery/deployment';

const seconds = z.number().nullable();

export const ZPullRequestRow = z.object({
  id: z.number().int(),
  repo: z.string(),
  number: z.number().int(),
  title: z.string(),
  /** The author's login; null for a deleted account. */
  author: z.string().nullable(),
  /** Authored by a bot (only listed with `includeBots`). */
  isBot: z.boolean(),
  state: z.enum(['open', 'closed', 'merged']),
  draft: z.boolean(),
  labels: z.array(z.string()),
  createdAt: z.date(),
  /** Leadline's timestamps (docs/metrics.md), whatever the preset. */
  readyAt: z.date().nullable(),
  firstReviewAt: z.date().nullable(),
  firstApprovalAt: z.date().nullable(),
  mergedAt: z.date().nullable(),
  mergedBy: z.string().nullable(),
  deployedAt: z.date().nullable(),
  /**
   * Seconds under the query's preset (the members the numbers are computed from; DevLake: whole
   * minutes × 60, merged PRs only); null when an end is missing or the span is negative.
   */
  phases: z.object({ coding: seconds, pickup: seconds, review: seconds, merge: seconds, cycle: seconds, deploy: seconds, lead: seconds }),
  /** Phases whose span came out negative (listed, left out of the numbers), in PHASES order. */
  negativePhases: z.array(z.string()),
  additions: z.number().int(),
  deletions: z.number().int(),
  size: z.number().int(),
  /** Distinct commits of the PR. */
  commits: z.number().int(),
  /** Commits authored after the first review (null: not reviewed). */
  rework: z.number().int().nullable(),
  reviewRounds: z.number().int(),
  /** Humans other than the author who submitted a review. */
  reviewers: z.array(z.string()),
  /** People (never bots) and teams (`team:slug`) ever asked for a review. */
  requestedReviewers: z.array(z.string()),
  /** The first successful production deployment that shipped it, and the rule that mapped it. */
  deployment: z.object({ id: z.string(), label: z.string(), source: z.enum(DEPLOYMENT_SOURCES), rule: z.enum(['ancestry', 'time', 'merge']) }).nullable(),
  /** Why a PR merged into the default branch has no deployment (yet); null otherwise. */
  undeployedReason: z.enum(['no-deployment-after-merge', 'not-contained']).nullable(),
});
export type PullRequestRow = z.infer<typeof ZPullRequestRow>;

export const ZPullRequestList = z.object({
  period: z.object({ from: z.date(), to: z.date() }),
  preset: z.enum(['default', 'devlake']),
  /** Sorted by mergedAt (latest first, unmerged last), then createdAt (latest first). */
  rows: z.array(ZPullRequestRow),
});
export type PullRequestList = z.infer<typeof ZPullRequestList>;
