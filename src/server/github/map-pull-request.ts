/**
 * GraphQL pull request → rows. Pure: the same node always gives the same rows.
 */
import type { CommitRow, PullRequestRows, UserRow } from '@/server/db/queries/write-pull-requests';
import type { Actor, CommitNode, PullRequestNode, TimelineNode } from './graphql-payloads';

/**
 * GraphQL names a bot `dependabot`; REST, the web UI and users' bot lists say `dependabot[bot]`.
 * Stored logins use the REST spelling so both APIs and the configured bot list agree.
 */
export function userFromActor(actor: Pick<Actor, '__typename' | 'login' | 'databaseId'> | null | undefined): UserRow | null {
  if (!actor || actor.databaseId == null) return null;
  const isBot = actor.__typename === 'Bot';
  const login = isBot && !actor.login.endsWith('[bot]') ? `${actor.login}[bot]` : actor.login;
  return { id: actor.databaseId, login, type: actor.__typename, isBot };
}

export function mapCommit(node: CommitNode, repoId: number, onDefaultBranch: boolean): { commit: CommitRow; author: UserRow | null } {
  const user = node.author?.user;
  const author = user?.databaseId != null ? { id: user.databaseId, login: user.login, type: 'User', isBot: false } : null;
  return {
    author,
    commit: {
      repoId,
      sha: node.oid,
      authoredAt: node.authoredDate,
      committedAt: node.committedDate,
      authorId: author?.id ?? null,
      messageHeadline: node.messageHeadline,
      // Unknown (null) for a PR's commits, which are fetched without parents to keep queries cheap.
      parentShas: node.parents ? node.parents.nodes.map((p) => p.oid) : null,
      onDefaultBranch,
    },
  };
}

const EVENT_KINDS = {
  ReviewRequestedEvent: 'review_requested',
  ReviewRequestRemovedEvent: 'review_request_removed',
  ReadyForReviewEvent: 'ready_for_review',
  ConvertToDraftEvent: 'convert_to_draft',
} as const;

function mapEvent(node: TimelineNode, pullRequestId: number, users: UserRow[]): PullRequestRows['events'][number] {
  const actor = userFromActor(node.actor);
  if (actor) users.push(actor);
  const row = {
    nodeId: node.id,
    pullRequestId,
    kind: EVENT_KINDS[node.__typename],
    createdAt: node.createdAt,
    actorId: actor?.id ?? null,
    requestedReviewerId: null as number | null,
    requestedTeam: null as string | null,
  };
  if ('requestedReviewer' in node && node.requestedReviewer) {
    const reviewer = node.requestedReviewer;
    if (reviewer.__typename === 'Team') row.requestedTeam = reviewer.slug ?? null;
    else if (reviewer.login) {
      const user = userFromActor({ __typename: reviewer.__typename, login: reviewer.login, databaseId: reviewer.databaseId });
      if (user) {
        users.push(user);
        row.requestedReviewerId = user.id;
      }
    }
  }
  return row;
}

export function mapPullRequest(node: PullRequestNode, repoId: number): PullRequestRows {
  const users: UserRow[] = [];
  const keep = (actor: Actor | null) => {
    const user = userFromActor(actor);
    if (user) users.push(user);
    return user?.id ?? null;
  };
  const pullRequestId = node.fullDatabaseId;

  const commitRows: CommitRow[] = [];
  for (const { commit } of node.commits.nodes) {
    const mapped = mapCommit(commit, repoId, false);
    // Commit authors come first so an actor seen elsewhere (with its real type) wins the merge.
    if (mapped.author) users.unshift(mapped.author);
    commitRows.push(mapped.commit);
  }

  const authorId = keep(node.author);
  const mergedById = keep(node.mergedBy);
  const reviewRows = (node.reviews?.nodes ?? []).map((review) => ({
    id: review.fullDatabaseId,
    pullRequestId,
    authorId: keep(review.author),
    state: review.state,
    submittedAt: review.submittedAt,
    commitSha: review.commit?.oid ?? null,
  }));
  const events = node.timelineItems.nodes.map((event) => mapEvent(event, pullRequestId, users));

  return {
    users,
    pullRequest: {
      id: pullRequestId,
      nodeId: node.id,
      repoId,
      number: node.number,
      title: node.title,
      state: node.state.toLowerCase(),
      isDraft: node.isDraft,
      authorId,
      headRef: node.headRefName,
      baseRef: node.baseRefName,
      headRepoFullName: node.headRepository?.nameWithOwner ?? null,
      createdAt: node.createdAt,
      updatedAt: node.updatedAt,
      closedAt: node.closedAt,
      mergedAt: node.mergedAt,
      mergedById,
      mergeCommitSha: node.mergeCommit?.oid ?? null,
      additions: node.additions,
      deletions: node.deletions,
      changedFiles: node.changedFiles,
    },
    labels: [...new Set((node.labels?.nodes ?? []).map((l) => l.name))].map((name) => ({ pullRequestId, name })),
    commits: commitRows,
    pullRequestCommits: commitRows.map((c) => ({ pullRequestId, sha: c.sha })),
    reviews: reviewRows,
    events,
  };
}
