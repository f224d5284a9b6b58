/**
 * A pull request's story: what happened to it and when, in epoch ms, before it is cut at `now` and
 * turned into GitHub-shaped objects. Kept apart from the model so the simulation can carry facts
 * GitHub does not show directly (when a push happened, when a pending review was started).
 */
import type { FakeReview } from '../model';
import type { Person } from './people';
import type { PrKind } from './titles';

export interface StoryCommit {
  authoredAt: number;
  committedAt: number;
  pushedAt: number;
  authorLogin: string | null;
  message: string;
}

export interface StoryReview {
  authorLogin: string | null;
  state: FakeReview['state'];
  /** null: PENDING, started but never submitted. */
  submittedAt: number | null;
  startedAt: number;
  /** How many diff comments the review carries (REST `pulls/comments` with this review id). */
  diffComments: number;
  /** Who the simulation had write it: a human reviewer (not the author), the author replying, or a bot. */
  by: 'reviewer' | 'author' | 'bot';
}

/** login null: a request to the deleted account (GitHub then returns a null reviewer). */
export type StoryReviewer = { kind: 'user'; login: string | null } | { kind: 'team'; slug: string };

export type StoryEvent =
  | {
      type: 'ReviewRequestedEvent' | 'ReviewRequestRemovedEvent';
      at: number;
      actorLogin: string | null;
      reviewer: StoryReviewer;
    }
  | { type: 'ReadyForReviewEvent' | 'ConvertToDraftEvent'; at: number; actorLogin: string | null };

export interface StoryComment {
  authorLogin: string | null;
  at: number;
  updatedAt: number;
}

export interface PrStory {
  kind: PrKind;
  title: string;
  headRef: string;
  authorLogin: string | null;
  /** The author is a dependency bot (deps PRs), as the simulation chose it. */
  authorIsBot: boolean;
  labels: string[];
  createdAt: number;
  openedAsDraft: boolean;
  /** When the PR became ready for review: createdAt, or a draft's ready_for_review; null: never. */
  readyAt: number | null;
  forkDeleted: boolean;
  revertOf: PrStory | null;
  commits: StoryCommit[];
  reviews: StoryReview[];
  events: StoryEvent[];
  comments: StoryComment[];
  end: { kind: 'merged' | 'closed'; at: number; byLogin: string | null } | null;
  size: { additions: number; deletions: number; changedFiles: number };
  /** Assigned once all PRs and issues of the repo are known (they share one sequence). */
  number: number;
}

export interface StorySpec {
  kind: PrKind;
  author: Person;
  createdAt: number;
  title: string;
  headRef: string;
  labels: string[];
  draft: 'no' | 'ready' | 'stays' | 'reviewedBeforeReady' | 'toggled';
  request: 'users' | 'team' | 'none';
  /** Reviewers to request; drawn from the team when absent. */
  reviewers?: Person[];
  reviewerCount: number;
  removeExtraRequest: boolean;
  flow: 'approve' | 'changes' | 'changesTwice' | 'comment' | 'dismissed' | 'commentOnly' | 'none';
  ending: 'merge' | 'mergeByReviewer' | 'close' | 'open' | 'botAutomerge';
  codingMedian: number;
  pickupMedian: number;
  mergeDelayMedian: number;
  commitsBefore: number;
  pendingReview: boolean;
  botReview: boolean;
  discussion: boolean;
  /** Incident response: delays run on the wall clock, nights and weekends included. */
  urgent: boolean;
  forkDeleted: boolean;
  revertOf: PrStory | null;
  size: PrStory['size'];
}
