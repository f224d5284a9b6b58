/**
 * Loads the real GitHub REST payloads of panjf2000/ants (from Apache DevLake's e2e data, copied into
 * test/fixtures/devlake-ants) into a FakeOrg, so the fake GitHub serves them through whichever API
 * the sync uses (GraphQL for PRs, REST for runs and comments). Nothing is invented: a field the REST
 * list does not carry (PR additions and deletions, merged_by) is left as GitHub's list leaves it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { FakeCommit, FakeOrg, FakePullRequest, FakeUser, FakeWorkflowRun } from '@/fake-github/model';

export const DEVLAKE_DIR = path.join(import.meta.dirname, '..', 'fixtures', 'devlake-ants');
const API = path.join(DEVLAKE_DIR, 'api', 'repos', 'panjf2000', 'ants');

interface RestUser { id: number; login: string; type: string; node_id?: string }
/* eslint-disable @typescript-eslint/no-explicit-any -- raw fixture JSON, validated by the sync under test */
const read = (...parts: string[]): any => JSON.parse(readFileSync(path.join(API, ...parts), 'utf8'));

export function loadDevlakeAnts(): FakeOrg {
  const users = new Map<number, FakeUser>();
  const login = (user: RestUser | null): string | null => {
    if (!user) return null;
    users.set(user.id, { id: user.id, nodeId: user.node_id ?? `U_${user.id}`, login: user.login, type: user.type === 'Bot' ? 'Bot' : 'User' });
    return user.login;
  };

  const pulls: any[] = read('pulls.json');
  const events: any[] = read('issues', 'events.json');
  const pullRequests: FakePullRequest[] = pulls.map((p) => {
    const commits: any[] = read('pulls', String(p.number), 'commits.json');
    const reviews: any[] = read('pulls', String(p.number), 'reviews.json');
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
      labels: (p.labels ?? []).map((l: { name: string }) => l.name),
      commits: commits.map((c): FakeCommit => ({
        sha: c.sha,
        messageHeadline: String(c.commit.message).split('\n')[0]!,
        authoredAt: c.commit.author.date,
        committedAt: c.commit.committer.date,
        authorLogin: login(c.author),
        parents: c.parents.map((x: { sha: string }) => x.sha),
        statuses: [],
        checkRuns: [],
      })),
      reviews: reviews.map((r) => ({
        id: r.id,
        nodeId: r.node_id,
        authorLogin: login(r.user),
        state: r.state,
        submittedAt: r.submitted_at ?? null,
        commitSha: r.commit_id ?? null,
      })),
      timeline: events
        .filter((e) => e.issue.number === p.number && e.event === 'ready_for_review')
        .map((e) => ({ type: 'ReadyForReviewEvent' as const, nodeId: e.node_id, createdAt: e.created_at, actorLogin: login(e.actor) })),
    };
  });

  const runs: any[] = read('actions', 'runs.json').workflow_runs;
  const workflowRuns: FakeWorkflowRun[] = runs.map((r) => ({
    id: r.id,
    workflowId: r.workflow_id,
    name: r.name,
    path: r.path,
    headBranch: r.head_branch,
    headSha: r.head_sha,
    event: r.event,
    status: r.status,
    conclusion: r.conclusion,
    runAttempt: r.run_attempt ?? 1,
    createdAt: r.created_at,
    runStartedAt: r.run_started_at ?? r.created_at,
    updatedAt: r.updated_at,
    previousAttempts: [],
  }));

  const issueComments = (read('issues', 'comments.json') as any[]).map((c) => ({
    id: c.id,
    issueNumber: Number(/\/(\d+)$/.exec(c.issue_url)![1]),
    authorLogin: login(c.user),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  }));
  const reviewComments = (read('pulls', 'comments.json') as any[]).map((c) => ({
    id: c.id,
    pullNumber: Number(/\/(\d+)$/.exec(c.pull_request_url)![1]),
    reviewId: c.pull_request_review_id ?? null,
    authorLogin: login(c.user),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  }));

  const repo = pulls[0].base.repo;
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
        defaultBranch: repo.default_branch,
        isPrivate: false,
        isArchived: false,
        createdAt: repo.created_at,
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
