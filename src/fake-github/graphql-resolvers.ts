/**
 * The root of the fake's GraphQL API over a FakeOrg: `repository`, `organization`, `user`, `node`,
 * `nodes` and `rateLimit`, with repositories, pull requests (their commits, reviews, timeline and
 * labels) and default-branch history beneath. Errors carry GitHub's `type`.
 */
import { findRepository, fullName, hashId, sameName } from './context';
import { actorView, commitBySha, commitView, labelView, nodeIdFor, teamView, type Scope, type View } from './graphql-views';
import type { FakePullRequest, FakeRepository, FakeTimelineEvent } from './model';
import { GitHubGraphqlError, compareTuples, connection, type ConnectionArgs } from './pagination';

export interface RateLimitValue {
  cost: number;
  limit: number;
  nodeCount: number;
  remaining: number;
  resetAt: string;
  used: number;
}

type OrderBy = { field: string; direction: 'ASC' | 'DESC' } | null | undefined;

export function createRootValue(scope: Scope, rateLimit: RateLimitValue): Record<string, unknown> {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = findRepository(scope.org, owner, name);
      if (!repo) throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repositoryView(scope, repo);
    },
    organization: ({ login }: { login: string }) => {
      if (!sameName(login, scope.org.login)) {
        throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve to an Organization with the login of '${login}'.`);
      }
      return organizationView(scope);
    },
    user: ({ login }: { login: string }) => {
      const user = scope.org.users.find((u) => sameName(u.login, login) && u.type === 'User');
      if (!user) throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve to a User with the login of '${login}'.`);
      return actorView(scope, user.login);
    },
    node: ({ id }: { id: string }) => {
      const node = findNode(scope, id);
      if (!node) throw new GitHubGraphqlError('NOT_FOUND', `Could not resolve to a node with the global id of '${id}'`);
      return node;
    },
    nodes: ({ ids }: { ids: string[] }) => ids.map((id) => findNode(scope, id)),
    rateLimit: () => rateLimit,
  };
}

function findNode(scope: Scope, id: string): View | null {
  for (const repo of scope.org.repositories) {
    if (repo.nodeId === id) return repositoryView(scope, repo);
    for (const pr of repo.pullRequests) {
      if (pr.nodeId === id) return pullRequestView(scope, repo, pr);
      const review = pr.reviews.find((r) => r.nodeId === id);
      if (review) return reviewView(scope, repo, pr, review);
    }
  }
  const user = scope.org.users.find((u) => u.nodeId === id);
  return user ? actorView(scope, user.login) : null;
}

function organizationView(scope: Scope): View {
  const org = scope.org;
  const id = hashId(`org:${org.login}`);
  return {
    __typename: 'Organization',
    id: nodeIdFor('O', String(id)),
    databaseId: id,
    login: org.login,
    name: org.login,
    url: `${scope.urls.web}/${org.login}`,
    repositories: (args: ConnectionArgs & { orderBy?: OrderBy; privacy?: 'PUBLIC' | 'PRIVATE' | null; isArchived?: boolean | null }) => {
      let repos = org.repositories.filter((r) => sameName(r.owner, org.login));
      if (args.privacy) repos = repos.filter((r) => r.isPrivate === (args.privacy === 'PRIVATE'));
      if (args.isArchived != null) repos = repos.filter((r) => r.isArchived === args.isArchived);
      const key = (r: FakeRepository) => (args.orderBy?.field === 'NAME' ? [r.name.toLowerCase(), r.id] : [Date.parse(r.createdAt), r.id]);
      return sortedConnection(repos, key, args.orderBy?.direction ?? 'ASC', args, (r) => repositoryView(scope, r));
    },
    team: ({ slug }: { slug: string }) => (org.teams.some((t) => t.slug === slug) ? teamView(scope, slug) : null),
  };
}

/** A connection over items sorted by `key`, whose cursors keep their place when the list changes. */
function sortedConnection<T>(items: T[], key: (item: T) => (string | number)[], direction: 'ASC' | 'DESC', args: ConnectionArgs, view: (item: T) => View) {
  const compare = compareTuples(direction === 'DESC' ? -1 : 1);
  const sorted = items.map((item) => ({ item, key: key(item) })).sort((a, b) => compare(a.key, b.key));
  const page = connection(sorted, args, { key: (entry) => entry.key, compare });
  const nodes = page.nodes.map((entry) => view(entry.item));
  return { ...page, nodes, edges: page.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })) };
}

export function repositoryView(scope: Scope, repo: FakeRepository): View {
  const url = `${scope.urls.web}/${fullName(repo)}`;
  const ownerIsOrg = sameName(repo.owner, scope.org.login);
  return {
    __typename: 'Repository',
    id: repo.nodeId,
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: fullName(repo),
    owner: ownerIsOrg ? organizationView(scope) : actorView(scope, repo.owner),
    url,
    resourcePath: `/${fullName(repo)}`,
    isArchived: repo.isArchived,
    isPrivate: repo.isPrivate,
    isFork: false,
    visibility: repo.isPrivate ? 'PRIVATE' : 'PUBLIC',
    createdAt: repo.createdAt,
    // An empty repository has no default branch ref.
    defaultBranchRef: () => {
      const head = repo.defaultBranchCommits[0];
      if (!head) return null;
      return {
        __typename: 'Ref',
        id: nodeIdFor('REF', `${fullName(repo)}:${repo.defaultBranch}`),
        name: repo.defaultBranch,
        prefix: 'refs/heads/',
        target: commitView(scope, repo, head),
      };
    },
    pullRequest: ({ number }: { number: number }) => {
      const pr = repo.pullRequests.find((p) => p.number === number);
      return pr ? pullRequestView(scope, repo, pr) : null;
    },
    pullRequests: (
      args: ConnectionArgs & {
        states?: string[] | null;
        labels?: string[] | null;
        headRefName?: string | null;
        baseRefName?: string | null;
        orderBy?: OrderBy;
      },
    ) => {
      let prs = repo.pullRequests;
      if (args.states?.length) prs = prs.filter((p) => args.states!.includes(p.state));
      if (args.labels?.length) prs = prs.filter((p) => p.labels.some((l) => args.labels!.some((want) => sameName(want, l))));
      if (args.headRefName) prs = prs.filter((p) => p.headRef === args.headRefName);
      if (args.baseRefName) prs = prs.filter((p) => p.baseRef === args.baseRefName);
      const field = args.orderBy?.field;
      const key = (p: FakePullRequest) => [Date.parse(field === 'UPDATED_AT' ? p.updatedAt : p.createdAt), p.id];
      return sortedConnection(prs, key, args.orderBy?.direction ?? 'ASC', args, (p) => pullRequestView(scope, repo, p));
    },
  };
}

/** REVIEW_REQUESTED_EVENT → ReviewRequestedEvent */
function itemTypeName(itemType: string): string {
  return itemType
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('');
}

export function pullRequestView(scope: Scope, repo: FakeRepository, pr: FakePullRequest): View {
  const url = `${scope.urls.web}/${fullName(repo)}/pull/${pr.number}`;
  return {
    __typename: 'PullRequest',
    id: pr.nodeId,
    databaseId: pr.id,
    fullDatabaseId: String(pr.id),
    number: pr.number,
    title: pr.title,
    body: '',
    state: pr.state,
    isDraft: pr.isDraft,
    merged: pr.state === 'MERGED',
    closed: pr.state !== 'OPEN',
    author: () => actorView(scope, pr.authorLogin),
    headRefName: pr.headRef,
    baseRefName: pr.baseRef,
    headRefOid: pr.commits.at(-1)?.sha ?? null,
    headRepository: () => {
      if (pr.headRepoFullName == null) return null;
      const [owner = '', name = ''] = pr.headRepoFullName.split('/');
      const known = findRepository(scope.org, owner, name);
      if (known) return repositoryView(scope, known);
      return { __typename: 'Repository', name, nameWithOwner: pr.headRepoFullName, url: `${scope.urls.web}/${pr.headRepoFullName}` };
    },
    repository: () => repositoryView(scope, repo),
    baseRepository: () => repositoryView(scope, repo),
    createdAt: pr.createdAt,
    updatedAt: pr.updatedAt,
    closedAt: pr.closedAt,
    mergedAt: pr.mergedAt,
    mergedBy: () => actorView(scope, pr.mergedByLogin),
    mergeCommit: () => (pr.mergeCommitSha ? commitBySha(scope, repo, pr.mergeCommitSha) : null),
    additions: pr.additions,
    deletions: pr.deletions,
    changedFiles: pr.changedFiles,
    url,
    permalink: url,
    resourcePath: new URL(url).pathname,
    labels: (args: ConnectionArgs) =>
      connection(
        pr.labels.map((name) => labelView(scope, repo, name)),
        args,
      ),
    commits: (args: ConnectionArgs) =>
      connection(
        pr.commits.map((commit) => ({
          __typename: 'PullRequestCommit',
          id: nodeIdFor('PURC', `${pr.nodeId}:${commit.sha}`),
          commit: commitView(scope, repo, commit),
          url: `${url}/commits/${commit.sha}`,
        })),
        args,
      ),
    reviews: (args: ConnectionArgs & { states?: string[] | null; author?: string | null }) => {
      let reviews = pr.reviews;
      if (args.states?.length) reviews = reviews.filter((r) => args.states!.includes(r.state));
      if (args.author) reviews = reviews.filter((r) => r.authorLogin != null && sameName(r.authorLogin, args.author!));
      return connection(
        reviews.map((review) => reviewView(scope, repo, pr, review)),
        args,
      );
    },
    timelineItems: (args: ConnectionArgs & { itemTypes?: string[] | null; since?: string | null; skip?: number | null }) => {
      const types = args.itemTypes?.length ? new Set(args.itemTypes.map(itemTypeName)) : undefined;
      let items = pr.timeline.filter((event) => !types || types.has(event.type));
      if (args.since) {
        const since = Date.parse(args.since);
        items = items.filter((event) => Date.parse(event.createdAt) >= since);
      }
      if (args.skip) items = items.slice(args.skip);
      const page = connection(
        items.map((event) => timelineView(scope, event)),
        args,
      );
      return { ...page, totalCount: pr.timeline.length, filteredCount: items.length, pageCount: page.nodes.length, updatedAt: pr.updatedAt };
    },
  };
}

function reviewView(scope: Scope, repo: FakeRepository, pr: FakePullRequest, review: FakePullRequest['reviews'][number]): View {
  return {
    __typename: 'PullRequestReview',
    id: review.nodeId,
    databaseId: review.id,
    fullDatabaseId: String(review.id),
    state: review.state,
    body: '',
    submittedAt: review.submittedAt,
    createdAt: review.submittedAt ?? pr.updatedAt,
    author: () => actorView(scope, review.authorLogin),
    commit: () => (review.commitSha ? commitBySha(scope, repo, review.commitSha) : null),
    url: `${scope.urls.web}/${fullName(repo)}/pull/${pr.number}#pullrequestreview-${review.id}`,
  };
}

function timelineView(scope: Scope, event: FakeTimelineEvent): View {
  const base = { __typename: event.type, id: event.nodeId, createdAt: event.createdAt, actor: () => actorView(scope, event.actorLogin) };
  if (event.type === 'ReviewRequestedEvent' || event.type === 'ReviewRequestRemovedEvent') {
    const reviewer = event.reviewer;
    return {
      ...base,
      requestedReviewer: () => (reviewer == null ? null : reviewer.kind === 'team' ? teamView(scope, reviewer.slug) : actorView(scope, reviewer.login)),
    };
  }
  return base;
}
