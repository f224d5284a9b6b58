/**
 * The sync page at the boundary: what is stored per repository and resource, the latest runs, a
 * live sync, and whether a sync can start. Nothing secret: of the configuration only how the app
 * authenticates, the API host and the configured targets.
 */
import { z } from 'zod';

const ZProgress = z.object({
  repo: z.string(),
  resource: z.string(),
  /** The page number within this resource's pass. */
  page: z.number().int(),
  /** Items that page wrote. */
  items: z.number().int(),
  requests: z.number().int(),
  rateLimitRemaining: z.number().int().nullable(),
});

export const ZLiveSync = z.object({
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  targets: z.array(z.string()),
  /** The latest page written. */
  progress: ZProgress.nullable(),
  pages: z.number().int(),
  items: z.number().int(),
  repositories: z.number().int(),
  requests: z.number().int(),
  rateLimitRemaining: z.number().int().nullable(),
  rateLimitResetAt: z.date().nullable(),
  /** What the sync waits out now: GitHub's rate limit until its reset, a secondary limit, or a backoff after a server error. */
  waiting: z.object({ reason: z.enum(['rate-limit', 'secondary-rate-limit', 'server-error']), until: z.date() }).nullable(),
  runId: z.number().int().nullable(),
  error: z.string().nullable(),
});
export type LiveSyncView = z.infer<typeof ZLiveSync>;

/** `sync.progress`: this server's sync, or one that counts as running in another process. */
export const ZSyncProgress = z.object({
  live: ZLiveSync.nullable(),
  elsewhere: z.object({ startedAt: z.date(), lastActivityAt: z.date() }).nullable(),
});
export type SyncProgressView = z.infer<typeof ZSyncProgress>;

export const ZSyncRun = z.object({
  id: z.number().int(),
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  /** running, succeeded or failed; `stale`: recorded as running but silent too long (its process is gone). */
  status: z.string(),
  stale: z.boolean(),
  error: z.string().nullable(),
  requests: z.number().int(),
  rateLimitRemaining: z.number().int().nullable(),
  items: z.number().int().nullable(),
  warnings: z.number().int(),
});

export const ZSyncPage = z.object({
  /** Not the token: only how the app authenticates and where GitHub is. */
  github: z.object({ auth: z.enum(['token', 'app', 'none']), apiHost: z.string() }),
  configuredTargets: z.array(z.string()),
  /** Why Sync now cannot start with this configuration, and what to set (null: it can). */
  cannotStart: z.object({ reason: z.string(), fix: z.enum(['credentials', 'repositories']) }).nullable(),
  /** A run silent for this long no longer blocks Sync now. */
  staleAfterMinutes: z.number(),
  /** GitHub's rate limit as last seen by a sync. */
  rateLimit: z.object({ remaining: z.number().int(), seenAt: z.date() }).nullable(),
  repositories: z.array(
    z.object({
      fullName: z.string(),
      lastCompletedAt: z.date().nullable(),
      resumable: z.array(z.string()),
      errors: z.array(z.object({ resource: z.string(), error: z.string() })),
      resources: z.array(
        z.object({
          resource: z.string(),
          watermark: z.date().nullable(),
          lastStartedAt: z.date().nullable(),
          lastCompletedAt: z.date().nullable(),
          resumes: z.boolean(),
          lastError: z.string().nullable(),
        }),
      ),
    }),
  ),
  /** The latest runs, newest first. */
  runs: z.array(ZSyncRun),
  progress: ZSyncProgress,
});
export type SyncPage = z.infer<typeof ZSyncPage>;
