/**
 * Conversation and diff comments, read repo-wide in two `since`-filtered REST lists (one request per
 * 100 comments) rather than nested in the PR query (one sub-request per PR). Stored by (repository,
 * number) whatever their PR's sync state, so no ordering between the two syncs can lose one.
 */
import { writeComments, type CommentRows } from '@/server/db/queries/write-comments';
import { parseItems } from './parse-items';
import { ZIssueComment, ZReviewComment, numberFromUrl, userRow } from './rest-payloads';
import { passStart, type RepoSyncContext } from './sync-context';
import { syncRestList, timeField } from './sync-rest-list';

export async function syncComments(ctx: RepoSyncContext): Promise<void> {
  for (const kind of ['conversation', 'diff'] as const) {
    await syncRestList<CommentRows>(ctx, {
      resource: kind === 'conversation' ? 'issue_comments' : 'review_comments',
      route: kind === 'conversation' ? 'GET /repos/{owner}/{repo}/issues/comments' : 'GET /repos/{owner}/{repo}/pulls/comments',
      conditional: true,
      params: (state) => ({
        sort: 'updated',
        direction: 'asc',
        since: passStart(ctx, state?.watermark).toISOString(),
        per_page: 100,
      }),
      itemTime: timeField('updated_at'),
      prepare: async (items) => {
        const parsed =
          kind === 'conversation'
            ? parseItems(ZIssueComment, items, `comment in ${ctx.repo.fullName}`, ctx.logger).map((c) => ({ ...c, url: c.issue_url, reviewId: null }))
            : parseItems(ZReviewComment, items, `diff comment in ${ctx.repo.fullName}`, ctx.logger).map((c) => ({
                ...c,
                url: c.pull_request_url,
                reviewId: c.pull_request_review_id,
              }));
        const rows: CommentRows = { users: [], comments: [] };
        for (const comment of parsed) {
          const number = numberFromUrl(comment.url);
          if (number === null) {
            ctx.logger.warn(`skipped comment ${comment.id} in ${ctx.repo.fullName}: no PR or issue number in ${comment.url}`);
            continue;
          }
          const author = userRow(comment.user);
          if (author) rows.users.push(author);
          rows.comments.push({
            id: comment.id,
            repoId: ctx.repo.id,
            number,
            authorId: author?.id ?? null,
            kind,
            reviewId: comment.reviewId,
            createdAt: comment.created_at,
          });
        }
        return { rows, count: rows.comments.length };
      },
      write: writeComments,
    });
  }
}
