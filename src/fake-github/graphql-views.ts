/**
 * GraphQL views of the model's smaller objects: actors, teams, labels and commits (with their history,
 * statuses and check suites). A view is a plain object carrying `__typename` (graphql-js resolves
 * abstract types from it) whose fields are values or functions of the field's arguments (graphql-js's
 * default field resolver calls them). Fields a view lacks resolve to null.
 */
import { findUser, fullName, hashId, sameName, type FakeUrls } from './context';
import type { FakeCheckRun, FakeCommit, FakeCommitStatus, FakeOrg, FakeRepository } from './model';
import { connection, type ConnectionArgs } from './pagination';

export type View = { __typename: string } & Record<string, unknown>;

/** What the views of one request share: the world, the URLs, and an index of each repo's commits. */
export interface Scope {
  org: FakeOrg;
  urls: FakeUrls;
  commitsBySha(repo: FakeRepository): Map<string, FakeCommit>;
}

export function createScope(org: FakeOrg, urls: FakeUrls): Scope {
  const indexes = new WeakMap<FakeRepository, Map<string, FakeCommit>>();
  return {
    org,
    urls,
    commitsBySha(repo) {
      let index = indexes.get(repo);
      if (!index) {
        index = new Map();
        for (const pr of repo.pullRequests) for (const c of pr.commits) index.set(c.sha, c);
        for (const c of repo.defaultBranchCommits) index.set(c.sha, c);
        indexes.set(repo, index);
      }
      return index;
    },
  };
}

export function nodeIdFor(prefix: string, text: string): string {
  return `${prefix}_${Buffer.from(`fake:${text}`).toString('base64url')}`;
}

/** GraphQL spells bots without REST's `[bot]` suffix; a null login (deleted account) is a null actor. */
export function actorView(scope: Scope, login: string | null): View | null {
  if (login == null) return null;
  const user = findUser(scope.org, login);
  const common = { id: user.nodeId, databaseId: user.id, avatarUrl: `${scope.urls.web}/avatars/${user.id}` };
  if (user.type === 'Bot') {
    const slug = user.login.replace(/\[bot\]$/, '');
    return { __typename: 'Bot', ...common, login: slug, url: `${scope.urls.web}/apps/${slug}`, resourcePath: `/apps/${slug}` };
  }
  return { __typename: 'User', ...common, login: user.login, name: null, url: `${scope.urls.web}/${user.login}`, resourcePath: `/${user.login}` };
}

export function teamView(scope: Scope, slug: string): View {
  const team = scope.org.teams.find((t) => sameName(t.slug, slug));
  const id = hashId(`team:${scope.org.login}/${slug}`);
  return {
    __typename: 'Team',
    id: nodeIdFor('T', String(id)),
    databaseId: id,
    slug: team?.slug ?? slug,
    name: team?.name ?? slug,
    combinedSlug: `${scope.org.login}/${team?.slug ?? slug}`,
    url: `${scope.urls.web}/orgs/${scope.org.login}/teams/${slug}`,
  };
}

export function labelView(scope: Scope, repo: FakeRepository, name: string): View {
  const id = hashId(`label:${fullName(repo)}:${name}`);
  return {
    __typename: 'Label',
    id: nodeIdFor('LA', String(id)),
    name,
    color: labelColor(name),
    description: null,
    isDefault: false,
    url: `${scope.urls.web}/${fullName(repo)}/labels/${encodeURIComponent(name)}`,
  };
}

export function labelColor(name: string): string {
  return (hashId(`color:${name}`) & 0xffffff).toString(16).padStart(6, '0');
}

/** `Commit.author`/`committer`: GitActor.user is a User, so a bot author has no user. */
function gitActor(scope: Scope, login: string | null, date: string): View {
  const user = login == null ? null : findUser(scope.org, login);
  return {
    __typename: 'GitActor',
    name: login ?? 'Unknown',
    email: user ? `${user.id}+${user.login}@users.noreply.github.com` : 'unknown@example.com',
    date,
    user: user && user.type === 'User' ? actorView(scope, user.login) : null,
  };
}

/** A commit the repository does not hold in full (a parent, a merge commit): only its oid is known. */
export function commitBySha(scope: Scope, repo: FakeRepository, sha: string): View {
  const commit = scope.commitsBySha(repo).get(sha);
  if (commit) return commitView(scope, repo, commit);
  return { __typename: 'Commit', id: nodeIdFor('C', sha), oid: sha, abbreviatedOid: sha.slice(0, 7) };
}

export function commitView(scope: Scope, repo: FakeRepository, commit: FakeCommit): View {
  const url = `${scope.urls.web}/${fullName(repo)}/commit/${commit.sha}`;
  return {
    __typename: 'Commit',
    id: nodeIdFor('C', commit.sha),
    oid: commit.sha,
    abbreviatedOid: commit.sha.slice(0, 7),
    message: commit.messageHeadline,
    messageHeadline: commit.messageHeadline,
    messageBody: '',
    authoredDate: commit.authoredAt,
    committedDate: commit.committedAt,
    url,
    commitUrl: url,
    resourcePath: new URL(url).pathname,
    author: () => gitActor(scope, commit.authorLogin, commit.authoredAt),
    committer: () => gitActor(scope, commit.authorLogin, commit.committedAt),
    parents: (args: ConnectionArgs) =>
      connection(
        commit.parents.map((sha) => commitBySha(scope, repo, sha)),
        args,
      ),
    history: (args: ConnectionArgs & { since?: string | null; until?: string | null }) => history(scope, repo, commit, args),
    status: () => statusView(commit),
    statusCheckRollup: null,
    checkSuites: (args: ConnectionArgs) => connection(checkSuites(scope, repo, commit), args),
    repository: null,
  };
}

/** Newest first from this commit along the default branch; `since`/`until` bound the committed date. */
function history(scope: Scope, repo: FakeRepository, commit: FakeCommit, args: ConnectionArgs & { since?: string | null; until?: string | null }) {
  const start = repo.defaultBranchCommits.findIndex((c) => c.sha === commit.sha);
  let commits = start === -1 ? [commit] : repo.defaultBranchCommits.slice(start);
  if (args.since) {
    const since = Date.parse(args.since);
    commits = commits.filter((c) => Date.parse(c.committedAt) >= since);
  }
  if (args.until) {
    const until = Date.parse(args.until);
    commits = commits.filter((c) => Date.parse(c.committedAt) <= until);
  }
  // Cursors name the commit, so a push between pages does not shift them.
  return connection(
    commits.map((c) => commitView(scope, repo, c)),
    args,
    { key: (view) => view.oid },
  );
}

const STATE_PRIORITY: FakeCommitStatus['state'][] = ['ERROR', 'FAILURE', 'PENDING', 'EXPECTED', 'SUCCESS'];

/** The combined status: the latest status of each context, as GitHub reports it; null without any. */
function statusView(commit: FakeCommit): View | null {
  if (commit.statuses.length === 0) return null;
  const latest = new Map<string, FakeCommitStatus>();
  for (const status of commit.statuses) {
    const current = latest.get(status.context);
    if (!current || Date.parse(status.createdAt) >= Date.parse(current.createdAt)) latest.set(status.context, status);
  }
  const contexts = [...latest.values()].map((s) => ({
    __typename: 'StatusContext',
    id: s.nodeId,
    context: s.context,
    state: s.state,
    description: s.description,
    targetUrl: s.targetUrl,
    createdAt: s.createdAt,
    creator: null,
    avatarUrl: null,
  }));
  const state = STATE_PRIORITY.find((p) => contexts.some((c) => c.state === p)) ?? 'SUCCESS';
  return {
    __typename: 'Status',
    id: nodeIdFor('SC', commit.sha),
    state,
    contexts,
    context: ({ name }: { name: string }) => contexts.find((c) => c.context === name) ?? null,
  };
}

const CONCLUSION_PRIORITY: NonNullable<FakeCheckRun['conclusion']>[] = [
  'ACTION_REQUIRED',
  'TIMED_OUT',
  'CANCELLED',
  'FAILURE',
  'NEUTRAL',
  'SUCCESS',
  'SKIPPED',
];

/** One suite per app: GitHub groups a commit's check runs by the app that created them. */
function checkSuites(scope: Scope, repo: FakeRepository, commit: FakeCommit): View[] {
  const byApp = new Map<string, FakeCheckRun[]>();
  for (const run of commit.checkRuns) byApp.set(run.appSlug, [...(byApp.get(run.appSlug) ?? []), run]);
  return [...byApp].map(([slug, runs]) => {
    const id = hashId(`suite:${fullName(repo)}:${commit.sha}:${slug}`);
    const status = runs.every((r) => r.status === 'COMPLETED') ? 'COMPLETED' : runs.some((r) => r.status === 'IN_PROGRESS') ? 'IN_PROGRESS' : 'QUEUED';
    return {
      __typename: 'CheckSuite',
      id: nodeIdFor('CS', String(id)),
      databaseId: id,
      app: { __typename: 'App', id: nodeIdFor('A', slug), databaseId: hashId(`app:${slug}`), slug, name: slug },
      status,
      conclusion: status === 'COMPLETED' ? (CONCLUSION_PRIORITY.find((p) => runs.some((r) => r.conclusion === p)) ?? null) : null,
      createdAt: runs[0]?.startedAt ?? commit.committedAt,
      checkRuns: (args: ConnectionArgs) =>
        connection(
          runs.map((run) => checkRunView(scope, repo, run)),
          args,
        ),
    };
  });
}

function checkRunView(scope: Scope, repo: FakeRepository, run: FakeCheckRun): View {
  const url = `${scope.urls.web}/${fullName(repo)}/runs/${run.id}`;
  return {
    __typename: 'CheckRun',
    id: nodeIdFor('CR', String(run.id)),
    databaseId: run.id,
    name: run.name,
    status: run.status,
    conclusion: run.conclusion,
    startedAt: run.startedAt,
    completedAt: run.completedAt,
    title: run.title,
    summary: run.summary,
    text: null,
    detailsUrl: null,
    permalink: url,
    url,
  };
}
