/**
 * Working agreements (docs/agreements.md): targets a team sets for itself, and the members (PRs,
 * review requests, red stretches, repository-weeks) each one applied to, met or broke.
 */
import type { Rate, WeekPoint } from '../types';

/** A team's agreements as configured; an absent key is no agreement. */
export interface Agreements {
  /** First review within N business hours of ready for review. */
  firstReviewHours?: number;
  /** Each review request answered within N business hours. */
  reviewResponseHours?: number;
  /** A merged PR changes at most N lines (additions + deletions). */
  maxChangedLines?: number;
  /** No merge without an approving review by someone other than the author. */
  approvalBeforeMerge?: boolean;
  /** A default branch stays red at most N hours (calendar hours: a red branch blocks every day). */
  maxRedHours?: number;
  /** Coverage never drops more than N percentage points in a week. */
  maxCoverageDropPp?: number;
}

export const AGREEMENT_KEYS = ['firstReview', 'reviewResponse', 'prSize', 'approvalBeforeMerge', 'redBranch', 'coverageDrop'] as const;
export type AgreementKey = (typeof AGREEMENT_KEYS)[number];

/** What a member names, so a person can find it on GitHub. */
export type AgreementSubject =
  | { type: 'pull-request'; repo: string; number: number; title: string; author: string | null }
  | { type: 'review-request'; repo: string; number: number; title: string; author: string | null; reviewer: string | null; team: string | null }
  | { type: 'red-branch'; repo: string; workflow: string; branch: string; runId: number }
  | { type: 'coverage-week'; repo: string; sha: string; fromPct: number; toPct: number };

export interface AgreementMember {
  agreement: AgreementKey;
  /** Attribution instant: the member belongs to the week (and period) containing it. */
  at: Date;
  week: string;
  met: boolean;
  /** What was measured against the target: business or calendar seconds, lines, pp; null for approval. */
  measured: number | null;
  /** Still breaking right now (waiting past the target, still red): what a nudge is about. */
  ongoing: boolean;
  /** Stable identity of the item and its state: a nudge is sent again only when this changes. */
  key: string;
  state: string;
  subject: AgreementSubject;
}

export interface AgreementAdherence {
  agreement: AgreementKey;
  /** The configured target: hours, lines, pp; `true` for approval before merge. */
  target: number | true;
  /** met / applied over the period, with every member that applied. */
  adherence: Rate<AgreementMember>;
  weekly: WeekPoint<{ met: number; applied: number; value: number | null }>[];
  /** The period's members that broke it (oldest first). */
  breaches: AgreementMember[];
}
