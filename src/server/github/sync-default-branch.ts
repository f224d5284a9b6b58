/**
 * The default branch's history since the watermark, with each commit's statuses and check runs
 * (Codecov and Coveralls report coverage there). GraphQL's `history(since:)` filters on the commit
 * date; a 3-day overlap re-reads recent commits so statuses that arrive after the push (coverage
 * reports take minutes) are not missed.
 */
import { writeDefaultBranchCommits, type DefaultBranchRows } from '@/server/db/queries/write-default-branch';
import { readSyncState, trackPass, writeSyncState } from '@/server/db/queries/sync-state';
import { ZHistoryCommit, type HistoryCommit } from './graphql-payloads';
import { mapCommit } from './map-pull-request';
import { parseItems } from './parse-items';
import { incompletePage, missingItems } from './partial-page';
import { DEFAULT_BRANCH_HISTORY_QUERY } from './graphql-documents';
import { commitCursorPage } from './commit-cursor-page';
import { laterOf, passStart, type RepoSyncContext } from './sync-context';

const RESOURCE = 'default_branch';
const OVERLAP_MS = 3 * 86_400_000;
const NODES_PATH = ['repository', 'defaultBranchRef', 'target', 'history', 'nodes'] as const;

interface HistoryPage {
  repository: {
    defaultBranchRef: {
      target: { history?: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: unknown[] } } | null;
    } | null;
  } | null;
}

export function syncDefaultBranch(ctx: RepoSyncContext): Promise<void> {
  return trackPass(ctx.db, ctx.repo.id, RESOURCE, ctx.now, () => pass(ctx));
}

async function pass(ctx: RepoSyncContext): Promise<void> {
  const state = await readSyncState(ctx.db, ctx.repo.id, RESOURCE);
  const resuming = !ctx.sinceOverride && state?.cursor != null;
  let cursor = resuming ? state!.cursor : null;
  let pending = resuming ? state!.pendingWatermark : null;
  const since = passStart(ctx, state?.watermark, OVERLAP_MS);

  for (;;) {
    const { data, errors } = await ctx.github.graphqlPage<HistoryPage>(DEFAULT_BRANCH_HISTORY_QUERY, {
      owner: ctx.repo.owner,
      name: ctx.repo.name,
      since: since.toISOString(),
      cursor,
    });
    const missing = missingItems(errors, NODES_PATH);
    if (missing === 'page') throw incompletePage('default-branch commits', data?.repository?.defaultBranchRef?.target?.history?.nodes.length ?? 0, 0, errors);
    const history = data.repository?.defaultBranchRef?.target?.history;
    if (!history) {
      // An empty repository has no default branch yet: nothing to read, nothing to remember.
      await writeSyncState(ctx.db, ctx.repo.id, RESOURCE, { cursor: null, pendingWatermark: null, lastCompletedAt: ctx.now(), lastError: null });
      ctx.page(RESOURCE, 0);
      return;
    }
    const resolved = history.nodes.filter((_, index) => !missing.has(index));
    const parsed = parseItems(ZHistoryCommit, resolved, `default-branch commit in ${ctx.repo.fullName}`, ctx.logger);
    const rows = mapHistory(parsed, ctx.repo.id);
    if (missing.size > 0) {
      // What resolved is stored; the cursor and watermark stay before this page, so it is asked again.
      await ctx.db.transaction((tx) => writeDefaultBranchCommits(tx, rows));
      ctx.page(RESOURCE, parsed.length);
      throw incompletePage('default-branch commits', missing.size, parsed.length, errors);
    }
    for (const commit of parsed) pending = laterOf(pending, commit.committedDate);
    const done = !history.pageInfo.hasNextPage;

    await commitCursorPage(ctx, RESOURCE, {
      write: (tx) => writeDefaultBranchCommits(tx, rows),
      done,
      endCursor: history.pageInfo.endCursor,
      pending,
      watermark: state?.watermark,
    });
    ctx.page(RESOURCE, parsed.length);
    if (done) return;
    cursor = history.pageInfo.endCursor;
  }
}

export function mapHistory(commits: HistoryCommit[], repoId: number): DefaultBranchRows {
  const rows: DefaultBranchRows = { users: [], commits: [], statuses: [], checkRuns: [] };
  for (const node of commits) {
    const { commit, author } = mapCommit(node, repoId, true);
    rows.commits.push(commit);
    if (author) rows.users.push(author);
    for (const status of node.status?.contexts ?? []) {
      rows.statuses.push({
        nodeId: status.id,
        repoId,
        sha: node.oid,
        context: status.context,
        state: status.state,
        description: status.description,
        targetUrl: status.targetUrl,
        createdAt: status.createdAt,
      });
    }
    for (const suite of node.checkSuites?.nodes ?? []) {
      for (const run of suite.checkRuns?.nodes ?? []) {
        rows.checkRuns.push({
          id: run.databaseId,
          repoId,
          headSha: node.oid,
          name: run.name,
          status: run.status,
          conclusion: run.conclusion,
          startedAt: run.startedAt,
          completedAt: run.completedAt,
          outputTitle: run.title,
          outputSummary: run.summary,
          appSlug: suite.app?.slug ?? null,
        });
      }
    }
  }
  return rows;
}
