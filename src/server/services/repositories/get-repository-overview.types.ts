import { z } from 'zod';
import { ZRepositorySummary, ZSummaryWindow } from './list-repository-summaries.types';

/** `owner/name` as GitHub allows them. */
export const ZRepositoryFullName = z
  .string()
  .trim()
  .regex(/^[\w.-]+\/[\w.-]+$/, 'expected a repository as owner/name, e.g. acme/api');

export const ZGetRepositoryOverviewInput = z.object({
  fullName: ZRepositoryFullName,
});

export const ZRepositoryOverview = z.object({
  window: ZSummaryWindow,
  repository: ZRepositorySummary,
});

export type GetRepositoryOverviewInput = z.infer<typeof ZGetRepositoryOverviewInput>;
export type RepositoryOverview = z.infer<typeof ZRepositoryOverview>;
