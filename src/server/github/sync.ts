/**
 * One sync: resolve the configured targets to repositories, then bring each resource of each
 * repository up to date. A failure in one resource is recorded (on its sync state and in the run's
 * summary) and the sync goes on with the rest; the run then ends as failed. A refused token (401) is
 * the exception: every later request would be refused too, so the sync stops there, with what it has
 * committed page by page kept and each resource's cursor where its last committed page left it.
 */
import type { Db } from '@/server/db/client';
import { closeSyncRun, openSyncRun, writeRepositories } from '@/server/db/queries/write-sync-run';
import type { SyncRunSummary } from '@/server/db/schema';
import type { Logger } from '@/server/logger';
import { TokenRefusedError, type GitHubClient } from './client';
import { resolveTargets } from './resolve-targets';
import { syncComments } from './sync-comments';
import type { CoverageArtifactSettings, RepoRef, RepoSyncContext, SyncProgress } from './sync-context';
import { syncDefaultBranch } from './sync-default-branch';
import { syncDeployments } from './sync-deployments';
import { startHeartbeat } from './sync-heartbeat';
import { syncIncidents } from './sync-incidents';
import { syncPullRequests } from './sync-pull-requests';
import { syncReleases } from './sync-releases';
import { syncCoverageArtifacts } from './sync-coverage-artifacts';
import { syncWorkflowRuns } from './sync-workflow-runs';

/** In this order: comments need the PRs stored first. */
const RESOURCES: [string, (ctx: RepoSyncContext) => Promise<void>][] = [
  ['pull_requests', syncPullRequests],
  ['default_branch', syncDefaultBranch],
  ['workflow_runs', syncWorkflowRuns],
  // After the runs: it reads the stored successful default-branch runs.
  ['coverage_artifacts', syncCoverageArtifacts],
  ['deployments', syncDeployments],
  ['releases', syncReleases],
  ['incidents', syncIncidents],
  ['comments', syncComments],
];

export interface SyncRequest {
  db: Db;
  github: GitHubClient;
  logger: Logger;
  /** `owner/name` or `org:NAME`. */
  targets: string[];
  /** Where a first pass starts. */
  horizon: Date;
  sinceOverride?: Date;
  incidentLabel: RegExp;
  coverageArtifacts?: CoverageArtifactSettings;
  now?: () => Date;
  onProgress?: (progress: SyncProgress) => void;
}

export interface SyncResult {
  runId: number;
  status: 'succeeded' | 'failed';
  repositories: { fullName: string; items: Record<string, number>; errors: string[] }[];
  /** Targets that could not be resolved (unknown repository or organization). */
  targetErrors: string[];
  warnings: string[];
  requests: number;
  rateLimitRemaining: number | null;
}

const MAX_STORED_WARNINGS = 200;

export async function runSync(request: SyncRequest): Promise<SyncResult> {
  const now = request.now ?? (() => new Date());
  const { db, github } = request;
  const requestsBefore = github.stats.requests;
  const warnings: string[] = [];
  const logger: Logger = {
    info: (m) => request.logger.info(m),
    error: (m) => request.logger.error(m),
    warn: (m) => {
      if (warnings.length < MAX_STORED_WARNINGS) warnings.push(m);
      request.logger.warn(m);
    },
  };

  const runId = await openSyncRun(db, now());
  const result: SyncResult = { runId, status: 'succeeded', repositories: [], targetErrors: [], warnings, requests: 0, rateLimitRemaining: null };
  const heartbeat = startHeartbeat(db, result.runId, now, logger);

  try {
    const { repos, errors } = await resolveTargets(github, request.targets, logger);
    result.targetErrors = errors;
    await writeRepositories(db, repos);

    for (const repo of repos) {
      const ref: RepoRef = { id: repo.id, owner: repo.owner, name: repo.name, fullName: repo.fullName, defaultBranch: repo.defaultBranch };
      result.repositories.push(await syncRepository(request, ref, logger, now));
    }
  } catch (error) {
    result.targetErrors.push(message(error));
  } finally {
    await heartbeat.stop();
    if (result.targetErrors.length > 0 || result.repositories.some((r) => r.errors.length > 0)) result.status = 'failed';
    result.requests = github.stats.requests - requestsBefore;
    result.rateLimitRemaining = github.stats.rateLimitRemaining;
    const summary: SyncRunSummary = {
      repositories: Object.fromEntries(result.repositories.map((r) => [r.fullName, r.items])),
      warnings: warnings.slice(0, MAX_STORED_WARNINGS),
    };
    const errorText = [...result.targetErrors, ...result.repositories.flatMap((r) => r.errors)].join('\n') || null;
    await closeSyncRun(db, result.runId, {
      finishedAt: now(),
      status: result.status,
      error: errorText,
      requests: result.requests,
      rateLimitRemaining: result.rateLimitRemaining,
      summary,
    });
  }
  return result;
}

async function syncRepository(request: SyncRequest, repo: RepoRef, logger: Logger, now: () => Date): Promise<SyncResult['repositories'][number]> {
  const items: Record<string, number> = {};
  const pages: Record<string, number> = {};
  const errors: string[] = [];
  const ctx: RepoSyncContext = {
    db: request.db,
    github: request.github,
    repo,
    logger,
    horizon: request.horizon,
    sinceOverride: request.sinceOverride,
    incidentLabel: request.incidentLabel,
    coverageArtifacts: request.coverageArtifacts,
    now,
    page: (resource, count) => {
      items[resource] = (items[resource] ?? 0) + count;
      pages[resource] = (pages[resource] ?? 0) + 1;
      request.onProgress?.({
        repo: repo.fullName,
        resource,
        page: pages[resource],
        items: count,
        requests: request.github.stats.requests,
        rateLimitRemaining: request.github.stats.rateLimitRemaining,
      });
    },
  };
  for (const [resource, sync] of RESOURCES) {
    // Each resource records its own start and failure on its sync state; here they are reported.
    try {
      await sync(ctx);
    } catch (error) {
      if (error instanceof TokenRefusedError) throw error;
      const text = `${repo.fullName} ${resource}: ${message(error)}`;
      errors.push(text);
      logger.error(text);
    }
  }
  return { fullName: repo.fullName, items, errors };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
