/**
 * Leadline's storage: facts from GitHub, never derived numbers (every metric is computed from these
 * rows by src/metrics, so a changed definition never needs a resync).
 *
 * Keys are GitHub's own ids (numeric `databaseId` where GitHub has one, the GraphQL node id where it
 * does not), so every sync is an idempotent upsert. Timestamps are UTC `timestamptz`.
 * One pg-core schema serves both PGlite (embedded) and node-postgres.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** GitHub ids exceed 2^31 (workflow run ids are ~10^10) but stay far below 2^53. */
const githubId = (name: string) => bigint(name, { mode: 'number' });
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const repositories = pgTable(
  'repositories',
  {
    id: githubId('id').primaryKey(),
    nodeId: text('node_id').notNull(),
    owner: text('owner').notNull(),
    name: text('name').notNull(),
    /** `owner/name` as GitHub spells it; unique case-insensitively, like GitHub. */
    fullName: text('full_name').notNull(),
    defaultBranch: text('default_branch').notNull(),
    isArchived: boolean('is_archived').notNull().default(false),
    isPrivate: boolean('is_private').notNull().default(false),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('repositories_full_name_lower').on(sql`lower(${t.fullName})`)],
);

/**
 * Accounts that authored, reviewed, merged or were asked to review. `type` is GitHub's own
 * (User, Bot, Organization, Mannequin). Bot logins are stored REST-style, with the `[bot]` suffix,
 * whichever API they came from. The configured bot list is applied at query time, not stored.
 */
export const users = pgTable(
  'users',
  {
    id: githubId('id').primaryKey(),
    login: text('login').notNull(),
    type: text('type').notNull(),
    isBot: boolean('is_bot').notNull(),
  },
  (t) => [index('users_login').on(t.login)],
);

export const pullRequests = pgTable(
  'pull_requests',
  {
    id: githubId('id').primaryKey(),
    nodeId: text('node_id').notNull(),
    repoId: githubId('repo_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** open, closed (without merge) or merged. */
    state: text('state').notNull(),
    isDraft: boolean('is_draft').notNull(),
    /** null for a deleted account ("ghost"). */
    authorId: githubId('author_id'),
    headRef: text('head_ref').notNull(),
    baseRef: text('base_ref').notNull(),
    /** null when the head fork was deleted. */
    headRepoFullName: text('head_repo_full_name'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    closedAt: at('closed_at'),
    mergedAt: at('merged_at'),
    mergedById: githubId('merged_by_id'),
    mergeCommitSha: text('merge_commit_sha'),
    additions: integer('additions').notNull(),
    deletions: integer('deletions').notNull(),
    changedFiles: integer('changed_files').notNull(),
  },
  (t) => [
    uniqueIndex('pull_requests_repo_number').on(t.repoId, t.number),
    index('pull_requests_repo_merged').on(t.repoId, t.mergedAt),
    index('pull_requests_repo_created').on(t.repoId, t.createdAt),
  ],
);

export const pullRequestLabels = pgTable(
  'pull_request_labels',
  {
    pullRequestId: githubId('pull_request_id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pullRequestId, t.name] })],
);

/**
 * Commits of pull requests and of the default branch. `parentShas` lets deployments be mapped to
 * the PRs they ship by ancestry without asking GitHub's compare API.
 */
export const commits = pgTable(
  'commits',
  {
    repoId: githubId('repo_id').notNull(),
    sha: text('sha').notNull(),
    authoredAt: at('authored_at').notNull(),
    committedAt: at('committed_at').notNull(),
    authorId: githubId('author_id'),
    messageHeadline: text('message_headline').notNull(),
    /** null when unknown: PR commits are fetched without parents; default-branch history has them. */
    parentShas: text('parent_shas').array(),
    /** Seen in the default branch's history (coverage and ancestry are read from these). */
    onDefaultBranch: boolean('on_default_branch').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.repoId, t.sha] }),
    index('commits_default_branch')
      .on(t.repoId, t.committedAt)
      .where(sql`${t.onDefaultBranch}`),
  ],
);

export const pullRequestCommits = pgTable(
  'pull_request_commits',
  {
    pullRequestId: githubId('pull_request_id').notNull(),
    sha: text('sha').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pullRequestId, t.sha] })],
);

export const reviews = pgTable(
  'reviews',
  {
    id: githubId('id').primaryKey(),
    pullRequestId: githubId('pull_request_id').notNull(),
    authorId: githubId('author_id'),
    /** APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED or PENDING. */
    state: text('state').notNull(),
    /** null while PENDING. */
    submittedAt: at('submitted_at'),
    commitSha: text('commit_sha'),
  },
  (t) => [index('reviews_pull_request').on(t.pullRequestId)],
);

/**
 * Conversation comments (on PRs and issues alike) and diff comments, as REST lists them repo-wide.
 * Keyed to their PR by (repository, number) and joined at query time, so a comment never depends on
 * its PR having been synced first (a PR sync that fails half-way loses no comments). Our definitions
 * ignore comments (a comment is not a review); the DevLake-compatible preset counts any comment as
 * a first review.
 */
export const comments = pgTable(
  'comments',
  {
    id: githubId('id').primaryKey(),
    repoId: githubId('repo_id').notNull(),
    /** The PR's (or issue's) number. */
    number: integer('number').notNull(),
    authorId: githubId('author_id'),
    /** `conversation` (issue comment) or `diff` (review comment). */
    kind: text('kind').notNull(),
    reviewId: githubId('review_id'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('comments_repo_number').on(t.repoId, t.number)],
);

/**
 * Timeline events the metrics need: review requests (to a user or a team), their removal, and the
 * draft/ready transitions. GitHub gives these no numeric id, so the node id is the key.
 */
export const pullRequestEvents = pgTable(
  'pull_request_events',
  {
    nodeId: text('node_id').primaryKey(),
    pullRequestId: githubId('pull_request_id').notNull(),
    /** review_requested, review_request_removed, ready_for_review or convert_to_draft. */
    kind: text('kind').notNull(),
    createdAt: at('created_at').notNull(),
    actorId: githubId('actor_id'),
    requestedReviewerId: githubId('requested_reviewer_id'),
    requestedTeam: text('requested_team'),
  },
  (t) => [index('pull_request_events_pull_request').on(t.pullRequestId)],
);

/** One row per workflow run; its columns describe the latest attempt, as GitHub's run object does. */
export const workflowRuns = pgTable(
  'workflow_runs',
  {
    id: githubId('id').primaryKey(),
    repoId: githubId('repo_id').notNull(),
    workflowId: githubId('workflow_id').notNull(),
    workflowName: text('workflow_name').notNull(),
    headBranch: text('head_branch'),
    headSha: text('head_sha').notNull(),
    event: text('event').notNull(),
    status: text('status'),
    conclusion: text('conclusion'),
    runAttempt: integer('run_attempt').notNull(),
    createdAt: at('created_at').notNull(),
    runStartedAt: at('run_started_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('workflow_runs_repo_created').on(t.repoId, t.createdAt)],
);

/** Every attempt of every run, the latest included (flakiness is a failed attempt then a success). */
export const workflowRunAttempts = pgTable(
  'workflow_run_attempts',
  {
    runId: githubId('run_id').notNull(),
    attempt: integer('attempt').notNull(),
    status: text('status'),
    conclusion: text('conclusion'),
    createdAt: at('created_at').notNull(),
    runStartedAt: at('run_started_at'),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.attempt] })],
);

/**
 * Coverage report artifacts of successful default-branch runs (docs/metrics.md#coverage-of-a-commit, source 3), when
 * LEADLINE_COVERAGE_ARTIFACT is set: one row per artifact looked at, with what was read from it, or
 * why nothing was (too large, expired, no report inside, unreadable), so it is never fetched twice.
 */
export const coverageArtifacts = pgTable(
  'coverage_artifacts',
  {
    id: githubId('id').primaryKey(),
    repoId: githubId('repo_id').notNull(),
    runId: githubId('run_id').notNull(),
    headSha: text('head_sha').notNull(),
    name: text('name').notNull(),
    sizeInBytes: bigint('size_in_bytes', { mode: 'number' }).notNull(),
    createdAt: at('created_at').notNull(),
    /** istanbul, lcov or cobertura; null when nothing was read. */
    format: text('format'),
    /** Line coverage in percent. */
    pct: doublePrecision('pct'),
    skippedReason: text('skipped_reason'),
  },
  (t) => [index('coverage_artifacts_repo_sha').on(t.repoId, t.headSha)],
);

/** Commit statuses of default-branch commits (Codecov and Coveralls report coverage here). */
export const commitStatuses = pgTable(
  'commit_statuses',
  {
    nodeId: text('node_id').primaryKey(),
    repoId: githubId('repo_id').notNull(),
    sha: text('sha').notNull(),
    context: text('context').notNull(),
    state: text('state').notNull(),
    description: text('description'),
    targetUrl: text('target_url'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('commit_statuses_sha').on(t.repoId, t.sha)],
);

/** Check runs of default-branch commits (coverage tools also report as check runs). */
export const checkRuns = pgTable(
  'check_runs',
  {
    id: githubId('id').primaryKey(),
    repoId: githubId('repo_id').notNull(),
    headSha: text('head_sha').notNull(),
    name: text('name').notNull(),
    status: text('status').notNull(),
    conclusion: text('conclusion'),
    startedAt: at('started_at'),
    completedAt: at('completed_at'),
    outputTitle: text('output_title'),
    outputSummary: text('output_summary'),
    appSlug: text('app_slug'),
  },
  (t) => [index('check_runs_sha').on(t.repoId, t.headSha)],
);

export const deployments = pgTable(
  'deployments',
  {
    id: githubId('id').primaryKey(),
    repoId: githubId('repo_id').notNull(),
    sha: text('sha').notNull(),
    ref: text('ref').notNull(),
    task: text('task').notNull(),
    environment: text('environment').notNull(),
    creatorId: githubId('creator_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('deployments_repo_created').on(t.repoId, t.createdAt)],
);

export const deploymentStatuses = pgTable(
  'deployment_statuses',
  {
    id: githubId('id').primaryKey(),
    deploymentId: githubId('deployment_id').notNull(),
    /** queued, pending, in_progress, success, failure, error or inactive. */
    state: text('state').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('deployment_statuses_deployment').on(t.deploymentId)],
);

export const releases = pgTable(
  'releases',
  {
    id: githubId('id').primaryKey(),
    repoId: githubId('repo_id').notNull(),
    tagName: text('tag_name').notNull(),
    name: text('name'),
    targetCommitish: text('target_commitish').notNull(),
    isDraft: boolean('is_draft').notNull(),
    isPrerelease: boolean('is_prerelease').notNull(),
    authorId: githubId('author_id'),
    createdAt: at('created_at').notNull(),
    publishedAt: at('published_at'),
  },
  (t) => [index('releases_repo').on(t.repoId)],
);

/** The repository's labels (incident labels are picked from these by the configured pattern). */
export const repositoryLabels = pgTable(
  'repository_labels',
  {
    repoId: githubId('repo_id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.repoId, t.name] })],
);

/** Issues carrying a label that matches the incident pattern (only those are fetched). */
export const incidents = pgTable(
  'incidents',
  {
    id: githubId('id').primaryKey(),
    repoId: githubId('repo_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    state: text('state').notNull(),
    labels: text('labels').array().notNull(),
    authorId: githubId('author_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    closedAt: at('closed_at'),
  },
  (t) => [index('incidents_repo').on(t.repoId)],
);

/**
 * Where each (repository, resource) sync stands. `watermark` is the high-water mark of the last
 * complete pass; while a pass is under way, `cursor` and `pendingWatermark` let a killed sync resume
 * from the last committed page instead of starting over. `etag` makes an unchanged list a 304.
 */
export const syncState = pgTable(
  'sync_state',
  {
    repoId: githubId('repo_id').notNull(),
    resource: text('resource').notNull(),
    watermark: at('watermark'),
    pendingWatermark: at('pending_watermark'),
    cursor: text('cursor'),
    etag: text('etag'),
    lastStartedAt: at('last_started_at'),
    lastCompletedAt: at('last_completed_at'),
    lastError: text('last_error'),
  },
  (t) => [primaryKey({ columns: [t.repoId, t.resource] })],
);

/** One row per `leadline sync` invocation, for `leadline status` and the dashboard. */
export const syncRuns = pgTable('sync_runs', {
  id: serial('id').primaryKey(),
  startedAt: at('started_at').notNull(),
  finishedAt: at('finished_at'),
  /** running, succeeded or failed. */
  status: text('status').notNull(),
  /**
   * Beaten every HEARTBEAT_MS while the run's process lives: a run recorded as running whose beat
   * stopped is dead (its process was killed), however recently it started or however long it runs.
   */
  heartbeatAt: at('heartbeat_at'),
  error: text('error'),
  requests: integer('requests').notNull().default(0),
  rateLimitRemaining: integer('rate_limit_remaining'),
  /** Items written per repository and resource, and the warnings for skipped payloads. */
  summary: jsonb('summary').$type<SyncRunSummary>(),
});

export interface SyncRunSummary {
  repositories: Record<string, Record<string, number>>;
  warnings: string[];
}

/**
 * Generated reports, archived as they were: the model and every format's text, so last month's
 * report reads the same after definitions, code or data change.
 */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    /** ISO week, e.g. 2026-W45. */
    week: text('week').notNull(),
    /** The repositories and team it covered. */
    scope: jsonb('scope').$type<{ repos: string[]; team: string | null }>().notNull(),
    createdAt: at('created_at').notNull(),
    /** The report model (JSON format). */
    model: jsonb('model').notNull(),
    /** Each format's text: md, html, csv, json. */
    content: jsonb('content').$type<Record<string, string>>().notNull(),
  },
  (t) => [index('reports_week').on(t.week)],
);

/**
 * What `leadline nudge` has posted: one row per team and item (a PR waiting for its first review, a
 * review request, a red stretch) with the item's state when it was nudged. An item is nudged again
 * only when its state changes (docs/agreements.md#nudges).
 */
export const nudgesSent = pgTable(
  'nudges_sent',
  {
    team: text('team').notNull(),
    /** The item's stable key, e.g. `first-review:acme/api#12@2026-11-27T14:00:00.000Z`. */
    itemKey: text('item_key').notNull(),
    state: text('state').notNull(),
    sentAt: at('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.team, t.itemKey] })],
);
