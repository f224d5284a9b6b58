/**
 * Review turnaround, per review request (docs/metrics.md#review-turnaround): each `review_requested`
 * event is its own request, re-requests included, and ends answered, withdrawn, waiting or unanswered.
 */
import { isBot, isOtherHuman } from '../bots';
import type { PullRequestEventRecord, PullRequestRecord } from '../records';
import { span } from '../time';
import type { MetricOptions } from '../types';
import { pullRequestRef, sameLogin, type PullRequestRef } from './pull-request-ref';
import { isSubmittedReview, readyAt } from './timestamps';

export type ReviewRequestStatus = 'answered' | 'withdrawn' | 'waiting' | 'unanswered';

export interface ReviewRequestMember extends PullRequestRef {
  prState: PullRequestRecord['state'];
  /** When the `review_requested` event happened. */
  requestedAt: Date;
  /** `t`: requestedAt, or ready_at when the request came before it (the PR never ready: requestedAt). */
  startsAt: Date;
  readyAt: Date | null;
  /** The requested person's login (null for a team request). */
  reviewer: string | null;
  /** The requested team's slug (null for a request to a person). */
  team: string | null;
  /** Who made the request (null: unknown or deleted account). */
  requestedBy: string | null;
  status: ReviewRequestStatus;
  /** The response: the first submitted review after `t` by the reviewer (team: by any human non-author). */
  respondedAt: Date | null;
  respondedBy: string | null;
  responseReviewId: number | null;
  /** withdrawn: when the matching `review_request_removed` happened. */
  removedAt: Date | null;
  /** unanswered: when the PR was merged or closed. */
  endedAt: Date | null;
  /** answered: turnaround = respondedAt − t; waiting: age = now − t; otherwise null. Seconds. */
  seconds: number | null;
  /** The span was negative (only possible for an age with `now` before `t`). */
  negative: boolean;
}

type TurnaroundOptions = Pick<MetricOptions, 'now' | 'businessTime' | 'timeZone' | 'botLogins'>;

function sameTarget(a: PullRequestEventRecord, b: PullRequestEventRecord): boolean {
  if (a.team !== null || b.team !== null) return a.team !== null && b.team !== null && a.team.toLowerCase() === b.team.toLowerCase();
  return sameLogin(a.reviewer?.login, b.reviewer?.login);
}

/**
 * A request counts when it names a person or a team and neither the requested person nor the
 * requester is a bot. A request naming neither (the requested account was deleted) cannot be
 * answered by anyone we can recognise and is left out.
 */
export function isCountedRequest(event: PullRequestEventRecord, options: Pick<MetricOptions, 'botLogins'>): boolean {
  if (event.kind !== 'review_requested') return false;
  if (event.team === null && !event.reviewer?.login) return false;
  return !isBot(event.reviewer, options) && !isBot(event.actor, options);
}

/**
 * Per `review_requested` event at t (t = ready_at if earlier): the response is the reviewer's first
 * submitted review after t (a team: the first human non-author review after t); turnaround =
 * response − t. Removed before any response: withdrawn; no response on an open PR: waiting (age =
 * now − t); on a merged or closed PR: unanswered.
 */
export function reviewRequests(pr: PullRequestRecord, options: TurnaroundOptions): ReviewRequestMember[] {
  const ready = readyAt(pr);
  const submitted = pr.reviews.filter(isSubmittedReview).sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const members: ReviewRequestMember[] = [];
  pr.events.forEach((event, index) => {
    if (!isCountedRequest(event, options)) return;
    const t = ready && event.createdAt < ready ? ready : event.createdAt;
    const response = submitted.find(
      (r) => r.submittedAt > t && (event.team !== null ? isOtherHuman(r.author, pr.author, options) : sameLogin(r.author.login, event.reviewer?.login)),
    );
    const removal = pr.events
      .slice(index + 1)
      .find((e) => e.kind === 'review_request_removed' && sameTarget(e, event) && (!response || e.createdAt < response.submittedAt));
    const status: ReviewRequestStatus = removal ? 'withdrawn' : response ? 'answered' : pr.state === 'open' ? 'waiting' : 'unanswered';
    const measured = status === 'answered' ? span(t, response!.submittedAt, options) : status === 'waiting' ? span(t, options.now, options) : null;
    members.push({
      ...pullRequestRef(pr),
      prState: pr.state,
      requestedAt: event.createdAt,
      startsAt: t,
      readyAt: ready,
      reviewer: event.team === null ? (event.reviewer?.login ?? null) : null,
      team: event.team,
      requestedBy: event.actor?.login ?? null,
      status,
      respondedAt: status === 'answered' ? response!.submittedAt : null,
      respondedBy: status === 'answered' ? response!.author.login : null,
      responseReviewId: status === 'answered' ? response!.id : null,
      removedAt: removal?.createdAt ?? null,
      endedAt: status === 'unanswered' ? (pr.mergedAt ?? pr.closedAt) : null,
      seconds: measured?.seconds ?? null,
      negative: measured?.negative ?? false,
    });
  });
  return members;
}
