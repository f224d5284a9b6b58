/** The sync page at the boundary: what is stored per repository, the latest run, a live sync, and whether a sync can start. */
import { z } from 'zod';

const ZProgress = z.object({ repo: z.string(), resource: z.string(), page: z.number().int(), items: z.number().int(), requests: z.number().int(), rateLimitRemaining: z.number().int().nullable() });

export const ZLiveSync = z.object({
  startedAt: z.date(),
  finishedAt: z.date().nullable(),
  status: z.enum(['running', 'succeeded', 'failed']),
  progress: ZProgress.nullable(),
  pages: z.number().int(),
  items: z.number().int(),
  error: z.string().nullable(),
});

export const ZSyncPage = z.object({
  /** Not the token: only how the app authenticates and where GitHub is. */
  github: z.object({ auth: z.enum(['token', 'app', 'none']), apiHost: z.string() }),
  configuredTargets: z.array(z.string()),
  /** Why Sync now cannot start (null: it can). */
  cannotStart: z.string().nullable(),
  repositories: z.array(
    z.object({
      fullName: z.string(),
      lastCompletedAt: z.date().nullable(),
      resumable: z.array(z.string()),
      errors: z.array(z.object({ resource: z.string(), error: z.string() })),
    }),
  ),
  lastRun: z
    .object({
      startedAt: z.date(),
      finishedAt: z.date().nullable(),
      status: z.string(),
      error: z.string().nullable(),
      requests: z.number().int(),
      rateLimitRemaining: z.number().int().nullable(),
      warnings: z.number().int(),
    })
    .nullable(),
  live: ZLiveSync.nullable(),
});
export type SyncPage = z.infer<typeof ZSyncPage>;
