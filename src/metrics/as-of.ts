/**
 * The facts as they stood at an instant: what had happened by `asOf`, and nothing after
 * (docs/metrics.md#weeks-and-reports). A report of a past week is computed from these, with `now` =
 * the week's end, so it says what was waiting, red or open then, with its age then, and reads the
 * same however much later it is made.
 *
 * An event exactly at `asOf` has happened (as `now` is treated everywhere: a stretch that ended at
 * `now` is over). GitHub keeps no history of some fields, which therefore keep their current value:
 * titles, labels, sizes, and when a commit was pushed (a commit counts from its author or commit
 * date). A workflow run still running at `asOf` has its latest attempt then, with no conclusion.
 */
import type {
  CommitRecord,
  GitHubDeploymentRecord,
  IncidentRecord,
  PullRequestRecord,
  ReleaseRecord,
  WorkflowRunAttemptRecord,
  WorkflowRunRecord,
} from './records';

const by = (at: Date | null, asOf: Date) => at !== null && at <= asOf;
const until = (at: Date | null, asOf: Date) => (by(at, asOf) ? at : null);

/** A PR as it stood at `asOf`; null if it had not been opened. */
export function pullRequestAsOf(pr: PullRequestRecord, asOf: Date): PullRequestRecord | null {
  if (pr.createdAt > asOf) return null;
  const mergedAt = until(pr.mergedAt, asOf);
  const closedAt = until(pr.closedAt, asOf);
  const events = pr.events.filter((e) => e.createdAt <= asOf);
  return {
    ...pr,
    state: mergedAt ? 'merged' : closedAt ? 'closed' : 'open',
    isDraft: draftAt(pr, asOf),
    closedAt,
    mergedAt,
    mergedBy: mergedAt ? pr.mergedBy : null,
    mergeCommitSha: mergedAt ? pr.mergeCommitSha : null,
    commits: pr.commits.filter((c) => c.authoredAt <= asOf),
    reviews: pr.reviews.filter((r) => r.submittedAt === null || r.submittedAt <= asOf),
    events,
    comments: pr.comments.filter((c) => c.createdAt <= asOf),
  };
}

/**
 * Whether the PR was a draft at `asOf`: its last draft event by then says; without one, the first
 * after it does (made ready later: a draft then; converted later: not one); with none at all, as now.
 */
function draftAt(pr: PullRequestRecord, asOf: Date): boolean {
  const draftEvents = pr.events.filter((e) => e.kind === 'ready_for_review' || e.kind === 'convert_to_draft');
  const before = draftEvents.filter((e) => e.createdAt <= asOf).at(-1);
  if (before) return before.kind === 'convert_to_draft';
  const after = draftEvents.find((e) => e.createdAt > asOf);
  return after ? after.kind === 'ready_for_review' : pr.isDraft;
}

/** A GitHub Deployment with the statuses it had at `asOf`; null if not yet created. */
export function githubDeploymentAsOf(d: GitHubDeploymentRecord, asOf: Date): GitHubDeploymentRecord | null {
  return d.createdAt > asOf ? null : { ...d, statuses: d.statuses.filter((s) => s.createdAt <= asOf) };
}

/** A release as it stood at `asOf`: one published later was still a draft; null if not yet created. */
export function releaseAsOf(r: ReleaseRecord, asOf: Date): ReleaseRecord | null {
  if (r.createdAt > asOf) return null;
  return by(r.publishedAt, asOf) ? r : { ...r, publishedAt: null, isDraft: true };
}

/** An incident as it stood at `asOf`: open if it closed later; null if not yet opened. */
export function incidentAsOf(i: IncidentRecord, asOf: Date): IncidentRecord | null {
  return i.createdAt > asOf ? null : { ...i, closedAt: until(i.closedAt, asOf) };
}

/**
 * A workflow run as it stood at `asOf`: its latest attempt started by then (the first one, queued,
 * if none had started), without a conclusion if it finished later; null if not yet created.
 */
export function workflowRunAsOf(run: WorkflowRunRecord, asOf: Date): WorkflowRunRecord | null {
  if (run.createdAt > asOf) return null;
  const own: WorkflowRunAttemptRecord = {
    attempt: run.runAttempt,
    status: run.status,
    conclusion: run.conclusion,
    runStartedAt: run.runStartedAt,
    updatedAt: run.updatedAt,
  };
  const all = run.attempts.length ? run.attempts : [own];
  // The earliest attempt stands for the run while nothing had started (it was queued).
  const started = all.filter((a, i) => i === 0 || by(a.runStartedAt, asOf));
  const latest = started.at(-1)!;
  const attempt: WorkflowRunAttemptRecord =
    latest.updatedAt <= asOf
      ? latest
      : {
          ...latest,
          status: by(latest.runStartedAt, asOf) ? 'in_progress' : 'queued',
          conclusion: null,
          runStartedAt: until(latest.runStartedAt, asOf),
          updatedAt: asOf,
        };
  const attempts = [...started.slice(0, -1), attempt];
  return {
    ...run,
    status: attempt.status,
    conclusion: attempt.conclusion,
    runAttempt: attempt.attempt,
    runStartedAt: attempt.runStartedAt,
    updatedAt: attempt.updatedAt,
    attempts,
  };
}

/** A default-branch commit with the coverage reports it had at `asOf`; null if committed later. */
export function commitAsOf(c: CommitRecord, asOf: Date): CommitRecord | null {
  if (c.committedAt > asOf) return null;
  return {
    ...c,
    statuses: c.statuses.filter((s) => s.createdAt <= asOf),
    checkRuns: c.checkRuns.filter((r) => r.completedAt === null || r.completedAt <= asOf),
  };
}

/** Every record as it stood at `asOf`, dropping those that did not exist yet. */
export function recordsAsOf<T>(records: readonly T[], asOf: Date, at: (record: T, asOf: Date) => T | null): T[] {
  return records.flatMap((r) => {
    const then = at(r, asOf);
    return then ? [then] : [];
  });
}
