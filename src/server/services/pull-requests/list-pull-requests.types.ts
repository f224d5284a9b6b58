/**
 * The PR explorer at the boundary: one row per PR with activity in the period, with every timestamp
 * and phase, its size and reviews, and the deployment that shipped it with the rule that mapped it.
 */
import { z } from 'zod';

const seconds = z.number().nullable();

export const ZPullRequestRow = z.object({
  id: z.number().int(),
  repo: z.string(),
  number: z.number().int(),
  title: z.string(),
  author: z.string().nullable(),
  authorIsBot: z.boolean(),
  state: z.enum(['open', 'closed', 'merged']),
  draft: z.boolean(),
  labels: z.array(z.string()),
  createdAt: z.date(),
  readyAt: z.date().nullable(),
  firstReviewAt: z.date().nullable(),
  firstApprovalAt: z.date().nullable(),
  mergedAt: z.date().nullable(),
  mergedBy: z.string().nullable(),
  deployedAt: z.date().nullable(),
  /** Seconds under the query's preset; null when an end is missing or the span is negative. */
  phases: z.object({ coding: seconds, pickup: seconds, review: seconds, merge: seconds, cycle: seconds, deploy: seconds, lead: seconds }),
  /** Phases whose span came out negative (listed, left out of the numbers). */
  negativePhases: z.array(z.string()),
  additions: z.number().int(),
  deletions: z.number().int(),
  size: z.number().int(),
  commits: z.number().int(),
  /** Commits authored after the first review (null: not reviewed). */
  rework: z.number().int().nullable(),
  reviewRounds: z.number().int(),
  /** Humans other than the author who submitted a review. */
  reviewers: z.array(z.string()),
  /** People and teams (`team:slug`) asked for a review. */
  requested: z.array(z.string()),
  deployment: z
    .object({ id: z.string(), label: z.string(), source: z.string(), rule: z.enum(['ancestry', 'time', 'merge']) })
    .nullable(),
  /** Why a PR merged into the default branch has no deployment (yet); null otherwise. */
  undeployedReason: z.enum(['no-deployment-after-merge', 'not-contained']).nullable(),
});
export type PullRequestRow = z.infer<typeof ZPullRequestRow>;

export const ZPullRequestList = z.object({
  period: z.object({ from: z.date(), to: z.date() }),
  preset: z.enum(['default', 'devlake']),
  rows: z.array(ZPullRequestRow),
});
export type PullRequestList = z.infer<typeof ZPullRequestList>;
