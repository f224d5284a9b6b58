/**
 * Conversation comments from bots, and the ids of all comments. Codecov keeps one comment per PR and
 * edits it after every green CI run (so its updated_at moves); the web app's preview bot does the
 * same. Bot comments are noise the metrics must not mistake for review activity.
 */
import type { FakeIssueComment, FakeReviewComment } from '../model';
import { SECOND, iso } from './clock';
import type { RepoContext } from './context';
import type { CommentDraft, MaterializedPr } from './materialize-pr';
import { BOT } from './people';
import type { RunResult } from './workflow-runs';

export function botComments(ctx: RepoContext, m: MaterializedPr, ci: Map<string, RunResult>): CommentDraft[] {
  const bot = ctx.profile.coverage === 'codecov' ? BOT.codecov : ctx.profile.delivery === 'deploy-workflow' ? BOT.actions : null;
  if (!bot) return [];
  const rng = ctx.fork(`bot-comments-${m.pr.number}`);
  const times = m.pushes.flatMap((push) => {
    const run = ci.get(push.sha);
    const at = run?.finishedAt == null ? null : run.finishedAt + rng.int(15, 90) * SECOND;
    return at !== null && at <= ctx.now ? [at] : [];
  });
  const first = times[0];
  if (first === undefined) return [];
  return [{ issueNumber: m.pr.number, authorLogin: bot, at: first, updatedAt: times[times.length - 1] as number }];
}

/** Ids follow creation order across the repository, as on GitHub; lists are oldest first like REST. */
export function issueCommentsWithIds(ctx: RepoContext, drafts: CommentDraft[]): FakeIssueComment[] {
  return [...drafts]
    .sort((a, b) => a.at - b.at || a.issueNumber - b.issueNumber)
    .map((c) => ({
      id: ctx.ids.next('issueComment'),
      issueNumber: c.issueNumber,
      authorLogin: c.authorLogin,
      createdAt: iso(c.at),
      updatedAt: iso(c.updatedAt),
    }));
}

export function reviewCommentsWithIds(ctx: RepoContext, drafts: CommentDraft[]): FakeReviewComment[] {
  return [...drafts]
    .sort((a, b) => a.at - b.at || a.issueNumber - b.issueNumber)
    .map((c) => ({
      id: ctx.ids.next('reviewComment'),
      pullNumber: c.issueNumber,
      reviewId: c.reviewId ?? null,
      authorLogin: c.authorLogin,
      createdAt: iso(c.at),
      updatedAt: iso(c.updatedAt),
    }));
}
