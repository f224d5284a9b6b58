/**
 * The REST payloads every other one embeds: users (GitHub's `ghost` for deleted accounts) and the
 * minimal repository, typed with GitHub's OpenAPI description.
 */
import type { components } from '@octokit/openapi-types';
import { GHOST, findUser, fullName, githubTime as time, type FakeUrls } from './context';
import type { FakeOrg, FakeRepository } from './model';

type Schemas = components['schemas'];

export interface PayloadScope {
  org: FakeOrg;
  urls: FakeUrls;
}

/** A deleted account (null login) is GitHub's `ghost` user in REST payloads. */
export function simpleUser(scope: PayloadScope, login: string | null): Schemas['simple-user'] {
  const user = login == null ? GHOST : findUser(scope.org, login);
  const url = `${scope.urls.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: user.nodeId,
    avatar_url: `${scope.urls.web}/avatars/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: user.type === 'Bot' ? `${scope.urls.web}/apps/${user.login.replace(/\[bot\]$/, '')}` : `${scope.urls.web}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function authorAssociation(scope: PayloadScope, login: string | null): Schemas['author-association'] {
  if (login == null) return 'NONE';
  return scope.org.users.some((u) => u.login === login && u.type === 'User') ? 'MEMBER' : 'NONE';
}

export function repoApiUrl(scope: PayloadScope, repo: FakeRepository): string {
  return `${scope.urls.api}/repos/${fullName(repo)}`;
}

export function minimalRepository(scope: PayloadScope, repo: FakeRepository): Schemas['minimal-repository'] {
  const url = repoApiUrl(scope, repo);
  const host = new URL(scope.urls.web).host;
  const owner = simpleUser(scope, repo.owner);
  return {
    id: repo.id,
    node_id: repo.nodeId,
    name: repo.name,
    full_name: fullName(repo),
    owner: { ...owner, type: repo.owner === scope.org.login ? 'Organization' : owner.type },
    private: repo.isPrivate,
    html_url: `${scope.urls.web}/${fullName(repo)}`,
    description: null,
    fork: false,
    url,
    archive_url: `${url}/{archive_format}{/ref}`,
    assignees_url: `${url}/assignees{/user}`,
    blobs_url: `${url}/git/blobs{/sha}`,
    branches_url: `${url}/branches{/branch}`,
    collaborators_url: `${url}/collaborators{/collaborator}`,
    comments_url: `${url}/comments{/number}`,
    commits_url: `${url}/commits{/sha}`,
    compare_url: `${url}/compare/{base}...{head}`,
    contents_url: `${url}/contents/{+path}`,
    contributors_url: `${url}/contributors`,
    deployments_url: `${url}/deployments`,
    downloads_url: `${url}/downloads`,
    events_url: `${url}/events`,
    forks_url: `${url}/forks`,
    git_commits_url: `${url}/git/commits{/sha}`,
    git_refs_url: `${url}/git/refs{/sha}`,
    git_tags_url: `${url}/git/tags{/sha}`,
    git_url: `git://${host}/${fullName(repo)}.git`,
    issue_comment_url: `${url}/issues/comments{/number}`,
    issue_events_url: `${url}/issues/events{/number}`,
    issues_url: `${url}/issues{/number}`,
    keys_url: `${url}/keys{/key_id}`,
    labels_url: `${url}/labels{/name}`,
    languages_url: `${url}/languages`,
    merges_url: `${url}/merges`,
    milestones_url: `${url}/milestones{/number}`,
    notifications_url: `${url}/notifications{?since,all,participating}`,
    pulls_url: `${url}/pulls{/number}`,
    releases_url: `${url}/releases{/id}`,
    stargazers_url: `${url}/stargazers`,
    statuses_url: `${url}/statuses/{sha}`,
    subscribers_url: `${url}/subscribers`,
    subscription_url: `${url}/subscription`,
    tags_url: `${url}/tags`,
    teams_url: `${url}/teams`,
    trees_url: `${url}/git/trees{/sha}`,
    hooks_url: `${url}/hooks`,
    clone_url: `${scope.urls.web}/${fullName(repo)}.git`,
    default_branch: repo.defaultBranch,
    archived: repo.isArchived,
    disabled: false,
    visibility: repo.isPrivate ? 'private' : 'public',
    created_at: time(repo.createdAt),
  };
}
