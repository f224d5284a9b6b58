/**
 * Runs the real sync against a fake GitHub, and reads back what it stored, for the sync tests.
 */
import { sql } from 'drizzle-orm';
import type { GitHubAuth } from '@/config/env';
import { queryRows, type Db } from '@/server/db/client';
import type { Clock } from '@/server/github/clock';
import { createGitHubClient, type GitHubWait } from '@/server/github/client';
import { runSync, type SyncResult } from '@/server/github/sync';
import { memoryLogger, type MemoryLogger } from '@/server/logger';

export interface HarnessSync {
  result: SyncResult;
  logger: MemoryLogger;
}

export interface HarnessOptions {
  targets: string[];
  horizon: Date;
  now: Date;
  apiUrl?: string;
  sinceOverride?: Date;
  coverageArtifacts?: { pattern: RegExp; maxBytes: number };
  /** Default a token. */
  auth?: GitHubAuth;
  /** Default 0: a failure injected by a test must fail the sync, not be retried away. */
  retries?: number;
  clock?: Clock;
  timeoutMs?: number;
  onWait?: (wait: GitHubWait) => void;
}

export async function syncWithFake(db: Db, options: HarnessOptions): Promise<HarnessSync> {
  const logger = memoryLogger();
  const github = createGitHubClient({
    apiUrl: options.apiUrl ?? 'https://api.github.com',
    auth: options.auth ?? { kind: 'token', token: 'test-token' },
    logger,
    graphqlIntervalMs: 0,
    retries: options.retries ?? 0,
    clock: options.clock,
    timeoutMs: options.timeoutMs,
    onWait: options.onWait,
  });
  const result = await runSync({
    db,
    github,
    logger,
    targets: options.targets,
    horizon: options.horizon,
    sinceOverride: options.sinceOverride,
    incidentLabel: /incident/i,
    coverageArtifacts: options.coverageArtifacts,
    now: () => options.now,
  });
  return { result, logger };
}

/** Every fact table, rows in key order: two syncs that stored the same facts give equal snapshots. */
export const FACT_TABLES = [
  'repositories',
  'users',
  'pull_requests',
  'pull_request_labels',
  'commits',
  'pull_request_commits',
  'reviews',
  'comments',
  'pull_request_events',
  'workflow_runs',
  'workflow_run_attempts',
  'commit_statuses',
  'check_runs',
  'deployments',
  'deployment_statuses',
  'releases',
  'repository_labels',
  'incidents',
] as const;

export async function snapshotFacts(db: Db): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of FACT_TABLES) {
    const rows = await queryRows<Record<string, unknown>>(db, sql.raw(`select * from ${table}`));
    // Sorted on the whole serialised row: a total order without knowing each table's key.
    snapshot[table] = rows
      .map((row) => JSON.stringify(row))
      .sort()
      .map((row) => JSON.parse(row));
  }
  return snapshot;
}

export async function count(db: Db, query: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(db, sql.raw(query));
  return Number(row!.n);
}
