/**
 * The in-memory world a fake GitHub serves: an org of repositories with their pull requests, default
 * branch history, workflow runs, deployments, releases and issues. It is GitHub-shaped (ids, logins,
 * ISO timestamps), not Leadline-shaped, so the real sync code reads it exactly as it reads GitHub.
 *
 * Two producers fill it: the seeded synthetic-org generator (tests, demo, benchmarks) and the loader
 * of the real DevLake fixture payloads. One consumer serves it: the msw handlers.
 */

export type IsoTime = string;

export interface FakeUser {
  id: number;
  nodeId: string;
  /** REST spelling: bots end in `[bot]` (GraphQL's Bot.login drops the suffix). */
  login: string;
  type: 'User' | 'Bot';
}

export interface FakeOrg {
  login: string;
  users: FakeUser[];
  teams: FakeTeam[];
  repositories: FakeRepository[];
}

export interface FakeTeam {
  slug: string;
  name: string;
  memberLogins: string[];
}

export interface FakeRepository {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  defaultBranch: string;
  isPrivate: boolean;
  isArchived: boolean;
  createdAt: IsoTime;
  pullRequests: FakePullRequest[];
  /** The default branch's history, newest first (GraphQL `history` order). */
  defaultBranchCommits: FakeCommit[];
  workflowRuns: FakeWorkflowRun[];
  deployments: FakeDeployment[];
  releases: FakeRelease[];
  issues: FakeIssue[];
  labels: string[];
  /** Conversation comments on PRs (REST `issues/comments`). */
  issueComments: FakeIssueComment[];
  /** Diff comments on PRs (REST `pulls/comments`). */
  reviewComments: FakeReviewComment[];
}

export interface FakeCommit {
  sha: string;
  messageHeadline: string;
  authoredAt: IsoTime;
  committedAt: IsoTime;
  /** null: the commit's email matches no GitHub account. */
  authorLogin: string | null;
  parents: string[];
  statuses: FakeCommitStatus[];
  checkRuns: FakeCheckRun[];
}

export interface FakeCommitStatus {
  nodeId: string;
  context: string;
  state: 'ERROR' | 'EXPECTED' | 'FAILURE' | 'PENDING' | 'SUCCESS';
  description: string | null;
  targetUrl: string | null;
  createdAt: IsoTime;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  appSlug: string;
  status: 'QUEUED' | 'IN_PROGRESS' | 'COMPLETED';
  conclusion: 'SUCCESS' | 'FAILURE' | 'NEUTRAL' | 'CANCELLED' | 'SKIPPED' | 'TIMED_OUT' | 'ACTION_REQUIRED' | null;
  startedAt: IsoTime | null;
  completedAt: IsoTime | null;
  title: string | null;
  summary: string | null;
}

export interface FakePullRequest {
  id: number;
  nodeId: string;
  number: number;
  title: string;
  /** null: the author's account was deleted (GitHub shows "ghost"). */
  authorLogin: string | null;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  headRef: string;
  baseRef: string;
  /** null: the head fork was deleted. */
  headRepoFullName: string | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  closedAt: IsoTime | null;
  mergedAt: IsoTime | null;
  mergedByLogin: string | null;
  mergeCommitSha: string | null;
  additions: number;
  deletions: number;
  changedFiles: number;
  labels: string[];
  commits: FakeCommit[];
  reviews: FakeReview[];
  /** Review requests, their removals and draft/ready transitions, oldest first. */
  timeline: FakeTimelineEvent[];
}

export interface FakeReview {
  id: number;
  nodeId: string;
  authorLogin: string | null;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  submittedAt: IsoTime | null;
  commitSha: string | null;
}

export type FakeTimelineEvent =
  | {
      type: 'ReviewRequestedEvent' | 'ReviewRequestRemovedEvent';
      nodeId: string;
      createdAt: IsoTime;
      actorLogin: string | null;
      reviewer: { kind: 'user'; login: string } | { kind: 'team'; slug: string } | null;
    }
  | {
      type: 'ReadyForReviewEvent' | 'ConvertToDraftEvent';
      nodeId: string;
      createdAt: IsoTime;
      actorLogin: string | null;
    };

export interface FakeIssueComment {
  id: number;
  /** The PR's (or issue's) number. */
  issueNumber: number;
  authorLogin: string | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

export interface FakeReviewComment {
  id: number;
  pullNumber: number;
  reviewId: number | null;
  authorLogin: string | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
}

export interface FakeWorkflowRun {
  id: number;
  workflowId: number;
  name: string;
  /** e.g. `.github/workflows/ci.yml` */
  path: string;
  headBranch: string | null;
  headSha: string;
  event: string;
  /** The latest attempt: these fields are what GitHub's run object shows. */
  status: 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
  conclusion: 'success' | 'failure' | 'cancelled' | 'skipped' | 'timed_out' | 'neutral' | 'action_required' | 'startup_failure' | 'stale' | null;
  runAttempt: number;
  createdAt: IsoTime;
  runStartedAt: IsoTime;
  updatedAt: IsoTime;
  /** Earlier attempts, 1 … runAttempt-1 (REST `…/attempts/{n}` serves these and the latest). */
  previousAttempts: FakeRunAttempt[];
  /** Uploaded artifacts (`…/runs/{id}/artifacts`); absent: none. */
  artifacts?: FakeArtifact[];
}

/** A run's artifact: its zip is served by a redirect to storage, as GitHub does. */
export interface FakeArtifact {
  id: number;
  name: string;
  expired: boolean;
  createdAt: IsoTime;
  /** The archive's bytes; its size is what the listing says. */
  zip: Uint8Array;
}

export interface FakeRunAttempt {
  attempt: number;
  status: FakeWorkflowRun['status'];
  conclusion: FakeWorkflowRun['conclusion'];
  runStartedAt: IsoTime;
  updatedAt: IsoTime;
}

export interface FakeDeployment {
  id: number;
  nodeId: string;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  creatorLogin: string | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  /** Oldest first. */
  statuses: FakeDeploymentStatus[];
}

export interface FakeDeploymentStatus {
  id: number;
  state: 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';
  createdAt: IsoTime;
}

export interface FakeRelease {
  id: number;
  tagName: string;
  name: string | null;
  targetCommitish: string;
  draft: boolean;
  prerelease: boolean;
  authorLogin: string | null;
  createdAt: IsoTime;
  publishedAt: IsoTime | null;
}

export interface FakeIssue {
  id: number;
  number: number;
  title: string;
  state: 'open' | 'closed';
  labels: string[];
  authorLogin: string | null;
  createdAt: IsoTime;
  updatedAt: IsoTime;
  closedAt: IsoTime | null;
}
