/**
 * Loads the real GitHub REST payloads of panjf2000/ants (from Apache DevLake's e2e data, copied into
 * test/fixtures/devlake-ants) into a FakeOrg, so the fake GitHub serves them through whichever API
 * the sync uses: runs and comments as the same REST objects, PRs with their commits, reviews and
 * ready-for-review events as GraphQL answers executed against GitHub's schema. Nothing is invented:
 * what the REST list does not carry (PR additions, deletions and merged_by) stays empty, as it is in
 * DevLake's rows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { components } from '@octokit/openapi-types';
import { parse } from 'csv-parse/sync';
import type { FakeCommit, FakeIssueComment, FakeOrg, FakePullRequest, FakeReview, FakeReviewComment, FakeUser, FakeWorkflowRun } from '@/fake-github/model';

export const DEVLAKE_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'devlake-ants');
const API = path.join(DEVLAKE_DIR, 'api', 'repos', 'panjf2000', 'ants');

// GitHub's REST shapes (today's schema; the fixture's older payloads lack some fields, never these).
type Schemas = components['schemas'];
type RestUser = Schemas['simple-user'];
type RestPull = Schemas['pull-request-simple'];
type RestCommit = Schemas['commit'];
type RestReview = Schemas['pull-request-review'];
type RestIssueEvent = Schemas['issue-event'];
type RestIssueComment = Schemas['issue-comment'];
type RestReviewComment = Schemas['pull-request-review-comment'];
type RestRun = Schemas['workflow-run'];

/** The schema types int64 ids as `number | bigint`; JSON.parse only ever gives numbers. */
type Parsed<T> = T extends bigint ? never : T extends readonly (infer U)[] ? Parsed<U>[] : T extends object ? { [K in keyof T]: Parsed<T[K]> } : T;

function read<T>(...parts: string[]): Parsed<T> {
  return JSON.parse(readFileSync(path.join(API, ...parts), 'utf8')) as Parsed<T>;
}

/** The issue or PR number at the end of an API URL (`…/issues/40`, `…/pulls/40`). */
const numberOf = (url: string) => Number(/\/(\d+)$/.exec(url)![1]);

export function loadDevlakeAnts(): FakeOrg {
  const users = new Map<number, FakeUser>();
  /** Every account the payloads mention becomes a user of the fake; null stays null (a deleted account). */
  const login = (user: Parsed<RestUser> | null | undefined): string | null => {
    if (!user) return null;
    users.set(user.id, { id: user.id, nodeId: user.node_id, login: user.login, type: user.type === 'Bot' ? 'Bot' : 'User' });
    return user.login;
  };

  const pulls = read<RestPull[]>('pulls.json');
  const events = read<RestIssueEvent[]>('issues', 'events.json');
  const pullRequests = pulls.map((p): FakePullRequest => {
    const commits = read<RestCommit[]>('pulls', String(p.number), 'commits.json');
    const reviews = read<RestReview[]>('pulls', String(p.number), 'reviews.json');
    return {
      id: p.id,
      nodeId: p.node_id,
      number: p.number,
      title: p.title,
      authorLogin: login(p.user),
      state: p.merged_at ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED',
      isDraft: Boolean(p.draft),
      headRef: p.head.ref,
      baseRef: p.base.ref,
      // null when the head fork was deleted (older payloads).
      headRepoFullName: p.head.repo?.full_name ?? null,
      createdAt: p.created_at,
      updatedAt: p.updated_at,
      closedAt: p.closed_at,
      mergedAt: p.merged_at,
      mergedByLogin: null,
      mergeCommitSha: p.merged_at ? p.merge_commit_sha : null,
      additions: 0,
      deletions: 0,
      changedFiles: 0,
      labels: p.labels.map((l) => l.name),
      commits: commits.map((c): FakeCommit => ({
        sha: c.sha,
        messageHeadline: c.commit.message.split('\n')[0]!,
        authoredAt: c.commit.author!.date!,
        committedAt: c.commit.committer!.date!,
        authorLogin: login(c.author as Parsed<RestUser> | null),
        parents: c.parents.map((x) => x.sha),
        statuses: [],
        checkRuns: [],
      })),
      reviews: reviews.map((r): FakeReview => ({
        id: r.id,
        nodeId: r.node_id,
        authorLogin: login(r.user),
        state: r.state as FakeReview['state'],
        submittedAt: r.submitted_at ?? null,
        commitSha: r.commit_id ?? null,
      })),
      timeline: events
        .filter((e) => e.issue?.number === p.number && e.event === 'ready_for_review')
        .map((e) => ({ type: 'ReadyForReviewEvent' as const, nodeId: e.node_id, createdAt: e.created_at, actorLogin: login(e.actor) })),
    };
  });

  const runs = read<{ total_count: number; workflow_runs: RestRun[] }>('actions', 'runs.json').workflow_runs;
  const workflowRuns = runs.map((r): FakeWorkflowRun => ({
    id: r.id,
    workflowId: r.workflow_id,
    name: r.name ?? '',
    path: r.path,
    headBranch: r.head_branch,
    headSha: r.head_sha,
    event: r.event,
    status: r.status as FakeWorkflowRun['status'],
    conclusion: r.conclusion as FakeWorkflowRun['conclusion'],
    runAttempt: r.run_attempt ?? 1,
    createdAt: r.created_at,
    // Older payloads have no run_started_at: the run started when it was created.
    runStartedAt: r.run_started_at ?? r.created_at,
    updatedAt: r.updated_at,
    previousAttempts: [],
  }));

  const issueComments = read<RestIssueComment[]>('issues', 'comments.json').map((c): FakeIssueComment => ({
    id: c.id,
    issueNumber: numberOf(c.issue_url),
    authorLogin: login(c.user),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  }));
  const reviewComments = read<RestReviewComment[]>('pulls', 'comments.json').map((c): FakeReviewComment => ({
    id: c.id,
    pullNumber: numberOf(c.pull_request_url),
    reviewId: c.pull_request_review_id ?? null,
    authorLogin: login(c.user),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  }));

  const repo = pulls[0]!.base.repo;
  return {
    login: 'panjf2000',
    users: [...users.values()],
    teams: [],
    repositories: [
      {
        id: repo.id,
        nodeId: repo.node_id,
        owner: 'panjf2000',
        name: 'ants',
        defaultBranch: repo.default_branch ?? 'master',
        isPrivate: false,
        isArchived: false,
        createdAt: repo.created_at!,
        pullRequests,
        defaultBranchCommits: [],
        workflowRuns,
        deployments: [],
        releases: [],
        issues: [],
        labels: [],
        issueComments,
        reviewComments,
      },
    ],
  };
}

/** One of DevLake's expected CSVs, as objects keyed by the header row. */
export function readExpectedCsv(name: string): Record<string, string>[] {
  return parse(readFileSync(path.join(DEVLAKE_DIR, 'expected', name), 'utf8'), { columns: true, skip_empty_lines: true });
}
