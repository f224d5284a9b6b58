/**
 * Turns a PR story into GitHub's shape, cut at `now`: whatever had not happened yet is dropped, so a
 * PR merged after `now` is OPEN, a draft not yet marked ready is still a draft, and a review that
 * would come tomorrow does not exist. Commit parents are filled in later by history.ts, which knows
 * where on the default branch each PR branched off.
 */
import type { FakeCommit, FakePullRequest, FakeReview, FakeTimelineEvent } from '../model';
import { MINUTE, SECOND, iso } from './clock';
import type { RepoContext } from './context';
import type { PrStory, StoryReview } from './story';

/** A push to the PR's head: CI runs once per push, on its last commit. */
export interface Push {
  sha: string;
  at: number;
}

/** Comments before ids are assigned (ids follow creation order across the whole repository). */
export interface CommentDraft {
  issueNumber: number;
  authorLogin: string | null;
  at: number;
  updatedAt: number;
  /** Review comments only: the review this diff comment belongs to. */
  reviewId?: number;
}

export interface MaterializedPr {
  story: PrStory;
  pr: FakePullRequest;
  pushes: Push[];
  reviewComments: CommentDraft[];
  issueComments: CommentDraft[];
}

export function commitOf(sha: string, headline: string, authoredAt: number, committedAt: number, authorLogin: string | null): FakeCommit {
  return { sha, messageHeadline: headline, authoredAt: iso(authoredAt), committedAt: iso(committedAt), authorLogin, parents: [], statuses: [], checkRuns: [] };
}

export function materializePr(ctx: RepoContext, story: PrStory): MaterializedPr {
  const { ids, now, rng } = ctx;
  const happened = (t: number) => t <= now;
  const storyCommits = story.commits.filter((c) => happened(c.pushedAt));
  const commits = storyCommits.map((c) => commitOf(ids.sha(), c.message, c.authoredAt, c.committedAt, c.authorLogin));
  const pushes: Push[] = [];
  storyCommits.forEach((c, i) => {
    const sha = (commits[i] as FakeCommit).sha;
    if (pushes.at(-1)?.at === c.pushedAt) (pushes.at(-1) as Push).sha = sha;
    else pushes.push({ sha, at: c.pushedAt });
  });
  const shaAt = (t: number) => [...pushes].reverse().find((p) => p.at <= t)?.sha ?? pushes[0]?.sha ?? null;

  const reviewComments: CommentDraft[] = [];
  const reviews: FakeReview[] = story.reviews
    .filter((r: StoryReview) => happened(r.submittedAt ?? r.startedAt))
    .map((r) => {
      const id = ids.next('review');
      // Diff comments are drafted while reviewing and published with the review.
      for (let k = 0; k < r.diffComments && r.submittedAt !== null; k++) {
        const at = Math.max(r.startedAt, r.submittedAt - (r.diffComments - k) * rng.int(1, 4) * MINUTE);
        const edited = rng.chance(0.1) ? at + rng.int(2, 60) * MINUTE : at;
        reviewComments.push({ issueNumber: story.number, authorLogin: r.authorLogin, at, updatedAt: happened(edited) ? edited : at, reviewId: id });
      }
      return {
        id,
        nodeId: ids.nodeId('review', id),
        authorLogin: r.authorLogin,
        state: r.state,
        submittedAt: r.submittedAt === null ? null : iso(r.submittedAt),
        commitSha: shaAt(r.submittedAt ?? r.startedAt),
      };
    });

  const events = story.events.filter((e) => happened(e.at));
  const timeline: FakeTimelineEvent[] = events.map((e) => {
    const nodeId = ids.nodeId(e.type, ids.next('timelineEvent'));
    if (!('reviewer' in e)) return { type: e.type, nodeId, createdAt: iso(e.at), actorLogin: e.actorLogin };
    const reviewer = e.reviewer.kind === 'team' ? e.reviewer : e.reviewer.login === null ? null : { kind: 'user' as const, login: e.reviewer.login };
    return { type: e.type, nodeId, createdAt: iso(e.at), actorLogin: e.actorLogin, reviewer };
  });
  const lastDraftToggle = events.filter((e) => e.type === 'ReadyForReviewEvent' || e.type === 'ConvertToDraftEvent').at(-1);
  const isDraft = lastDraftToggle ? lastDraftToggle.type === 'ConvertToDraftEvent' : story.openedAsDraft;

  const end = story.end && happened(story.end.at) ? story.end : null;
  const issueComments: CommentDraft[] = story.comments
    .filter((c) => happened(c.at))
    .map((c) => ({ issueNumber: story.number, authorLogin: c.authorLogin, at: c.at, updatedAt: happened(c.updatedAt) ? c.updatedAt : c.at }));

  const headRef = story.revertOf ? `revert-${story.revertOf.number}-${story.revertOf.headRef}` : story.headRef;
  const id = ids.next('pullRequest');
  const pr: FakePullRequest = {
    id,
    nodeId: ids.nodeId('pullRequest', id),
    number: story.number,
    title: story.title,
    authorLogin: story.authorLogin,
    state: end === null ? 'OPEN' : end.kind === 'merged' ? 'MERGED' : 'CLOSED',
    isDraft: end?.kind === 'merged' ? false : isDraft,
    headRef,
    baseRef: ctx.profile.defaultBranch,
    headRepoFullName: story.forkDeleted ? null : ctx.fullName,
    createdAt: iso(story.createdAt),
    updatedAt: '',
    closedAt: end ? iso(end.at) : null,
    mergedAt: end?.kind === 'merged' ? iso(end.at) : null,
    mergedByLogin: end?.kind === 'merged' ? end.byLogin : null,
    mergeCommitSha: end?.kind === 'merged' ? ids.sha() : null,
    additions: story.size.additions,
    deletions: story.size.deletions,
    changedFiles: story.size.changedFiles,
    labels: story.labels,
    commits,
    reviews,
    timeline,
  };
  return { story, pr, pushes, reviewComments, issueComments };
}

/**
 * updated_at moves with every bit of activity, bot comments included, and a few seconds past a
 * merge or close (the head branch is deleted). Called once all comments are attached.
 */
export function settleUpdatedAt(m: MaterializedPr, now: number, extra: CommentDraft[]): void {
  const { story } = m;
  const times = [
    story.createdAt,
    ...story.commits.filter((c) => c.pushedAt <= now).flatMap((c) => [c.authoredAt, c.committedAt, c.pushedAt]),
    ...story.reviews.flatMap((r) => (r.submittedAt !== null && r.submittedAt <= now ? [r.submittedAt] : [])),
    ...story.events.flatMap((e) => (e.at <= now ? [e.at] : [])),
    ...[...m.issueComments, ...m.reviewComments, ...extra].flatMap((c) => [c.at, c.updatedAt]),
  ];
  const ended = m.pr.closedAt === null ? null : Date.parse(m.pr.closedAt);
  if (ended !== null) times.push(Math.min(now, ended + 3 * SECOND));
  m.pr.updatedAt = iso(Math.max(...times));
}
