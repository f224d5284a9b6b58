/**
 * What every resource sync of one repository shares: where to write, how to ask GitHub, where a first
 * pass starts, and how to report progress.
 */
import type { Db } from '@/server/db/client';
import type { Logger } from '@/server/logger';
import type { GitHubClient } from './client';

export interface RepoRef {
  id: number;
  owner: string;
  name: string;
  fullName: string;
  defaultBranch: string;
}

export interface SyncProgress {
  repo: string;
  resource: string;
  page: number;
  /** Items written by this page. */
  items: number;
  requests: number;
  rateLimitRemaining: number | null;
}

export interface CoverageArtifactSettings {
  /** Artifact names to read. */
  pattern: RegExp;
  /** Larger artifacts (zipped, and their reports unzipped) are not read. */
  maxBytes: number;
}

export interface RepoSyncContext {
  db: Db;
  github: GitHubClient;
  repo: RepoRef;
  logger: Logger;
  /** Where a first pass starts (nothing synced yet): the configured backfill horizon. */
  horizon: Date;
  /** `sync --since`: refetch from here whatever the watermark says. */
  sinceOverride?: Date;
  /** Labels whose issues are incidents. */
  incidentLabel: RegExp;
  /** Coverage report artifacts to download (LEADLINE_COVERAGE_ARTIFACT); absent: none. */
  coverageArtifacts?: CoverageArtifactSettings;
  now(): Date;
  /** Called after each committed page. */
  page(resource: string, items: number): void;
}

/** Where this pass stops paging back: the override, the last watermark (less an overlap), or the horizon. */
export function passStart(ctx: RepoSyncContext, watermark: Date | null | undefined, overlapMs = 0): Date {
  if (ctx.sinceOverride) return ctx.sinceOverride;
  if (watermark) return new Date(Math.max(watermark.getTime() - overlapMs, ctx.horizon.getTime()));
  return ctx.horizon;
}

export function laterOf(a: Date | null | undefined, b: Date | null | undefined): Date | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a > b ? a : b;
}
