/**
 * Pull requests with their commits, reviews, review requests, draft/ready events and labels, through
 * GraphQL (REST would take ~5 requests per PR). Pages run newest-updated first and stop at the first
 * PR older than the watermark; each page is written with the sync state in one transaction.
 *
 * Resuming: the pass's cursor is stored after each page, so a killed sync continues from the last
 * committed page. A PR updated meanwhile moves to the front of the order, ahead of the cursor, and its
 * new `updatedAt` is above this pass's watermark, so the next pass picks it up: no gaps.
 */
import { z } from 'zod';
import { writePullRequests } from '@/server/db/queries/write-pull-requests';
import { readSyncState, trackPass } from '@/server/db/queries/sync-state';
import { ZPullRequestCommits, ZPullRequestNode, ZPullRequestReviews, ZPullRequestTimeline, type PullRequestNode } from './graphql-payloads';
import { mapPullRequest } from './map-pull-request';
import { parseItems } from './parse-items';
import { incompletePage, missingItems } from './partial-page';
import { PULL_REQUEST_CONNECTIONS_QUERY, PULL_REQUESTS_QUERY } from './graphql-documents';
import { commitCursorPage } from './commit-cursor-page';
import { laterOf, passStart, type RepoSyncContext } from './sync-context';

const RESOURCE = 'pull_requests';

interface PullRequestsPage {
  repository: {
    pullRequests: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] };
  } | null;
}

const ZUpdatedAt = z.object({ updatedAt: z.iso.datetime({ offset: true }) });
const NODES_PATH = ['repository', 'pullRequests', 'nodes'] as const;

function connectionSize(data: PullRequestsPage | null): number {
  return data?.repository?.pullRequests?.nodes.length ?? 0;
}

export function syncPullRequests(ctx: RepoSyncContext): Promise<void> {
  return trackPass(ctx.db, ctx.repo.id, RESOURCE, ctx.now, () => pass(ctx));
}

async function pass(ctx: RepoSyncContext): Promise<void> {
  const state = await readSyncState(ctx.db, ctx.repo.id, RESOURCE);
  const resuming = !ctx.sinceOverride && state?.cursor != null;
  let cursor = resuming ? state!.cursor : null;
  let pending = resuming ? state!.pendingWatermark : null;
  const stopBefore = passStart(ctx, state?.watermark);

  for (;;) {
    const { data, errors } = await ctx.github.graphqlPage<PullRequestsPage>(PULL_REQUESTS_QUERY, { owner: ctx.repo.owner, name: ctx.repo.name, cursor });
    const missing = missingItems(errors, NODES_PATH);
    if (missing === 'page') throw incompletePage('pull requests', connectionSize(data), 0, errors);
    const connection = data.repository?.pullRequests;
    if (!connection) throw new Error(`${ctx.repo.fullName}: GitHub returned no pull requests connection`);

    // Keep the nodes up to the first one older than where this pass stops (the order is by updatedAt).
    const fresh: unknown[] = [];
    let unresolved = 0;
    let reachedOld = false;
    for (const [index, node] of connection.nodes.entries()) {
      const stamp = ZUpdatedAt.safeParse(node);
      if (stamp.success && new Date(stamp.data.updatedAt) < stopBefore) {
        reachedOld = true;
        break;
      }
      if (missing.has(index)) unresolved += 1;
      else fresh.push(node);
    }
    const parsed = parseItems(ZPullRequestNode, fresh, `pull request in ${ctx.repo.fullName}`, ctx.logger);
    for (const pr of parsed) {
      if (pr.labels?.pageInfo.hasNextPage) ctx.logger.warn(`${ctx.repo.fullName}#${pr.number} has more labels than one page; only the first are kept`);
      await completeNestedConnections(ctx, pr);
      pending = laterOf(pending, pr.updatedAt);
    }
    const rows = parsed.map((pr) => mapPullRequest(pr, ctx.repo.id));
    if (unresolved > 0) {
      // What resolved is stored; the cursor and watermark stay before this page, so it is asked again.
      await ctx.db.transaction((tx) => writePullRequests(tx, rows));
      ctx.page(RESOURCE, rows.length);
      throw incompletePage('pull requests', unresolved, rows.length, errors);
    }
    const done = reachedOld || !connection.pageInfo.hasNextPage;

    await commitCursorPage(ctx, RESOURCE, {
      write: (tx) => writePullRequests(tx, rows),
      done,
      endCursor: connection.pageInfo.endCursor,
      pending,
      watermark: state?.watermark,
    });
    ctx.page(RESOURCE, rows.length);
    if (done) return;
    cursor = connection.pageInfo.endCursor;
  }
}

const ZConnectionsPage = z.object({
  node: z
    .object({
      commits: ZPullRequestCommits.optional(),
      reviews: ZPullRequestReviews.optional(),
      timelineItems: ZPullRequestTimeline.optional(),
    })
    .nullable(),
});

/** A PR with more than a page of commits, reviews or events: fetch the rest by its node id. */
async function completeNestedConnections(ctx: RepoSyncContext, pr: PullRequestNode): Promise<void> {
  const reviews = pr.reviews ?? { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] };
  pr.reviews = reviews;
  while (pr.commits.pageInfo.hasNextPage || reviews.pageInfo.hasNextPage || pr.timelineItems.pageInfo.hasNextPage) {
    const raw = await ctx.github.graphql<unknown>(PULL_REQUEST_CONNECTIONS_QUERY, {
      id: pr.id,
      commitsCursor: pr.commits.pageInfo.endCursor,
      reviewsCursor: reviews.pageInfo.endCursor,
      timelineCursor: pr.timelineItems.pageInfo.endCursor,
      withCommits: pr.commits.pageInfo.hasNextPage,
      withReviews: reviews.pageInfo.hasNextPage,
      withTimeline: pr.timelineItems.pageInfo.hasNextPage,
    });
    const node = ZConnectionsPage.parse(raw).node;
    if (!node) throw new Error(`${ctx.repo.fullName}#${pr.number}: GitHub no longer finds this pull request`);
    if (node.commits) pr.commits = { pageInfo: node.commits.pageInfo, nodes: [...pr.commits.nodes, ...node.commits.nodes] };
    if (node.reviews) {
      reviews.nodes.push(...node.reviews.nodes);
      reviews.pageInfo = node.reviews.pageInfo;
    }
    if (node.timelineItems) {
      pr.timelineItems = { pageInfo: node.timelineItems.pageInfo, nodes: [...pr.timelineItems.nodes, ...node.timelineItems.nodes] };
    }
  }
}
