/**
 * Loads the pull requests a period's metrics can need, as metric records: those open at the
 * period's end, or closed or merged no earlier than `LOOKBACK` before its start (a PR merged just
 * before the period can be first-reviewed or deployed inside it). Child rows are loaded for those
 * PRs only, one query per kind, with only the columns the metrics read.
 */
import { and, asc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { PullRequestRecord, ReviewState, PullRequestEventKind } from '@/metrics/records';
import type { Account } from '@/metrics/types';
import type { Db } from '../client';
import { comments, commits, pullRequestCommits, pullRequestEvents, pullRequestLabels, pullRequests, repositories, reviews, users } from '../schema';

/** How long before the period a PR may have closed and still matter (first review or deploy inside the period). */
export const PULL_REQUEST_LOOKBACK_DAYS = 30;

export interface RecordScope {
  repoIds: number[];
  from: Date;
  to: Date;
}

const account = (login: string | null, type: string | null): Account => ({ login, type });

export async function loadPullRequestRecords(db: Db, scope: RecordScope, options: { withComments: boolean }): Promise<PullRequestRecord[]> {
  if (scope.repoIds.length === 0) return [];
  const since = new Date(scope.from.getTime() - PULL_REQUEST_LOOKBACK_DAYS * 86_400_000);
  const inScope: SQL = and(
    inArray(pullRequests.repoId, scope.repoIds),
    lt(pullRequests.createdAt, scope.to),
    or(isNull(pullRequests.closedAt), gte(pullRequests.closedAt, since), gte(pullRequests.mergedAt, since)),
  )!;
  const author = alias(users, 'author');
  const merger = alias(users, 'merger');
  const rows = await db
    .select({
      id: pullRequests.id,
      repoId: pullRequests.repoId,
      repo: repositories.fullName,
      number: pullRequests.number,
      title: pullRequests.title,
      authorLogin: author.login,
      authorType: author.type,
      state: pullRequests.state,
      isDraft: pullRequests.isDraft,
      createdAt: pullRequests.createdAt,
      closedAt: pullRequests.closedAt,
      mergedAt: pullRequests.mergedAt,
      mergedByLogin: merger.login,
      mergedByType: merger.type,
      mergeCommitSha: pullRequests.mergeCommitSha,
      headRef: pullRequests.headRef,
      baseRef: pullRequests.baseRef,
      additions: pullRequests.additions,
      deletions: pullRequests.deletions,
    })
    .from(pullRequests)
    .innerJoin(repositories, eq(repositories.id, pullRequests.repoId))
    .leftJoin(author, eq(author.id, pullRequests.authorId))
    .leftJoin(merger, eq(merger.id, pullRequests.mergedById))
    .where(inScope)
    .orderBy(asc(pullRequests.id));

  const ids = db.select({ id: pullRequests.id }).from(pullRequests).where(inScope);
  const reviewer = alias(users, 'reviewer');
  const actor = alias(users, 'actor');
  const [commitRows, reviewRows, eventRows, labelRows, commentRows] = await Promise.all([
    db
      .select({ prId: pullRequestCommits.pullRequestId, sha: commits.sha, authoredAt: commits.authoredAt })
      .from(pullRequestCommits)
      .innerJoin(pullRequests, eq(pullRequests.id, pullRequestCommits.pullRequestId))
      .innerJoin(commits, and(eq(commits.repoId, pullRequests.repoId), eq(commits.sha, pullRequestCommits.sha)))
      .where(inArray(pullRequestCommits.pullRequestId, ids)),
    db
      .select({ prId: reviews.pullRequestId, id: reviews.id, login: users.login, type: users.type, state: reviews.state, submittedAt: reviews.submittedAt })
      .from(reviews)
      .leftJoin(users, eq(users.id, reviews.authorId))
      .where(inArray(reviews.pullRequestId, ids))
      .orderBy(asc(reviews.submittedAt), asc(reviews.id)),
    db
      .select({
        prId: pullRequestEvents.pullRequestId,
        kind: pullRequestEvents.kind,
        createdAt: pullRequestEvents.createdAt,
        actorLogin: actor.login,
        actorType: actor.type,
        reviewerLogin: reviewer.login,
        reviewerType: reviewer.type,
        hasReviewer: sql<boolean>`${pullRequestEvents.requestedReviewerId} is not null`,
        team: pullRequestEvents.requestedTeam,
      })
      .from(pullRequestEvents)
      .leftJoin(actor, eq(actor.id, pullRequestEvents.actorId))
      .leftJoin(reviewer, eq(reviewer.id, pullRequestEvents.requestedReviewerId))
      .where(inArray(pullRequestEvents.pullRequestId, ids))
      .orderBy(asc(pullRequestEvents.createdAt), asc(pullRequestEvents.nodeId)),
    db
      .select({ prId: pullRequestLabels.pullRequestId, name: pullRequestLabels.name })
      .from(pullRequestLabels)
      .where(inArray(pullRequestLabels.pullRequestId, ids)),
    options.withComments
      ? db
          .select({ prId: pullRequests.id, id: comments.id, login: users.login, type: users.type, kind: comments.kind, createdAt: comments.createdAt })
          .from(comments)
          .innerJoin(pullRequests, and(eq(pullRequests.repoId, comments.repoId), eq(pullRequests.number, comments.number)))
          .leftJoin(users, eq(users.id, comments.authorId))
          .where(inArray(pullRequests.id, ids))
      : Promise.resolve([]),
  ]);

  const records = new Map<number, PullRequestRecord>();
  for (const row of rows) {
    records.set(row.id, {
      id: row.id,
      repoId: row.repoId,
      repo: row.repo,
      number: row.number,
      title: row.title,
      author: account(row.authorLogin, row.authorType),
      state: row.state as PullRequestRecord['state'],
      isDraft: row.isDraft,
      createdAt: row.createdAt,
      closedAt: row.closedAt,
      mergedAt: row.mergedAt,
      mergedBy: row.mergedByLogin === null ? null : account(row.mergedByLogin, row.mergedByType),
      mergeCommitSha: row.mergeCommitSha,
      headRef: row.headRef,
      baseRef: row.baseRef,
      additions: row.additions,
      deletions: row.deletions,
      labels: [],
      commits: [],
      reviews: [],
      events: [],
      comments: [],
    });
  }
  for (const c of commitRows) records.get(c.prId)?.commits.push({ sha: c.sha, authoredAt: c.authoredAt });
  for (const r of reviewRows) {
    records.get(r.prId)?.reviews.push({ id: r.id, author: account(r.login, r.type), state: r.state as ReviewState, submittedAt: r.submittedAt });
  }
  for (const e of eventRows) {
    records.get(e.prId)?.events.push({
      kind: e.kind as PullRequestEventKind,
      createdAt: e.createdAt,
      actor: e.actorLogin === null ? null : account(e.actorLogin, e.actorType),
      reviewer: e.hasReviewer ? account(e.reviewerLogin, e.reviewerType) : null,
      team: e.team,
    });
  }
  for (const l of labelRows) records.get(l.prId)?.labels.push(l.name);
  for (const c of commentRows) records.get(c.prId)?.comments.push({ id: c.id, author: account(c.login, c.type), kind: c.kind, createdAt: c.createdAt });
  return [...records.values()];
}
