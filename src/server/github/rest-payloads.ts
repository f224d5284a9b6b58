/**
 * zod schemas for the REST payloads the sync reads, lenient where GitHub's older payloads differ
 * from today's (runs from before 2021 have no `run_attempt` or `run_started_at`) or where GitHub
 * answers null (a deleted account is `user: null` / `creator: null`).
 */
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const ZRestUser = z.object({ id: z.number().int(), login: z.string(), type: z.string().default('User') });
export type RestUser = z.infer<typeof ZRestUser>;

export const ZWorkflowRun = z.object({
  id: z.number().int(),
  workflow_id: z.number().int(),
  name: z.string().nullish(),
  path: z.string().nullish(),
  head_branch: z.string().nullable(),
  head_sha: z.string(),
  event: z.string(),
  status: z.string().nullable(),
  conclusion: z.string().nullable(),
  run_attempt: z.number().int().positive().default(1),
  created_at: isoTime,
  run_started_at: isoTime.nullish(),
  updated_at: isoTime,
});
export type WorkflowRun = z.infer<typeof ZWorkflowRun>;

/** A workflow run's artifact (the list at …/actions/runs/{id}/artifacts). */
export const ZArtifact = z.object({
  id: z.number().int(),
  name: z.string(),
  size_in_bytes: z.number().int().nonnegative(),
  expired: z.boolean(),
  created_at: isoTime.nullish(),
  workflow_run: z.object({ head_sha: z.string().nullish() }).nullish(),
});

export const ZDeployment = z.object({
  id: z.number().int(),
  sha: z.string(),
  ref: z.string(),
  task: z.string().default('deploy'),
  environment: z.string(),
  creator: ZRestUser.nullable(),
  created_at: isoTime,
  updated_at: isoTime,
});
export type Deployment = z.infer<typeof ZDeployment>;

export const ZDeploymentStatus = z.object({
  id: z.number().int(),
  state: z.enum(['error', 'failure', 'inactive', 'pending', 'success', 'queued', 'in_progress']),
  created_at: isoTime,
});

export const ZRelease = z.object({
  id: z.number().int(),
  tag_name: z.string(),
  name: z.string().nullable(),
  target_commitish: z.string(),
  draft: z.boolean(),
  prerelease: z.boolean(),
  author: ZRestUser.nullable(),
  created_at: isoTime,
  published_at: isoTime.nullable(),
});
export type Release = z.infer<typeof ZRelease>;

export const ZLabel = z.object({ name: z.string() });

export const ZIssue = z.object({
  id: z.number().int(),
  number: z.number().int(),
  title: z.string(),
  state: z.string(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string().nullish() })])),
  user: ZRestUser.nullable(),
  created_at: isoTime,
  updated_at: isoTime,
  closed_at: isoTime.nullable(),
  pull_request: z.unknown().optional(),
});
export type Issue = z.infer<typeof ZIssue>;

export const ZIssueComment = z.object({
  id: z.number().int(),
  issue_url: z.string(),
  user: ZRestUser.nullable(),
  created_at: isoTime,
  updated_at: isoTime,
});

export const ZReviewComment = z.object({
  id: z.number().int(),
  pull_request_url: z.string(),
  pull_request_review_id: z.number().int().nullable(),
  user: ZRestUser.nullable(),
  created_at: isoTime,
  updated_at: isoTime,
});

/**
 * REST shows a deleted account as null or as GitHub's placeholder account `ghost` (id 10137);
 * GraphQL answers null. Both are stored as unknown (null), so a deleted account is one thing.
 */
export const GHOST_USER_ID = 10137;

export function userRow(user: RestUser | null): { id: number; login: string; type: string; isBot: boolean } | null {
  if (!user || user.id === GHOST_USER_ID) return null;
  return { id: user.id, login: user.login, type: user.type, isBot: user.type === 'Bot' };
}

/** The trailing number of `…/issues/42` or `…/pulls/42`. */
export function numberFromUrl(url: string): number | null {
  const match = /\/(\d+)$/.exec(url);
  return match ? Number(match[1]) : null;
}
