/**
 * Hand-built FakeOrgs for tests: every field has a sensible default, so a test spells out only what it
 * cares about.
 *
 *   const org = buildOrg({
 *     repositories: [{ name: 'api', pullRequests: [{ state: 'MERGED', reviews: [{ authorLogin: 'bob' }] }] }],
 *   });
 *
 * Defaults: org `acme`, repositories owned by it on `main`, PR n created on 2024-01-(n+1) by `alice`
 * with one commit, logins referenced anywhere added to `org.users` (a `…[bot]` login as a Bot), teams
 * referenced by review requests added to `org.teams`. Ids are unique within a test file.
 */
import { createHash } from 'node:crypto';
import type {
  FakeCheckRun,
  FakeCommit,
  FakeCommitStatus,
  FakeDeployment,
  FakeDeploymentStatus,
  FakeIssue,
  FakeIssueComment,
  FakeOrg,
  FakePullRequest,
  FakeRelease,
  FakeRepository,
  FakeReview,
  FakeReviewComment,
  FakeRunAttempt,
  FakeTeam,
  FakeTimelineEvent,
  FakeUser,
  FakeWorkflowRun,
} from '@/fake-github/model';

export const BASE_TIME = Date.parse('2024-01-01T00:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** GitHub's spelling of a time: UTC, whole seconds, `Z`. */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** The time `hours` after 2024-01-01T00:00:00Z. */
export function at(hours: number): string {
  return iso(BASE_TIME + hours * HOUR);
}

function plus(time: string, ms: number): string {
  return iso(Date.parse(time) + ms);
}

let lastId = 0;
function nextId(): number {
  lastId += 1;
  return lastId;
}

/** A deterministic 40-hex sha from a seed. */
export function sha(seed: string | number): string {
  return createHash('sha1').update(`fake:${seed}`).digest('hex');
}

export type CommitSpec = Partial<Omit<FakeCommit, 'statuses' | 'checkRuns'>> & {
  statuses?: Partial<FakeCommitStatus>[];
  checkRuns?: Partial<FakeCheckRun>[];
};

export function buildCommit(spec: CommitSpec = {}, defaults: { at?: string; authorLogin?: string | null } = {}): FakeCommit {
  const id = nextId();
  const committedAt = spec.committedAt ?? spec.authoredAt ?? defaults.at ?? at(id);
  return {
    sha: spec.sha ?? sha(`commit:${id}`),
    messageHeadline: spec.messageHeadline ?? `Change ${id}`,
    authoredAt: spec.authoredAt ?? committedAt,
    committedAt,
    authorLogin: spec.authorLogin === undefined ? (defaults.authorLogin ?? 'alice') : spec.authorLogin,
    parents: spec.parents ?? [],
    statuses: (spec.statuses ?? []).map((s) => ({
      nodeId: `SC_${nextId()}`,
      context: 'ci/build',
      state: 'SUCCESS',
      description: null,
      targetUrl: null,
      createdAt: committedAt,
      ...s,
    })),
    checkRuns: (spec.checkRuns ?? []).map((r) => ({
      id: nextId(),
      name: 'build',
      appSlug: 'github-actions',
      status: 'COMPLETED',
      conclusion: 'SUCCESS',
      startedAt: committedAt,
      completedAt: plus(committedAt, 5 * 60_000),
      title: null,
      summary: null,
      ...r,
    })),
  };
}

/** Commits listed newest first; without explicit parents each one's parent is the next (older) one. */
function chain(specs: CommitSpec[], defaults: { newest: string; authorLogin?: string | null }): FakeCommit[] {
  const commits = specs.map((spec, i) => buildCommit(spec, { at: plus(defaults.newest, -i * HOUR), authorLogin: defaults.authorLogin }));
  commits.forEach((commit, i) => {
    const older = commits[i + 1];
    if (specs[i]?.parents === undefined && older) commit.parents = [older.sha];
  });
  return commits;
}

export type TimelineSpec = { type: FakeTimelineEvent['type'] } & Partial<{
  nodeId: string;
  createdAt: string;
  actorLogin: string | null;
  reviewer: { kind: 'user'; login: string } | { kind: 'team'; slug: string } | null;
}>;

export type PullRequestSpec = Partial<Omit<FakePullRequest, 'commits' | 'reviews' | 'timeline'>> & {
  /** Oldest first, as GitHub lists a PR's commits. */
  commits?: CommitSpec[];
  reviews?: Partial<FakeReview>[];
  timeline?: TimelineSpec[];
};

export function buildPullRequest(spec: PullRequestSpec, repo: Pick<FakeRepository, 'owner' | 'name' | 'defaultBranch'>): FakePullRequest {
  const id = nextId();
  const number = spec.number ?? id;
  const authorLogin = spec.authorLogin === undefined ? 'alice' : spec.authorLogin;
  const createdAt = spec.createdAt ?? iso(BASE_TIME + number * DAY);
  const state = spec.state ?? 'OPEN';
  const closedAt = spec.closedAt !== undefined ? spec.closedAt : state === 'OPEN' ? null : plus(createdAt, DAY);
  const mergedAt = spec.mergedAt !== undefined ? spec.mergedAt : state === 'MERGED' ? closedAt : null;
  const commitSpecs = spec.commits ?? [{}];
  // Built newest first for the parent chain, then returned oldest first.
  const commits = chain([...commitSpecs].reverse(), { newest: plus(createdAt, -HOUR), authorLogin }).reverse();
  const head = commits.at(-1)?.sha ?? null;
  return {
    id,
    nodeId: spec.nodeId ?? `PR_${id}`,
    number,
    title: spec.title ?? `Pull request ${number}`,
    authorLogin,
    state,
    isDraft: spec.isDraft ?? false,
    headRef: spec.headRef ?? `feature-${number}`,
    baseRef: spec.baseRef ?? repo.defaultBranch,
    headRepoFullName: spec.headRepoFullName !== undefined ? spec.headRepoFullName : `${repo.owner}/${repo.name}`,
    createdAt,
    updatedAt: spec.updatedAt ?? closedAt ?? plus(createdAt, HOUR),
    closedAt,
    mergedAt,
    mergedByLogin: spec.mergedByLogin !== undefined ? spec.mergedByLogin : state === 'MERGED' ? authorLogin : null,
    mergeCommitSha: spec.mergeCommitSha !== undefined ? spec.mergeCommitSha : state === 'MERGED' ? sha(`merge:${id}`) : null,
    additions: spec.additions ?? 10,
    deletions: spec.deletions ?? 2,
    changedFiles: spec.changedFiles ?? 1,
    labels: spec.labels ?? [],
    commits,
    reviews: (spec.reviews ?? []).map((r, i) => {
      const reviewId = nextId();
      return {
        id: reviewId,
        nodeId: `PRR_${reviewId}`,
        authorLogin: 'bob',
        state: 'APPROVED',
        submittedAt: plus(createdAt, (i + 2) * HOUR),
        commitSha: head,
        ...r,
      };
    }),
    timeline: (spec.timeline ?? []).map((e, i) => buildTimelineEvent(e, { at: plus(createdAt, (i + 1) * 60_000), actorLogin: authorLogin })),
  };
}

export function buildTimelineEvent(spec: TimelineSpec, defaults: { at?: string; actorLogin?: string | null } = {}): FakeTimelineEvent {
  const id = nextId();
  const common = {
    nodeId: spec.nodeId ?? `${spec.type === 'ReviewRequestedEvent' ? 'RRE' : spec.type === 'ReviewRequestRemovedEvent' ? 'RRRE' : 'EV'}_${id}`,
    createdAt: spec.createdAt ?? defaults.at ?? at(id),
    actorLogin: spec.actorLogin !== undefined ? spec.actorLogin : (defaults.actorLogin ?? 'alice'),
  };
  if (spec.type === 'ReviewRequestedEvent' || spec.type === 'ReviewRequestRemovedEvent') {
    return { type: spec.type, ...common, reviewer: spec.reviewer !== undefined ? spec.reviewer : { kind: 'user', login: 'bob' } };
  }
  return { type: spec.type, ...common };
}

export type WorkflowRunSpec = Partial<Omit<FakeWorkflowRun, 'previousAttempts'>> & { previousAttempts?: Partial<FakeRunAttempt>[] };

export function buildWorkflowRun(spec: WorkflowRunSpec, repo: Pick<FakeRepository, 'defaultBranch' | 'defaultBranchCommits'>): FakeWorkflowRun {
  const id = nextId();
  const createdAt = spec.createdAt ?? at(id);
  const previousAttempts = (spec.previousAttempts ?? []).map((a, i) => ({
    attempt: i + 1,
    status: 'completed' as const,
    conclusion: 'failure' as const,
    runStartedAt: plus(createdAt, i * HOUR),
    updatedAt: plus(createdAt, i * HOUR + 5 * 60_000),
    ...a,
  }));
  const runStartedAt = spec.runStartedAt ?? plus(createdAt, previousAttempts.length * HOUR);
  return {
    id,
    workflowId: 1,
    name: 'CI',
    path: '.github/workflows/ci.yml',
    headBranch: repo.defaultBranch,
    headSha: repo.defaultBranchCommits[0]?.sha ?? sha(`run:${id}`),
    event: 'push',
    status: 'completed',
    conclusion: 'success',
    runAttempt: previousAttempts.length + 1,
    createdAt,
    runStartedAt,
    updatedAt: plus(runStartedAt, 5 * 60_000),
    ...spec,
    previousAttempts,
  };
}

export type DeploymentSpec = Partial<Omit<FakeDeployment, 'statuses'>> & { statuses?: Partial<FakeDeploymentStatus>[] };

export function buildDeployment(spec: DeploymentSpec, repo: Pick<FakeRepository, 'defaultBranch' | 'defaultBranchCommits'>): FakeDeployment {
  const id = nextId();
  const createdAt = spec.createdAt ?? at(id);
  const statuses = (spec.statuses ?? [{}]).map((s, i) => ({ id: nextId(), state: 'success' as const, createdAt: plus(createdAt, (i + 1) * 60_000), ...s }));
  return {
    id,
    nodeId: `DE_${id}`,
    sha: repo.defaultBranchCommits[0]?.sha ?? sha(`deploy:${id}`),
    ref: repo.defaultBranch,
    task: 'deploy',
    environment: 'production',
    creatorLogin: 'alice',
    createdAt,
    updatedAt: statuses.at(-1)?.createdAt ?? createdAt,
    ...spec,
    statuses,
  };
}

export function buildRelease(spec: Partial<FakeRelease>, repo: Pick<FakeRepository, 'defaultBranch'>): FakeRelease {
  const id = nextId();
  const tagName = spec.tagName ?? `v1.0.${id}`;
  const createdAt = spec.createdAt ?? at(id);
  return {
    id,
    tagName,
    name: tagName,
    targetCommitish: repo.defaultBranch,
    draft: false,
    prerelease: false,
    authorLogin: 'alice',
    createdAt,
    publishedAt: createdAt,
    ...spec,
  };
}

export function buildIssue(spec: Partial<FakeIssue>, number: number): FakeIssue {
  const id = nextId();
  const createdAt = spec.createdAt ?? at(id);
  const state = spec.state ?? 'open';
  const closedAt = spec.closedAt !== undefined ? spec.closedAt : state === 'closed' ? plus(createdAt, DAY) : null;
  return { id, number, title: `Issue ${number}`, labels: [], authorLogin: 'alice', createdAt, updatedAt: closedAt ?? createdAt, ...spec, state, closedAt };
}

export function buildIssueComment(spec: Partial<FakeIssueComment>): FakeIssueComment {
  const id = nextId();
  const createdAt = spec.createdAt ?? at(id);
  return { id, issueNumber: 1, authorLogin: 'bob', createdAt, updatedAt: createdAt, ...spec };
}

export function buildReviewComment(spec: Partial<FakeReviewComment>): FakeReviewComment {
  const id = nextId();
  const createdAt = spec.createdAt ?? at(id);
  return { id, pullNumber: 1, reviewId: null, authorLogin: 'bob', createdAt, updatedAt: createdAt, ...spec };
}

export function buildUser(spec: Partial<FakeUser> & { login: string }): FakeUser {
  const id = spec.id ?? nextId();
  const type = spec.type ?? (spec.login.endsWith('[bot]') ? 'Bot' : 'User');
  return { id, nodeId: `${type === 'Bot' ? 'BOT' : 'U'}_${id}`, type, ...spec };
}

export type RepositorySpec = Partial<
  Omit<FakeRepository, 'pullRequests' | 'defaultBranchCommits' | 'workflowRuns' | 'deployments' | 'releases' | 'issues' | 'issueComments' | 'reviewComments'>
> & {
  pullRequests?: PullRequestSpec[];
  /** Newest first; without explicit parents each commit's parent is the next one. */
  defaultBranchCommits?: CommitSpec[];
  workflowRuns?: WorkflowRunSpec[];
  deployments?: DeploymentSpec[];
  releases?: Partial<FakeRelease>[];
  issues?: Partial<FakeIssue>[];
  issueComments?: Partial<FakeIssueComment>[];
  reviewComments?: Partial<FakeReviewComment>[];
};

export function buildRepository(spec: RepositorySpec = {}, owner = 'acme'): FakeRepository {
  const id = nextId();
  const base = {
    id,
    nodeId: spec.nodeId ?? `R_${id}`,
    owner: spec.owner ?? owner,
    name: spec.name ?? `repo-${id}`,
    defaultBranch: spec.defaultBranch ?? 'main',
  };
  const defaultBranchCommits = chain(spec.defaultBranchCommits ?? [{}], { newest: at(24 * 30) });
  const partial = { ...base, defaultBranchCommits };
  let number = 0;
  const pullRequests = (spec.pullRequests ?? []).map((p) => {
    number = p.number ?? number + 1;
    return buildPullRequest({ ...p, number }, partial);
  });
  let issueNumber = Math.max(0, ...pullRequests.map((p) => p.number));
  const issues = (spec.issues ?? []).map((i) => buildIssue(i, (issueNumber = i.number ?? issueNumber + 1)));
  const labels = spec.labels ?? [...new Set([...pullRequests.flatMap((p) => p.labels), ...issues.flatMap((i) => i.labels)])];
  return {
    ...base,
    isPrivate: spec.isPrivate ?? false,
    isArchived: spec.isArchived ?? false,
    createdAt: spec.createdAt ?? at(-24 * 365),
    pullRequests,
    defaultBranchCommits,
    workflowRuns: (spec.workflowRuns ?? []).map((r) => buildWorkflowRun(r, partial)),
    deployments: (spec.deployments ?? []).map((d) => buildDeployment(d, partial)),
    releases: (spec.releases ?? []).map((r) => buildRelease(r, partial)),
    issues,
    labels,
    issueComments: (spec.issueComments ?? []).map(buildIssueComment),
    reviewComments: (spec.reviewComments ?? []).map(buildReviewComment),
  };
}

export interface OrgSpec {
  login?: string;
  users?: (Partial<FakeUser> & { login: string })[];
  teams?: (Partial<FakeTeam> & { slug: string })[];
  repositories?: RepositorySpec[];
}

export function buildOrg(spec: OrgSpec = {}): FakeOrg {
  const login = spec.login ?? 'acme';
  const org: FakeOrg = {
    login,
    users: (spec.users ?? []).map(buildUser),
    teams: (spec.teams ?? []).map((t) => ({ name: t.slug, memberLogins: [], ...t })),
    repositories: (spec.repositories ?? [{ name: 'api' }]).map((r) => buildRepository(r, login)),
  };
  return registerPeople(org);
}

/** Adds every login and team the org's content references to `users` and `teams`. */
export function registerPeople(org: FakeOrg): FakeOrg {
  const logins = new Set<string>();
  const teams = new Set<string>();
  const add = (l: string | null | undefined) => void (l != null && logins.add(l));
  for (const repo of org.repositories) {
    const commits = [...repo.defaultBranchCommits, ...repo.pullRequests.flatMap((p) => p.commits)];
    commits.forEach((c) => add(c.authorLogin));
    for (const pr of repo.pullRequests) {
      [pr.authorLogin, pr.mergedByLogin, ...pr.reviews.map((r) => r.authorLogin)].forEach(add);
      for (const event of pr.timeline) {
        add(event.actorLogin);
        if ('reviewer' in event && event.reviewer) {
          if (event.reviewer.kind === 'user') add(event.reviewer.login);
          else teams.add(event.reviewer.slug);
        }
      }
    }
    repo.deployments.forEach((d) => add(d.creatorLogin));
    repo.releases.forEach((r) => add(r.authorLogin));
    repo.issues.forEach((i) => add(i.authorLogin));
    [...repo.issueComments, ...repo.reviewComments].forEach((c) => add(c.authorLogin));
  }
  for (const l of logins) if (!org.users.some((u) => u.login === l)) org.users.push(buildUser({ login: l }));
  for (const slug of teams) if (!org.teams.some((t) => t.slug === slug)) org.teams.push({ slug, name: slug, memberLogins: [] });
  return org;
}

/** Adds a PR (numbered after the repository's PRs and issues) to a built org, as a test does between syncs. */
export function addPullRequest(org: FakeOrg, repoName: string, spec: PullRequestSpec = {}): FakePullRequest {
  const repo = org.repositories.find((r) => r.name === repoName);
  if (!repo) throw new Error(`no repository ${repoName} in ${org.login}`);
  const number = spec.number ?? Math.max(0, ...repo.pullRequests.map((p) => p.number), ...repo.issues.map((i) => i.number)) + 1;
  const pr = buildPullRequest({ ...spec, number }, repo);
  repo.pullRequests.push(pr);
  registerPeople(org);
  return pr;
}
