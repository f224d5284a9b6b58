/**
 * REST payloads built from the model (see also rest-common-payloads.ts), typed with GitHub's OpenAPI description so the required fields
 * are all present. URLs point at the fake's own base (github.com or a GHES host).
 */
import type { components } from '@octokit/openapi-types';
import { fullName, githubTime as time, hashId, remaining, type FakeUrls, type RateBucket } from './context';
import { authorAssociation, minimalRepository, repoApiUrl, simpleUser, type PayloadScope } from './rest-common-payloads';
import { labelColor, nodeIdFor } from './graphql-views';
import type {
  FakeCommit,
  FakeDeployment,
  FakeDeploymentStatus,
  FakeIssue,
  FakeIssueComment,
  FakeRelease,
  FakeRepository,
  FakeReviewComment,
  FakeRunAttempt,
  FakeWorkflowRun,
} from './model';

type Schemas = components['schemas'];

function findCommit(repo: FakeRepository, sha: string): FakeCommit | undefined {
  return repo.defaultBranchCommits.find((c) => c.sha === sha) ?? repo.pullRequests.flatMap((p) => p.commits).find((c) => c.sha === sha);
}

/** The run as its latest attempt, or as an earlier `attempt` when given. */
export function workflowRun(
  scope: PayloadScope,
  repo: FakeRepository,
  run: FakeWorkflowRun,
  runNumber: number,
  attempt?: FakeRunAttempt,
): Schemas['workflow-run'] {
  const url = `${repoApiUrl(scope, repo)}/actions/runs/${run.id}`;
  const attemptNumber = attempt?.attempt ?? run.runAttempt;
  const checkSuiteId = hashId(`check-suite:${run.id}:${attemptNumber}`);
  const commit = findCommit(repo, run.headSha);
  const author = commit ? { name: commit.authorLogin ?? 'Unknown', email: `${commit.authorLogin ?? 'unknown'}@users.noreply.github.com` } : null;
  const repository = minimalRepository(scope, repo);
  const pullRequests = repo.pullRequests
    .filter((p) => p.state === 'OPEN' && p.headRef === run.headBranch && p.commits.at(-1)?.sha === run.headSha)
    .map((p) => {
      const repoRef = { id: repo.id, url: repository.url, name: repo.name };
      return {
        id: p.id,
        number: p.number,
        url: `${repoApiUrl(scope, repo)}/pulls/${p.number}`,
        head: { ref: p.headRef, sha: run.headSha, repo: repoRef },
        base: { ref: p.baseRef, sha: repo.defaultBranchCommits[0]?.sha ?? '', repo: repoRef },
      };
    });
  return {
    id: run.id,
    name: run.name,
    node_id: nodeIdFor('WFR', String(run.id)),
    check_suite_id: checkSuiteId,
    check_suite_node_id: nodeIdFor('CS', String(checkSuiteId)),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    run_number: runNumber,
    run_attempt: attemptNumber,
    event: run.event,
    status: attempt?.status ?? run.status,
    conclusion: attempt ? attempt.conclusion : run.conclusion,
    workflow_id: run.workflowId,
    url,
    html_url: `${scope.urls.web}/${fullName(repo)}/actions/runs/${run.id}${attempt ? `/attempts/${attempt.attempt}` : ''}`,
    pull_requests: pullRequests,
    created_at: time(run.createdAt),
    updated_at: time(attempt?.updatedAt ?? run.updatedAt),
    run_started_at: time(attempt?.runStartedAt ?? run.runStartedAt),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${repoApiUrl(scope, repo)}/check-suites/${checkSuiteId}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    previous_attempt_url: attemptNumber > 1 ? `${url}/attempts/${attemptNumber - 1}` : null,
    workflow_url: `${repoApiUrl(scope, repo)}/actions/workflows/${run.workflowId}`,
    head_commit: {
      id: run.headSha,
      tree_id: hashId(`tree:${run.headSha}`).toString(16).padStart(40, '0'),
      message: commit?.messageHeadline ?? '',
      timestamp: time(commit?.committedAt ?? run.createdAt),
      author,
      committer: author,
    },
    repository,
    head_repository: repository,
    head_repository_id: repo.id,
    display_title: commit?.messageHeadline ?? run.name,
  };
}

export function deployment(scope: PayloadScope, repo: FakeRepository, d: FakeDeployment): Schemas['deployment'] {
  const url = `${repoApiUrl(scope, repo)}/deployments/${d.id}`;
  return {
    url,
    id: d.id,
    node_id: d.nodeId,
    sha: d.sha,
    ref: d.ref,
    task: d.task,
    payload: {},
    original_environment: d.environment,
    environment: d.environment,
    description: null,
    creator: simpleUser(scope, d.creatorLogin),
    created_at: time(d.createdAt),
    updated_at: time(d.updatedAt),
    statuses_url: `${url}/statuses`,
    repository_url: repoApiUrl(scope, repo),
    transient_environment: false,
    production_environment: /^prod/i.test(d.environment),
  };
}

export function deploymentStatus(scope: PayloadScope, repo: FakeRepository, d: FakeDeployment, s: FakeDeploymentStatus): Schemas['deployment-status'] {
  const deploymentUrl = `${repoApiUrl(scope, repo)}/deployments/${d.id}`;
  return {
    url: `${deploymentUrl}/statuses/${s.id}`,
    id: s.id,
    node_id: nodeIdFor('DES', String(s.id)),
    state: s.state,
    creator: simpleUser(scope, d.creatorLogin),
    description: '',
    environment: d.environment,
    target_url: '',
    log_url: '',
    environment_url: '',
    created_at: time(s.createdAt),
    updated_at: time(s.createdAt),
    deployment_url: deploymentUrl,
    repository_url: repoApiUrl(scope, repo),
  };
}

export function release(scope: PayloadScope, repo: FakeRepository, r: FakeRelease): Schemas['release'] {
  const url = `${repoApiUrl(scope, repo)}/releases/${r.id}`;
  const tag = encodeURIComponent(r.tagName);
  return {
    url,
    html_url: `${scope.urls.web}/${fullName(repo)}/releases/tag/${tag}`,
    assets_url: `${url}/assets`,
    upload_url: `${uploadsBase(scope.urls)}/repos/${fullName(repo)}/releases/${r.id}/assets{?name,label}`,
    tarball_url: r.draft ? null : `${repoApiUrl(scope, repo)}/tarball/${tag}`,
    zipball_url: r.draft ? null : `${repoApiUrl(scope, repo)}/zipball/${tag}`,
    id: r.id,
    node_id: nodeIdFor('RE', String(r.id)),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: null,
    draft: r.draft,
    prerelease: r.prerelease,
    created_at: time(r.createdAt),
    published_at: time(r.publishedAt),
    author: simpleUser(scope, r.authorLogin),
    assets: [],
  };
}

function uploadsBase(urls: FakeUrls): string {
  return /\/api\/v3$/.test(urls.api) ? urls.api.replace(/\/api\/v3$/, '/api/uploads') : urls.api.replace('//api.', '//uploads.');
}

export function label(scope: PayloadScope, repo: FakeRepository, name: string): Schemas['label'] {
  const id = hashId(`label:${fullName(repo)}:${name}`);
  return {
    id,
    node_id: nodeIdFor('LA', String(id)),
    url: `${repoApiUrl(scope, repo)}/labels/${encodeURIComponent(name)}`,
    name,
    description: null,
    color: labelColor(name),
    default: false,
  };
}

export function issue(scope: PayloadScope, repo: FakeRepository, i: FakeIssue, comments: number): Schemas['issue'] {
  const url = `${repoApiUrl(scope, repo)}/issues/${i.number}`;
  return {
    id: i.id,
    node_id: nodeIdFor('I', String(i.id)),
    url,
    repository_url: repoApiUrl(scope, repo),
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${scope.urls.web}/${fullName(repo)}/issues/${i.number}`,
    number: i.number,
    state: i.state,
    state_reason: i.state === 'closed' ? 'completed' : null,
    title: i.title,
    body: null,
    user: simpleUser(scope, i.authorLogin),
    labels: i.labels.map((name) => label(scope, repo, name)),
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments,
    closed_at: time(i.closedAt),
    created_at: time(i.createdAt),
    updated_at: time(i.updatedAt),
    author_association: authorAssociation(scope, i.authorLogin),
  };
}

export function issueComment(scope: PayloadScope, repo: FakeRepository, c: FakeIssueComment): Schemas['issue-comment'] {
  return {
    id: c.id,
    node_id: nodeIdFor('IC', String(c.id)),
    url: `${repoApiUrl(scope, repo)}/issues/comments/${c.id}`,
    html_url: `${scope.urls.web}/${fullName(repo)}/issues/${c.issueNumber}#issuecomment-${c.id}`,
    body: '',
    user: simpleUser(scope, c.authorLogin),
    created_at: time(c.createdAt),
    updated_at: time(c.updatedAt),
    issue_url: `${repoApiUrl(scope, repo)}/issues/${c.issueNumber}`,
    author_association: authorAssociation(scope, c.authorLogin),
  };
}

export function reviewComment(scope: PayloadScope, repo: FakeRepository, c: FakeReviewComment): Schemas['pull-request-review-comment'] {
  const pr = repo.pullRequests.find((p) => p.number === c.pullNumber);
  const sha = pr?.commits.at(-1)?.sha ?? '';
  const url = `${repoApiUrl(scope, repo)}/pulls/comments/${c.id}`;
  const htmlUrl = `${scope.urls.web}/${fullName(repo)}/pull/${c.pullNumber}#discussion_r${c.id}`;
  const pullRequestUrl = `${repoApiUrl(scope, repo)}/pulls/${c.pullNumber}`;
  return {
    url,
    pull_request_review_id: c.reviewId,
    id: c.id,
    node_id: nodeIdFor('PRRC', String(c.id)),
    diff_hunk: '@@ -1,1 +1,1 @@',
    path: 'README.md',
    position: 1,
    original_position: 1,
    commit_id: sha,
    original_commit_id: sha,
    user: simpleUser(scope, c.authorLogin),
    body: '',
    created_at: time(c.createdAt),
    updated_at: time(c.updatedAt),
    html_url: htmlUrl,
    pull_request_url: pullRequestUrl,
    author_association: authorAssociation(scope, c.authorLogin),
    _links: { self: { href: url }, html: { href: htmlUrl }, pull_request: { href: pullRequestUrl } },
    line: 1,
    original_line: 1,
    side: 'RIGHT',
    subject_type: 'line',
  };
}

function rate(bucket: RateBucket): Schemas['rate-limit'] {
  return { limit: bucket.limit, remaining: remaining(bucket), reset: bucket.reset, used: bucket.used };
}

export function rateLimitOverview(core: RateBucket, graphql: RateBucket): Schemas['rate-limit-overview'] {
  const reset = core.reset;
  return {
    resources: {
      core: rate(core),
      graphql: rate(graphql),
      search: { limit: 30, remaining: 30, reset: reset - 3600 + 60, used: 0 },
      integration_manifest: { limit: 5000, remaining: 5000, reset, used: 0 },
    },
    rate: rate(core),
  };
}
