/**
 * The shape of the generator's truth (src/fake-github/truth.ts re-exports these). Timestamps are
 * ISO strings at whole seconds, exactly as the materialised org shows them (clock.ts `iso`), and
 * every comparison behind them is made on those whole seconds too. Durations are seconds.
 *
 * Deployment ids use Leadline's normalised form (src/metrics/delivery/deployment.ts), so a
 * comparison needs no mapping: `github-deployment:<deployment id>`, `workflow-run:<run id>`,
 * `release:<release id>`, `merge:<pull request id>` (GitHub database ids, as the fake serves them).
 */

export interface PullRequestTruth {
  /** `owner/name` */
  repo: string;
  number: number;
  /** Authored by a dependency bot (the simulation's deps PRs). */
  authorIsBot: boolean;
  /** min(first commit's author date, createdAt), over the commits pushed by `now`. */
  startAt: string | null;
  /** createdAt; for a PR opened as draft its ready_for_review; null: still a draft at `now`. */
  readyAt: string | null;
  /** The first review a human non-author submitted by `now`; one before readyAt counts at readyAt. */
  firstReviewAt: string | null;
  /** The first APPROVED review (never dismissed) by a human non-author, by `now` and before the merge. */
  firstApprovalAt: string | null;
  mergedAt: string | null;
  /** Finish of the first successful production deployment that shipped the merge, by `now`. */
  deployedAt: string | null;
  /** That deployment's id (see above). */
  deployedBy: string | null;
  createdAt: string;
  /** Merged or closed by `now`. */
  closedAt: string | null;
  /** Merged by its own author (a merger that is not known is not the author). */
  mergedByAuthor: boolean;
  /** additions + deletions. */
  size: number;
  /** A review by a human non-author was submitted at or before the merge (false: an unreviewed merge). */
  reviewedByMerge: boolean;
  /** CHANGES_REQUESTED reviews by human non-authors submitted by `now` (a dismissed one is DISMISSED). */
  changesRequested: number;
  /** Commits (pushed by `now`) authored strictly after firstReviewAt; null without a first review. */
  commitsAfterFirstReview: number | null;
  /** Each review request, as METRICS.md's review turnaround sees it (requests by or to bots left out). */
  reviewRequests: ReviewRequestTruth[];
  /** What the DevLake preset reads (docs/metrics.md, "The DevLake preset"). */
  devlake: {
    /** Earliest author date of the commits pushed by `now`; null: none. */
    firstCommitAt: string | null;
    /** Earliest conversation comment, diff comment or submitted review by anyone but the author, bots included. */
    firstCommentAt: string | null;
  };
}

/** A review request and how it ended, by `now`. */
export interface ReviewRequestTruth {
  /** A login, or `team:<slug>`. */
  reviewer: string;
  requestedAt: string;
  /** The clock's start: requestedAt, or readyAt if the request came earlier. */
  startsAt: string;
  status: 'answered' | 'withdrawn' | 'waiting' | 'unanswered';
  /** The response: the reviewer's first review after startsAt (a team: any human non-author's). */
  respondedAt: string | null;
  /** Withdrawn: when the request was removed. */
  removedAt: string | null;
}

/** Which DORA source the repository delivers through (docs/metrics.md#what-counts-as-a-deployment, sources 1–4). */
export type DeliverySource = 'deployments' | 'workflow' | 'release' | 'merge';

/** Why a deployment counts as a change failure (docs/metrics.md#change-failure-rate, (a)–(d)). */
export type ChangeFailureReason = 'failure' | 'incident' | 'revert' | 'hotfix';

/** A production deployment that had finished by `now` (running ones are left out). */
export interface DeploymentTruth {
  repo: string;
  source: DeliverySource;
  id: string;
  /** The default-branch commit it deployed. */
  sha: string | null;
  finishedAt: string;
  outcome: 'success' | 'failure';
  /** A change failure: reasons is not empty. */
  failed: boolean;
  /** In the order failure, incident, revert, hotfix. */
  reasons: ChangeFailureReason[];
  /** Numbers of the PRs this deployment was the first to ship (empty for a failure). */
  shipped: number[];
  /** It shipped a revert or a hotfix (DORA 2024 deployment rework rate). */
  rework: boolean;
  /** Finish of the next successful production deployment (null: none by `now`). */
  nextSuccessAt: string | null;
  /** When the first revert of a PR it shipped was merged (null: none by `now`). */
  revertedAt: string | null;
}

export interface IncidentTruth {
  repo: string;
  /** The issue number (labelled `incident`). */
  number: number;
  createdAt: string;
  closedAt: string | null;
  /** Ids of the deployments this incident makes failed (reason `incident`). */
  deployments: string[];
}

/** success, failure (failure, timed_out, startup_failure), excluded (cancelled and the like), pending. */
export type RunOutcomeClass = 'success' | 'failure' | 'excluded' | 'pending';

/** A workflow run (CI and Deploy) as its latest attempt stood at `now`. */
export interface WorkflowRunTruth {
  repo: string;
  id: number;
  workflow: string;
  event: string;
  headBranch: string | null;
  headSha: string;
  /** Of the latest attempt that had started by `now`; null while it runs. */
  conclusion: string | null;
  outcome: RunOutcomeClass;
  /** The latest attempt succeeded after an earlier attempt of the run failed. */
  flaky: boolean;
  /** Attempts started by `now`. */
  attempts: number;
  createdAt: string;
  /** The latest attempt's start; null: still queued at `now`. */
  startedAt: string | null;
  /** The latest attempt's end; null: not finished at `now`. */
  finishedAt: string | null;
  /** finishedAt − startedAt, of the latest attempt; null until it finished. */
  durationSeconds: number | null;
  /** startedAt − createdAt (docs/metrics.md#queue-time; for a re-run it spans the earlier attempts). */
  queueSeconds: number | null;
  /** Every attempt started by `now`, oldest first; finishedAt and conclusion null while it runs. */
  attemptLog: { startedAt: string; finishedAt: string | null; conclusion: string | null }[];
}

/** Line coverage reported on a default-branch commit. */
export interface CoverageTruth {
  repo: string;
  sha: string;
  /** codecov: `codecov/project` status; coveralls: `coverage/coveralls` status; check-run: a `coverage` check run. */
  source: 'codecov' | 'coveralls' | 'check-run';
  /** Percent, at the precision reported (Coveralls: 3 decimals, the others 2). */
  pct: number;
  reportedAt: string;
  /** The commit's committer date: where its point sits on the trend. */
  committedAt: string;
}

export interface OrgTruth {
  /** By repository (generation order), then number. */
  pullRequests: PullRequestTruth[];
  /** By repository, then finish time. */
  deployments: DeploymentTruth[];
  incidents: IncidentTruth[];
  /** By repository, then createdAt. */
  workflowRuns: WorkflowRunTruth[];
  /** By repository, then commit order (oldest first). */
  coverage: CoverageTruth[];
}
