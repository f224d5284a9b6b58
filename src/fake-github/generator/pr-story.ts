/**
 * The life of one pull request, simulated without regard to `now`: coding, opening (maybe as a
 * draft), review requests, review rounds, rework and the merge or close. Materialising
 * (materialize-pr.ts) then cuts the story at `now`, which is how open PRs, PRs waiting for a first
 * review and drafts still in progress arise naturally at the end of the window.
 *
 * A StorySpec says which path the story takes; generic PRs draw it at random (plan.ts), scripted
 * scenarios (scenarios.ts) pin it so that every edge case the metrics handle is always present.
 */
import type { FakeReview } from '../model';
import { type Clock, HOUR, MINUTE, SECOND, addWorkingTime } from './clock';
import type { Person } from './people';
import type { Rng } from './random';
import type { PrStory, StoryReview, StoryReviewer, StorySpec } from './story';

const FOLLOW_UPS = ['Address review comments', 'Add tests', 'Fix lint', 'Update snapshots', 'Rename helper', 'Handle empty input'];

/** `team` gives the reviewers' pool at a time (people leave); `teamSlug` is what a team request names. */
export function simulateStory(rng: Rng, clock: Clock, spec: StorySpec, team: (t: number) => Person[], teamSlug: string): PrStory {
  const author = spec.author.login;
  const isBot = spec.kind === 'deps';
  const openedAsDraft = spec.draft === 'ready' || spec.draft === 'stays' || spec.draft === 'reviewedBeforeReady';
  const story: PrStory = {
    kind: spec.kind,
    title: spec.title,
    headRef: spec.headRef,
    authorLogin: author,
    authorIsBot: isBot,
    labels: spec.labels,
    createdAt: spec.createdAt,
    openedAsDraft,
    readyAt: openedAsDraft ? null : spec.createdAt,
    forkDeleted: spec.forkDeleted,
    revertOf: spec.revertOf,
    commits: [],
    reviews: [],
    events: [],
    comments: [],
    end: null,
    size: spec.size,
    number: 0,
  };
  const wait = (t: number, median: number, sigma = 0.9) => (spec.urgent ? t + Math.max(MINUTE, rng.logNormal(median / 4, 0.5)) : clock.delay(t, median, sigma));
  const lastAuthored = () => story.commits[story.commits.length - 1]?.authoredAt ?? -Infinity;
  const push = (at: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const authoredAt = Math.max(lastAuthored() + MINUTE, at - (count - i) * rng.int(4, 30) * MINUTE);
      story.commits.push({
        authoredAt,
        committedAt: authoredAt,
        pushedAt: Math.max(at, authoredAt + 30 * SECOND),
        authorLogin: author,
        message: rng.pick(FOLLOW_UPS),
      });
    }
    if (rng.chance(0.2)) {
      // A quick follow-up push minutes later: CI's cancel-in-progress cancels the run on the first.
      const quick = at + rng.int(1, 4) * MINUTE;
      story.commits.push({ authoredAt: quick - 20 * SECOND, committedAt: quick - 20 * SECOND, pushedAt: quick, authorLogin: author, message: 'Fix lint' });
    }
  };
  const review = (who: Person | undefined, state: FakeReview['state'], at: number, diffComments = 0, by: StoryReview['by'] = 'reviewer') => {
    if (!who) return undefined;
    const entry: StoryReview = { authorLogin: who.login, state, submittedAt: at, startedAt: at - rng.int(2, 25) * MINUTE, diffComments, by };
    story.reviews.push(entry);
    return entry;
  };
  const request = (at: number, reviewer: StoryReviewer, removed = false) =>
    story.events.push({ type: removed ? 'ReviewRequestRemovedEvent' : 'ReviewRequestedEvent', at, actorLogin: author, reviewer });

  // Coding happens before the PR exists: its first commits are authored hours or days earlier.
  const pushedAt = spec.createdAt - rng.int(20, 300) * SECOND;
  // Working time, capped at two working weeks: longer branches exist but would dominate the p90.
  const coding = Math.min(75 * HOUR, rng.logNormal(spec.codingMedian, 1.1));
  const firstAt = isBot ? pushedAt - 40 * SECOND : Math.min(pushedAt - MINUTE, spec.urgent ? pushedAt - coding : clock.before(pushedAt, coding));
  const rebased = rng.chance(0.25);
  for (let i = 0; i < spec.commitsBefore; i++) {
    // Spread over the working time in between, so commits land in working hours too.
    const step = (coding * i) / Math.max(1, spec.commitsBefore);
    const authoredAt = Math.min(pushedAt - (spec.commitsBefore - i) * MINUTE, spec.urgent || isBot ? firstAt + step : addWorkingTime(firstAt, step));
    story.commits.push({
      authoredAt,
      committedAt: rebased ? Math.max(authoredAt, pushedAt - 30 * SECOND) : authoredAt,
      pushedAt,
      authorLogin: author,
      message: i === 0 ? spec.title : rng.pick(FOLLOW_UPS),
    });
  }

  let readyAt = spec.createdAt;
  if (story.openedAsDraft) {
    const draftEnd = spec.draft === 'stays' ? Infinity : wait(spec.createdAt, 7 * HOUR, 0.8);
    let t = spec.createdAt;
    for (let k = rng.int(1, 2) + (spec.draft === 'stays' ? 4 : 0); k > 0; k--) {
      t = wait(t, spec.draft === 'stays' ? 10 * HOUR : 2 * HOUR, 0.8);
      if (t >= draftEnd) break;
      push(t, rng.int(1, 2));
    }
    if (spec.draft === 'stays') return story;
    readyAt = Math.max(draftEnd, lastAuthored() + 2 * MINUTE, ...story.commits.map((c) => c.pushedAt + MINUTE));
    if (spec.draft === 'reviewedBeforeReady') {
      // A teammate looked at the draft early: this review counts as at ready_at for pickup.
      const early = team(spec.createdAt).filter((p) => p.login !== author);
      const at = Math.max(spec.createdAt + 5 * MINUTE, Math.min(readyAt - 10 * MINUTE, wait(spec.createdAt, HOUR)));
      if (early.length > 0 && at < readyAt) review(rng.pick(early), 'COMMENTED', at, rng.int(1, 3));
    }
    story.events.push({ type: 'ReadyForReviewEvent', at: readyAt, actorLogin: author });
    story.readyAt = readyAt;
  }

  const requestAt = readyAt + rng.int(2, 20) * SECOND;
  const colleagues = team(readyAt).filter((p) => p.login !== author);
  const reviewers = spec.reviewers ?? rng.sample(colleagues, spec.reviewerCount);
  if (spec.request === 'users') for (const r of reviewers) request(requestAt, { kind: 'user', login: r.login });
  if (spec.request === 'team') request(requestAt, { kind: 'team', slug: teamSlug });
  if (spec.removeExtraRequest) {
    // Asked too many people; one request is withdrawn before that reviewer answers.
    const extra = colleagues.find((p) => !reviewers.includes(p));
    if (extra) {
      request(requestAt, { kind: 'user', login: extra.login });
      request(wait(requestAt, 90 * MINUTE, 0.6), { kind: 'user', login: extra.login }, true);
    }
  }
  if (spec.botReview)
    review({ login: 'github-actions[bot]', teams: [], activeUntil: Infinity }, 'COMMENTED', requestAt + rng.int(3, 7) * MINUTE, rng.int(1, 3), 'bot');

  const first = reviewers[0] ?? colleagues[0];
  let t = wait(requestAt + MINUTE, spec.pickupMedian, 1.0);
  const firstReviewAt = t;
  let approvalAt: number | null = null;
  const approve = (at: number) => {
    if (review(first, 'APPROVED', at, rng.chance(0.3) ? 1 : 0)) approvalAt = at;
  };
  const rework = (from: number) => {
    const at = wait(from, 2 * HOUR);
    push(at, rng.int(1, 2));
    return at;
  };
  const reRequest = (at: number) => first && request(at + rng.int(30, 120) * SECOND, { kind: 'user', login: first.login });
  if (spec.flow === 'approve') {
    approve(t);
  } else if (spec.flow === 'changes' || spec.flow === 'changesTwice') {
    for (let round = spec.flow === 'changes' ? 1 : 2; round > 0; round--) {
      review(first, 'CHANGES_REQUESTED', t, rng.int(2, 5));
      // Replying to a diff comment creates a COMMENTED review by the author: not a first review.
      if (author !== null && rng.chance(0.5)) review(spec.author, 'COMMENTED', t + rng.int(10, 50) * MINUTE, rng.int(1, 2), 'author');
      t = rework(t + HOUR);
      reRequest(t);
      t = wait(t + 3 * MINUTE, 90 * MINUTE);
    }
    approve(t);
  } else if (spec.flow === 'comment' || spec.flow === 'commentOnly') {
    review(first, 'COMMENTED', t, rng.int(1, 3));
    if (spec.draft === 'toggled') story.events.push({ type: 'ConvertToDraftEvent', at: t + rng.int(10, 40) * MINUTE, actorLogin: author });
    t = rework(t + HOUR);
    if (spec.draft === 'toggled') story.events.push({ type: 'ReadyForReviewEvent', at: t + rng.int(2, 10) * MINUTE, actorLogin: author });
    if (spec.flow === 'comment') {
      approve(wait(t + 10 * MINUTE, 90 * MINUTE));
    }
  } else if (spec.flow === 'dismissed') {
    // Branch protection dismisses stale approvals when new commits are pushed.
    const stale = review(first, 'APPROVED', t);
    t = rework(t);
    if (stale) stale.state = 'DISMISSED';
    reRequest(t);
    approve(wait(t + 3 * MINUTE, 90 * MINUTE));
  }

  const activity = Math.max(
    readyAt,
    ...story.commits.map((c) => c.pushedAt),
    ...story.reviews.map((r) => r.submittedAt ?? 0),
    ...story.events.map((e) => e.at),
  );
  const approver = approvalAt === null ? undefined : first;
  if (spec.ending === 'merge' || spec.ending === 'mergeByReviewer') {
    const at = wait(Math.max(activity, approvalAt ?? activity), spec.mergeDelayMedian, 1.2);
    const someone = approver ?? first;
    const by = spec.ending === 'mergeByReviewer' || isBot ? (someone?.login ?? null) : author;
    story.end = { kind: 'merged', at, byLogin: by };
  } else if (spec.ending === 'botAutomerge') {
    story.end = { kind: 'merged', at: activity + rng.int(4, 30) * MINUTE, byLogin: author };
  } else if (spec.ending === 'close') {
    story.end = { kind: 'closed', at: wait(activity, 20 * HOUR, 1.0), byLogin: author };
    if (isBot) story.comments.push({ authorLogin: author, at: story.end.at, updatedAt: story.end.at });
  }

  const endAt = story.end?.at ?? Infinity;
  const second = reviewers[1];
  if (second && spec.flow !== 'none' && spec.flow !== 'commentOnly' && rng.chance(0.6)) {
    const at = wait(firstReviewAt, 3 * HOUR);
    if (at < endAt - MINUTE) review(second, rng.chance(0.7) ? 'APPROVED' : 'COMMENTED', at, rng.int(0, 2));
  }
  if (spec.pendingReview) {
    const who = reviewers[1] ?? colleagues.find((p) => p !== first) ?? first;
    const startedAt = Math.max(readyAt, Math.min(endAt - MINUTE, wait(readyAt, 3 * HOUR)));
    if (who) story.reviews.push({ authorLogin: who.login, state: 'PENDING', submittedAt: null, startedAt, diffComments: 0, by: 'reviewer' });
  }
  if (spec.discussion) {
    const until = Math.min(endAt, activity + 8 * HOUR);
    const voices = [spec.author, ...reviewers];
    for (let k = rng.int(1, 3); k > 0; k--) {
      const at = readyAt + rng.next() * Math.max(MINUTE, until - readyAt);
      story.comments.push({ authorLogin: rng.pick(voices).login, at, updatedAt: rng.chance(0.2) ? at + rng.int(1, 30) * MINUTE : at });
    }
  }
  story.reviews.sort((a, b) => (a.submittedAt ?? a.startedAt) - (b.submittedAt ?? b.startedAt));
  story.events.sort((a, b) => a.at - b.at);
  return story;
}
