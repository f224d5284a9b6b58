/**
 * The facts metrics are computed from, as services load them from the database (and as tests build
 * them by hand). Plain data: no methods, no database types.
 */
import type { Account } from './types';

export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';

export interface ReviewRecord {
  id: number;
  author: Account;
  state: ReviewState;
  /** null while PENDING. */
  submittedAt: Date | null;
}

export type PullRequestEventKind = 'review_requested' | 'review_request_removed' | 'ready_for_review' | 'convert_to_draft';

export interface PullRequestEventRecord {
  kind: PullRequestEventKind;
  createdAt: Date;
  actor: Account | null;
  /** For review requests to a person (null when the request names a team, or a deleted account). */
  reviewer: Account | null;
  /** For review requests to a team: its slug. */
  team: string | null;
}

export interface CommentRecord {
  id: number;
  author: Account;
  /** `conversation` or `diff`. */
  kind: string;
  createdAt: Date;
}

export interface PullRequestRecord {
  id: number;
  repoId: number;
  /** `owner/name` */
  repo: string;
  number: number;
  title: string;
  author: Account;
  state: 'open' | 'closed' | 'merged';
  /** Draft now (the events say when it was). */
  isDraft: boolean;
  createdAt: Date;
  closedAt: Date | null;
  mergedAt: Date | null;
  mergedBy: Account | null;
  mergeCommitSha: string | null;
  headRef: string;
  baseRef: string;
  additions: number;
  deletions: number;
  labels: string[];
  commits: { sha: string; authoredAt: Date }[];
  reviews: ReviewRecord[];
  /** Oldest first. */
  events: PullRequestEventRecord[];
  /** Only loaded for the DevLake preset (our definitions ignore comments). */
  comments: CommentRecord[];
}

export interface RepositoryRecord {
  id: number;
  fullName: string;
  defaultBranch: string;
}

/** A default-branch commit, with what coverage tools reported on it. */
export interface CommitRecord {
  repoId: number;
  sha: string;
  committedAt: Date;
  /** null when unknown. */
  parentShas: string[] | null;
  statuses: { context: string; state: string; description: string | null; createdAt: Date }[];
  checkRuns: { name: string; status: string; conclusion: string | null; title: string | null; summary: string | null; completedAt: Date | null }[];
}

export interface DeploymentStatusRecord {
  state: 'error' | 'failure' | 'inactive' | 'pending' | 'success' | 'queued' | 'in_progress';
  createdAt: Date;
}

/** A GitHub Deployment (source 1 of deployment detection). */
export interface GitHubDeploymentRecord {
  id: number;
  repoId: number;
  sha: string;
  environment: string;
  createdAt: Date;
  /** Oldest first. */
  statuses: DeploymentStatusRecord[];
}

export interface WorkflowRunAttemptRecord {
  attempt: number;
  status: string | null;
  conclusion: string | null;
  runStartedAt: Date | null;
  updatedAt: Date;
}

export interface WorkflowRunRecord {
  id: number;
  repoId: number;
  workflowId: number;
  workflowName: string;
  headBranch: string | null;
  headSha: string;
  event: string;
  /** The latest attempt's status, conclusion and times (GitHub's run object). */
  status: string | null;
  conclusion: string | null;
  runAttempt: number;
  createdAt: Date;
  runStartedAt: Date | null;
  updatedAt: Date;
  /** Every attempt, the latest included, oldest first. */
  attempts: WorkflowRunAttemptRecord[];
}

export interface ReleaseRecord {
  id: number;
  repoId: number;
  tagName: string;
  targetCommitish: string;
  isDraft: boolean;
  isPrerelease: boolean;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface IncidentRecord {
  id: number;
  repoId: number;
  number: number;
  title: string;
  labels: string[];
  createdAt: Date;
  closedAt: Date | null;
}
