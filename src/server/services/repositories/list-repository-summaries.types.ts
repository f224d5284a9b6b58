import { z } from 'zod';

const count = z.number().int().nonnegative();

/** The window "merged recently" counts over: `from <= mergedAt < to`, `to` being `now`. */
export const ZSummaryWindow = z.object({
  from: z.date(),
  to: z.date(),
  days: z.number().int().positive(),
});

const ZRepositoryCounts = z.object({
  openPullRequests: count,
  mergedPullRequests: count,
  /** Closed without being merged. */
  closedPullRequests: count,
  /** Merged inside the summary window. */
  mergedInWindow: count,
  /** Submitted reviews; a PENDING review is an unsent draft and is not counted. */
  reviews: count,
  workflowRuns: count,
  deployments: count,
});

export const ZRepositorySummary = ZRepositoryCounts.extend({
  fullName: z.string(),
  defaultBranch: z.string(),
  isArchived: z.boolean(),
  isPrivate: z.boolean(),
  /** The oldest of its resources' last completed sync passes (all its data is at least this fresh); null if never synced. */
  lastSyncedAt: z.date().nullable(),
});

export const ZRepositoryTotals = ZRepositoryCounts.extend({
  repositories: count,
});

export const ZSyncRunStatus = z.enum(['running', 'succeeded', 'failed']);

export const ZSyncOverview = z.object({
  /** The later of the last successful sync run and the last completed pass over any resource. */
  lastSyncedAt: z.date().nullable(),
  /** The most recent `leadline sync`, whatever its outcome; null before the first. */
  latestRun: z
    .object({
      status: ZSyncRunStatus,
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
    })
    .nullable(),
});

export const ZRepositorySummaries = z.object({
  window: ZSummaryWindow,
  repositories: z.array(ZRepositorySummary),
  totals: ZRepositoryTotals,
  sync: ZSyncOverview,
});

export type SummaryWindow = z.infer<typeof ZSummaryWindow>;
export type RepositorySummary = z.infer<typeof ZRepositorySummary>;
export type RepositoryTotals = z.infer<typeof ZRepositoryTotals>;
export type SyncOverview = z.infer<typeof ZSyncOverview>;
export type RepositorySummaries = z.infer<typeof ZRepositorySummaries>;
