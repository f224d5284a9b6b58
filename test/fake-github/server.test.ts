import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { analyseOperation, findOperation, githubGraphqlSchema } from '@/fake-github/graphql-schema';
import type { FakeOrg } from '@/fake-github/model';
import { startFakeGitHub, type FakeGitHub } from '@/fake-github/server';
import {
  DEFAULT_BRANCH_HISTORY_QUERY,
  ORGANIZATION_REPOSITORIES_QUERY,
  PULL_REQUESTS_QUERY,
  PULL_REQUEST_CONNECTIONS_QUERY,
  REPOSITORY_QUERY,
} from '@/server/github/graphql-documents';
import { addPullRequest, at, buildOrg, type PullRequestSpec } from '../support/fake-org-builder';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read loosely here. */
type Json = any;

const BIG_PR = 7;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function world(): FakeOrg {
  const prs: PullRequestSpec[] = Array.from({ length: 30 }, (_, i) => ({ updatedAt: at(1000 + i * 7 - (i % 3) * 20) }));
  prs[0] = {
    ...prs[0],
    state: 'MERGED',
    labels: ['bug', 'backend'],
    reviews: [
      { authorLogin: 'bob', state: 'CHANGES_REQUESTED' },
      { id: 2_310_000_001, authorLogin: 'carol', state: 'APPROVED' },
    ],
    timeline: [
      { type: 'ReviewRequestedEvent', reviewer: { kind: 'team', slug: 'platform' } },
      { type: 'ReviewRequestedEvent', reviewer: { kind: 'user', login: 'bob' } },
      { type: 'ReviewRequestRemovedEvent', reviewer: { kind: 'user', login: 'bob' }, actorLogin: null },
      { type: 'ConvertToDraftEvent' },
      { type: 'ReadyForReviewEvent' },
    ],
  };
  prs[1] = { ...prs[1], authorLogin: 'dependabot[bot]', mergedByLogin: null, headRepoFullName: null, state: 'CLOSED' };
  prs[2] = { ...prs[2], authorLogin: null, isDraft: true };
  prs[BIG_PR - 1] = {
    ...prs[BIG_PR - 1],
    commits: Array.from({ length: 120 }, () => ({})),
    reviews: Array.from({ length: 60 }, (_, i) => ({ authorLogin: i % 2 ? 'bob' : 'renovate[bot]', state: 'COMMENTED' as const })),
  };
  return buildOrg({
    teams: [{ slug: 'platform', name: 'Platform' }],
    repositories: [
      {
        name: 'api',
        pullRequests: prs,
        defaultBranchCommits: Array.from({ length: 60 }, (_, i) => ({
          committedAt: at(2000 - i * 5),
          authorLogin: i === 1 ? 'dependabot[bot]' : i === 2 ? null : 'alice',
          statuses:
            i === 0
              ? [
                  { context: 'codecov/project', state: 'PENDING', createdAt: at(1990) },
                  { context: 'codecov/project', state: 'SUCCESS', createdAt: at(2001), description: '87.5%' },
                ]
              : [],
          checkRuns:
            i === 0
              ? [
                  { name: 'build', appSlug: 'github-actions' },
                  { name: 'test', appSlug: 'github-actions', conclusion: 'FAILURE' },
                  { id: 28_400_000_001, name: 'coverage', appSlug: 'coveralls', title: 'Coverage 91%', summary: 'up 0.2%' },
                ]
              : [],
        })),
        workflowRuns: Array.from({ length: 75 }, (_, i) => ({
          createdAt: at(i * 6),
          headBranch: i % 5 === 0 ? 'release' : 'main',
          ...(i === 74 ? { runAttempt: 3, previousAttempts: [{ conclusion: 'failure' as const }, { conclusion: 'cancelled' as const }] } : {}),
        })),
        deployments: [
          { environment: 'production', createdAt: at(10), statuses: [{ state: 'in_progress' }, { state: 'success' }] },
          { environment: 'staging', createdAt: at(20) },
          { environment: 'production', createdAt: at(30), creatorLogin: null },
        ],
        releases: [
          { tagName: 'v1.0.0', createdAt: at(5) },
          { tagName: 'v1.1.0', createdAt: at(50) },
          { tagName: 'v2.0.0-rc', prerelease: true, createdAt: at(40) },
        ],
        issues: [
          { labels: ['incident', 'sev1'], state: 'closed', createdAt: at(100), updatedAt: at(300) },
          { labels: ['incident'], createdAt: at(110), updatedAt: at(120) },
          { labels: ['bug'], createdAt: at(130), updatedAt: at(400) },
        ],
        issueComments: Array.from({ length: 45 }, (_, i) => ({ issueNumber: 1 + (i % 5), createdAt: at(i), updatedAt: at(i * 2) })),
        reviewComments: [
          { pullNumber: 1, reviewId: 4242, createdAt: at(1), updatedAt: at(500) },
          { pullNumber: 2, createdAt: at(2) },
        ],
      },
      { name: 'web', isPrivate: true },
      { name: 'Billing', isArchived: true, defaultBranchCommits: [] },
    ],
  });
}

describe('fake GitHub at api.github.com', () => {
  let github: FakeGitHub & { close(): void };
  const octokit = new Octokit({ baseUrl: 'https://api.github.com', log: quiet });

  beforeAll(() => {
    github = startFakeGitHub(world());
  });
  afterAll(() => github.close());
  beforeEach(() => {
    github.org = world();
    github.requests.length = 0;
  });

  describe('GraphQL', () => {
    it('answers the Repository query, with rateLimit, operationName and rate-limit headers', async () => {
      const response = await octokit.request('POST /graphql', { query: REPOSITORY_QUERY, variables: { owner: 'ACME', name: 'api' } });
      const { repository, rateLimit } = (response.data as Json).data;
      const repo = github.org.repositories[0]!;
      expect(repository).toEqual({
        databaseId: repo.id,
        id: repo.nodeId,
        name: 'api',
        owner: { login: 'acme' },
        nameWithOwner: 'acme/api',
        defaultBranchRef: { name: 'main' },
        isArchived: false,
        isPrivate: false,
        createdAt: repo.createdAt,
      });
      expect(rateLimit).toMatchObject({ cost: 1, remaining: 4999 });
      expect(Date.parse(rateLimit.resetAt)).toBeGreaterThan(Date.now());
      expect(response.headers['x-ratelimit-resource']).toBe('graphql');
      expect(response.headers['x-ratelimit-remaining']).toBe('4999');
      expect(github.requests).toEqual([
        { method: 'POST', url: 'https://api.github.com/graphql', kind: 'graphql', operationName: 'Repository', status: 200, conditional: false },
      ]);
    });

    it('pages organization repositories by name; an empty repository has no default branch ref', async () => {
      const result: Json = await octokit.graphql(ORGANIZATION_REPOSITORIES_QUERY, { login: 'acme' });
      const { nodes, pageInfo } = result.organization.repositories;
      expect(nodes.map((r: Json) => r.name)).toEqual(['api', 'Billing', 'web']);
      expect(nodes[1]).toMatchObject({ isArchived: true, defaultBranchRef: null });
      expect(nodes[2]).toMatchObject({ isPrivate: true });
      expect(pageInfo.hasNextPage).toBe(false);

      github.org = buildOrg({ repositories: Array.from({ length: 130 }, (_, i) => ({ name: `r${String(i).padStart(3, '0')}` })) });
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Json = await octokit.graphql(ORGANIZATION_REPOSITORIES_QUERY, { login: 'acme', cursor });
        names.push(...page.organization.repositories.nodes.map((r: Json) => r.name));
        cursor = page.organization.repositories.pageInfo.hasNextPage ? page.organization.repositories.pageInfo.endCursor : null;
      } while (cursor);
      expect(names).toHaveLength(130);
      expect(names).toEqual([...names].sort());
    });

    it('pages pull requests newest-updated first and serves every field the sync reads', async () => {
      const seen: Json[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Json = await octokit.graphql(PULL_REQUESTS_QUERY, { owner: 'acme', name: 'api', cursor });
        seen.push(...page.repository.pullRequests.nodes);
        const info = page.repository.pullRequests.pageInfo;
        cursor = info.hasNextPage ? info.endCursor : null;
        pages += 1;
        // 1 + 25 PRs × (labels + commits + reviews + timeline) = 101 requests → 1 point.
        expect(page.rateLimit.cost).toBe(1);
      } while (cursor);
      expect(pages).toBe(2);
      const model = github.org.repositories[0]!.pullRequests;
      expect(seen.map((p) => p.number)).toEqual([...model].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)).map((p) => p.number));

      const first = seen.find((p) => p.number === 1);
      const pr1 = model[0]!;
      expect(first).toMatchObject({
        fullDatabaseId: String(pr1.id),
        id: pr1.nodeId,
        title: pr1.title,
        state: 'MERGED',
        isDraft: false,
        author: { __typename: 'User', login: 'alice' },
        mergedBy: { __typename: 'User', login: 'alice' },
        headRefName: 'feature-1',
        baseRefName: 'main',
        headRepository: { nameWithOwner: 'acme/api' },
        mergedAt: pr1.mergedAt,
        mergeCommit: { oid: pr1.mergeCommitSha },
        labels: { nodes: [{ name: 'bug' }, { name: 'backend' }] },
        additions: 10,
      });
      expect(first.commits.nodes[0].commit).toEqual({
        oid: pr1.commits[0]!.sha,
        messageHeadline: pr1.commits[0]!.messageHeadline,
        authoredDate: pr1.commits[0]!.authoredAt,
        committedDate: pr1.commits[0]!.committedAt,
        author: { user: { databaseId: github.org.users.find((u) => u.login === 'alice')!.id, login: 'alice' } },
      });
      // Ids past 2^31 come back as BigInt strings from fullDatabaseId.
      expect(first.reviews.nodes[1].fullDatabaseId).toBe('2310000001');
      expect(first.reviews.nodes.map((r: Json) => [r.author.login, r.state, r.commit.oid])).toEqual([
        ['bob', 'CHANGES_REQUESTED', pr1.commits[0]!.sha],
        ['carol', 'APPROVED', pr1.commits[0]!.sha],
      ]);
      const timeline = first.timelineItems.nodes;
      expect(timeline.map((e: Json) => e.__typename)).toEqual([
        'ReviewRequestedEvent',
        'ReviewRequestedEvent',
        'ReviewRequestRemovedEvent',
        'ConvertToDraftEvent',
        'ReadyForReviewEvent',
      ]);
      expect(timeline[0].requestedReviewer).toEqual({ __typename: 'Team', slug: 'platform' });
      expect(timeline[1].requestedReviewer).toMatchObject({ __typename: 'User', login: 'bob' });
      expect(timeline[2].actor).toBeNull();
      expect(timeline[3]).toEqual({
        __typename: 'ConvertToDraftEvent',
        id: pr1.timeline[3]!.nodeId,
        createdAt: pr1.timeline[3]!.createdAt,
        actor: expect.objectContaining({ login: 'alice' }),
      });

      const bot = seen.find((p) => p.number === 2);
      expect(bot.author).toEqual({ __typename: 'Bot', login: 'dependabot', databaseId: github.org.users.find((u) => u.login === 'dependabot[bot]')!.id });
      expect(bot).toMatchObject({ state: 'CLOSED', mergedBy: null, headRepository: null, mergedAt: null, mergeCommit: null });
      expect(seen.find((p) => p.number === 3)).toMatchObject({ author: null, isDraft: true, state: 'OPEN' });
    });

    it('finishes overflowing nested connections through node(id) follow-ups', async () => {
      const page: Json = await octokit.graphql(PULL_REQUESTS_QUERY, { owner: 'acme', name: 'api' });
      const big = page.repository.pullRequests.nodes.find((p: Json) => p.number === BIG_PR);
      expect(big.commits.nodes).toHaveLength(100);
      expect(big.commits.pageInfo.hasNextPage).toBe(true);
      expect(big.reviews.nodes).toHaveLength(50);

      const commits = [...big.commits.nodes];
      const reviews = [...big.reviews.nodes];
      let commitsInfo = big.commits.pageInfo;
      let reviewsInfo = big.reviews.pageInfo;
      while (commitsInfo.hasNextPage || reviewsInfo.hasNextPage) {
        const more: Json = await octokit.graphql(PULL_REQUEST_CONNECTIONS_QUERY, {
          id: big.id,
          commitsCursor: commitsInfo.endCursor,
          reviewsCursor: reviewsInfo.endCursor,
          withCommits: commitsInfo.hasNextPage,
          withReviews: reviewsInfo.hasNextPage,
          withTimeline: false,
        });
        expect(more.node.timelineItems).toBeUndefined();
        if (commitsInfo.hasNextPage) {
          commits.push(...more.node.commits.nodes);
          commitsInfo = more.node.commits.pageInfo;
        } else expect(more.node.commits).toBeUndefined();
        if (reviewsInfo.hasNextPage) {
          reviews.push(...more.node.reviews.nodes);
          reviewsInfo = more.node.reviews.pageInfo;
        }
      }
      const model = github.org.repositories[0]!.pullRequests.find((p) => p.number === BIG_PR)!;
      expect(commits.map((c) => c.commit.oid)).toEqual(model.commits.map((c) => c.sha));
      expect(reviews.map((r) => Number(r.fullDatabaseId))).toEqual(model.reviews.map((r) => r.id));
      expect(reviews[0].author).toMatchObject({ __typename: 'Bot', login: 'renovate' });
      expect(github.requests.map((r) => r.operationName)).toEqual(['PullRequests', 'PullRequestConnections']);
    });

    it('sees a PR added between syncs', async () => {
      const pr = addPullRequest(github.org, 'api', { title: 'Late', updatedAt: at(5000) });
      const page: Json = await octokit.graphql(PULL_REQUESTS_QUERY, { owner: 'acme', name: 'api' });
      expect(page.repository.pullRequests.nodes[0]).toMatchObject({ number: pr.number, title: 'Late' });
    });

    it('serves default-branch history since a time, newest first, with statuses and check suites per app', async () => {
      const repo = github.org.repositories[0]!;
      const since = at(2000 - 55 * 5);
      const all: Json[] = [];
      let cursor: string | null = null;
      do {
        const page: Json = await octokit.graphql(DEFAULT_BRANCH_HISTORY_QUERY, { owner: 'acme', name: 'api', since, cursor });
        const history = page.repository.defaultBranchRef.target.history;
        expect(page.repository.defaultBranchRef.name).toBe('main');
        expect(page.rateLimit.cost).toBe(6);
        all.push(...history.nodes);
        cursor = history.pageInfo.hasNextPage ? history.pageInfo.endCursor : null;
      } while (cursor);
      expect(all.map((c) => c.oid)).toEqual(repo.defaultBranchCommits.slice(0, 56).map((c) => c.sha));
      const head = all[0];
      expect(head.parents.nodes).toEqual([{ oid: repo.defaultBranchCommits[1]!.sha }]);
      expect(head.status.contexts).toEqual([
        {
          id: repo.defaultBranchCommits[0]!.statuses[1]!.nodeId,
          context: 'codecov/project',
          state: 'SUCCESS',
          description: '87.5%',
          targetUrl: null,
          createdAt: at(2001),
        },
      ]);
      expect(head.checkSuites.nodes.map((s: Json) => [s.app.slug, s.checkRuns.nodes.map((r: Json) => r.name)])).toEqual([
        ['github-actions', ['build', 'test']],
        ['coveralls', ['coverage']],
      ]);
      expect(head.checkSuites.nodes[1].checkRuns.nodes[0]).toMatchObject({
        databaseId: 28_400_000_001,
        status: 'COMPLETED',
        conclusion: 'SUCCESS',
        title: 'Coverage 91%',
        summary: 'up 0.2%',
      });
      expect(all[1].author.user).toBeNull(); // a Bot is not a User
      expect(all[2].author.user).toBeNull(); // no GitHub account
      expect(all[3].status).toBeNull();
      expect(all[3].checkSuites.nodes).toEqual([]);
    });

    it('answers invalid documents and unknown repositories with GitHub-like errors', async () => {
      const invalid = await octokit.request('POST /graphql', { query: '{ repository(owner: "acme", name: "api") { nope } }' });
      expect(invalid.status).toBe(200);
      expect((invalid.data as Json).data).toBeUndefined();
      expect((invalid.data as Json).errors[0].message).toMatch(/Cannot query field "nope" on type "Repository"/);

      await expect(octokit.graphql('query { repository(owner: "acme", name: "api") { name }')).rejects.toMatchObject({
        errors: [expect.objectContaining({ message: expect.stringMatching(/Syntax Error/) })],
      });
      await expect(octokit.graphql(REPOSITORY_QUERY, { owner: 'acme' })).rejects.toMatchObject({
        errors: [expect.objectContaining({ message: expect.stringMatching(/\$name/) })],
      });

      const missing = await octokit.request('POST /graphql', { query: REPOSITORY_QUERY, variables: { owner: 'acme', name: 'nope' } });
      expect((missing.data as Json).data.repository).toBeNull();
      expect((missing.data as Json).errors).toEqual([
        { type: 'NOT_FOUND', path: ['repository'], locations: [expect.any(Object)], message: "Could not resolve to a Repository with the name 'acme/nope'." },
      ]);

      const greedy = await octokit.request('POST /graphql', {
        query: '{ repository(owner: "acme", name: "api") { pullRequests(first: 101) { totalCount } issues { totalCount } } }',
      });
      expect((greedy.data as Json).errors.map((e: Json) => e.type)).toEqual(['EXCESSIVE_PAGINATION', 'MISSING_PAGINATION_BOUNDARIES']);
    });

    it('rateLimitNextGraphql answers RATE_LIMITED like GitHub, then recovers', async () => {
      github.rateLimitNextGraphql();
      const limited = await octokit.request('POST /graphql', { query: REPOSITORY_QUERY, variables: { owner: 'acme', name: 'api' } });
      expect(limited.status).toBe(200);
      expect(limited.data).toEqual({ data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] });
      expect(limited.headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(limited.headers['x-ratelimit-reset'])).toBeGreaterThan(Date.now() / 1000);
      await expect(octokit.graphql(REPOSITORY_QUERY, { owner: 'acme', name: 'api' })).resolves.toMatchObject({ repository: { name: 'api' } });
      expect(github.requests.map((r) => [r.operationName, r.status])).toEqual([
        ['Repository', 200],
        ['Repository', 200],
      ]);
    });
  });

  describe('REST', () => {
    it('follows Link headers through every workflow run, newest first', async () => {
      const first = await octokit.request('GET /repos/{owner}/{repo}/actions/runs', { owner: 'acme', repo: 'api' });
      expect(first.data.total_count).toBe(75);
      expect(first.data.workflow_runs).toHaveLength(30);
      const repo = github.org.repositories[0]!;
      expect(first.headers.link).toBe(
        `<https://api.github.com/repositories/${repo.id}/actions/runs?page=2>; rel="next", <https://api.github.com/repositories/${repo.id}/actions/runs?page=3>; rel="last"`,
      );
      const runs = await octokit.paginate('GET /repos/{owner}/{repo}/actions/runs', { owner: 'acme', repo: 'api', per_page: 20 });
      expect(runs.map((r) => r.id)).toEqual([...repo.workflowRuns].reverse().map((r) => r.id));
      expect(github.requests.slice(1).map((r) => new URL(r.url).search)).toEqual([
        '?per_page=20',
        '?per_page=20&page=2',
        '?per_page=20&page=3',
        '?per_page=20&page=4',
      ]);
      expect(runs[0]).toMatchObject({
        run_attempt: 3,
        run_number: 75,
        previous_attempt_url: expect.stringMatching(/\/attempts\/2$/),
        repository: { full_name: 'acme/api' },
      });
    });

    it('filters runs by created (date or time) and branch', async () => {
      const repo = github.org.repositories[0]!;
      const day = await octokit.paginate('GET /repos/{owner}/{repo}/actions/runs', { owner: 'acme', repo: 'api', created: '>=2024-01-15', per_page: 100 });
      expect(day.map((r) => r.id)).toEqual(
        repo.workflowRuns
          .filter((r) => r.createdAt >= '2024-01-15')
          .reverse()
          .map((r) => r.id),
      );
      const time = await octokit.paginate('GET /repos/{owner}/{repo}/actions/runs', { owner: 'acme', repo: 'api', created: `>=${at(400)}`, branch: 'release' });
      expect(time.map((r) => r.created_at)).toEqual(
        repo.workflowRuns
          .filter((r) => r.createdAt >= at(400) && r.headBranch === 'release')
          .reverse()
          .map((r) => r.createdAt),
      );
      expect(time.length).toBeGreaterThan(0);
    });

    it('serves run attempts and 404s for unknown runs, attempts and repositories', async () => {
      const run = github.org.repositories[0]!.workflowRuns[74]!;
      const second = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}', {
        owner: 'acme',
        repo: 'api',
        run_id: run.id,
        attempt_number: 2,
      });
      expect(second.data).toMatchObject({ id: run.id, run_attempt: 2, conclusion: 'cancelled' });
      const latest = await octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}', {
        owner: 'acme',
        repo: 'api',
        run_id: run.id,
        attempt_number: 3,
      });
      expect(latest.data).toMatchObject({ run_attempt: 3, conclusion: 'success' });
      await expect(
        octokit.request('GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}', {
          owner: 'acme',
          repo: 'api',
          run_id: run.id,
          attempt_number: 4,
        }),
      ).rejects.toMatchObject({ status: 404 });
      await expect(octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'nope' })).rejects.toMatchObject({
        status: 404,
        response: { data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } },
      });
    });

    it('lists deployments (by environment) and their statuses newest first, releases and labels', async () => {
      const deployments = await octokit.paginate('GET /repos/{owner}/{repo}/deployments', { owner: 'acme', repo: 'api', environment: 'production' });
      expect(deployments.map((d) => d.created_at)).toEqual([at(30), at(10)]);
      expect(deployments[0]!.creator).toMatchObject({ login: 'ghost' });
      const statuses = await octokit.paginate('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner: 'acme',
        repo: 'api',
        deployment_id: deployments[1]!.id,
      });
      expect(statuses.map((s) => s.state)).toEqual(['success', 'in_progress']);
      const releases = await octokit.paginate('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'api' });
      expect(releases.map((r) => r.tag_name)).toEqual(['v1.1.0', 'v2.0.0-rc', 'v1.0.0']);
      const labels = await octokit.paginate('GET /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'api' });
      expect(labels.map((l) => l.name).sort()).toEqual(['backend', 'bug', 'incident', 'sev1']);
    });

    it('filters issues by labels, state and since', async () => {
      const incidents = await octokit.paginate('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'api', labels: 'incident', state: 'all' });
      expect(incidents.map((i) => i.labels.map((l) => (typeof l === 'string' ? l : l.name)))).toEqual([['incident'], ['incident', 'sev1']]);
      const both = await octokit.paginate('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'api', labels: 'incident,sev1', state: 'all' });
      expect(both).toHaveLength(1);
      const open = await octokit.paginate('GET /repos/{owner}/{repo}/issues', { owner: 'acme', repo: 'api' });
      expect(open.map((i) => i.state)).toEqual(['open', 'open']);
      const recent = await octokit.paginate('GET /repos/{owner}/{repo}/issues', {
        owner: 'acme',
        repo: 'api',
        state: 'all',
        since: at(300),
        sort: 'updated',
        direction: 'asc',
      });
      expect(recent.map((i) => i.updated_at)).toEqual([at(300), at(400)]);
    });

    it('pages issue and review comments since a time', async () => {
      const comments = await octokit.paginate('GET /repos/{owner}/{repo}/issues/comments', { owner: 'acme', repo: 'api', since: at(40), per_page: 7 });
      const expected = github.org.repositories[0]!.issueComments.filter((c) => c.updatedAt >= at(40));
      expect(comments.map((c) => c.id)).toEqual(expected.map((c) => c.id));
      expect(comments[0]!.issue_url).toBe(`https://api.github.com/repos/acme/api/issues/${expected[0]!.issueNumber}`);
      const review = await octokit.paginate('GET /repos/{owner}/{repo}/pulls/comments', {
        owner: 'acme',
        repo: 'api',
        since: at(100),
        sort: 'updated',
        direction: 'desc',
      });
      expect(review).toHaveLength(1);
      expect(review[0]).toMatchObject({ pull_request_review_id: 4242, pull_request_url: 'https://api.github.com/repos/acme/api/pulls/1' });
    });

    it('answers a repeated request with If-None-Match by 304, free of charge', async () => {
      const first = await octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'api' });
      const etag = first.headers.etag!;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      const remaining = Number(first.headers['x-ratelimit-remaining']);
      await expect(
        octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'api', headers: { 'if-none-match': etag } }),
      ).rejects.toMatchObject({
        status: 304,
        response: { headers: expect.objectContaining({ etag, 'x-ratelimit-remaining': String(remaining) }) },
      });
      expect(github.requests.map((r) => [r.status, r.conditional])).toEqual([
        [200, false],
        [304, true],
      ]);

      github.org.repositories[0]!.releases.push({ ...github.org.repositories[0]!.releases[0]!, id: 999_999, tagName: 'v3.0.0', createdAt: at(60) });
      const changed = await octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'api', headers: { 'if-none-match': etag } });
      expect(changed.status).toBe(200);
      expect(changed.headers['x-ratelimit-remaining']).toBe(String(remaining - 1));
      expect(changed.data[0]!.tag_name).toBe('v3.0.0');
    });

    it('reports the rate limit without charging it', async () => {
      const limits = await octokit.request('GET /rate_limit');
      const again = await octokit.request('GET /rate_limit');
      expect(again.data.resources.core.remaining).toBe(limits.data.resources.core.remaining);
      expect(again.data.resources.graphql).toMatchObject({ limit: 5000 });
    });
  });

  describe('failNext', () => {
    it('fails the next matching requests, then answers again', async () => {
      github.failNext((r) => r.url.pathname.endsWith('/deployments'), { times: 2, status: 502 });
      github.failNext((r) => r.operationName === 'PullRequests');
      await expect(octokit.request('GET /repos/{owner}/{repo}/deployments', { owner: 'acme', repo: 'api' })).rejects.toMatchObject({ status: 502 });
      await expect(octokit.request('GET /repos/{owner}/{repo}/releases', { owner: 'acme', repo: 'api' })).resolves.toMatchObject({ status: 200 });
      await expect(octokit.request('GET /repos/{owner}/{repo}/deployments', { owner: 'acme', repo: 'api' })).rejects.toMatchObject({ status: 502 });
      await expect(octokit.request('GET /repos/{owner}/{repo}/deployments', { owner: 'acme', repo: 'api' })).resolves.toMatchObject({ status: 200 });

      await expect(octokit.graphql(REPOSITORY_QUERY, { owner: 'acme', name: 'api' })).resolves.toBeTruthy();
      await expect(octokit.graphql(PULL_REQUESTS_QUERY, { owner: 'acme', name: 'api' })).rejects.toMatchObject({ status: 500 });
      await expect(octokit.graphql(PULL_REQUESTS_QUERY, { owner: 'acme', name: 'api' })).resolves.toBeTruthy();
      expect(github.requests.map((r) => r.status)).toEqual([502, 200, 502, 200, 200, 500, 200]);
    });
  });
});

describe('GraphQL cost', () => {
  it("matches the worked example of GitHub's rate-limit documentation (5,101 requests → 51 points)", () => {
    const document = parse(`query {
      viewer { login repositories(first: 100) { edges { node { id
        issues(first: 50) { totalCount edges { node { title labels(first: 60) { edges { node { name } } } } } }
      } } } }
    }`);
    const analysis = analyseOperation(githubGraphqlSchema(), document, findOperation(document)!, {});
    expect(analysis).toEqual({ cost: 51, nodeCount: 100 + 5_000 + 300_000, errors: [] });
  });
});

describe('fake GitHub with a small rate-limit budget', () => {
  let github: FakeGitHub & { close(): void };
  const octokit = new Octokit({ baseUrl: 'https://api.github.com', log: quiet });
  beforeAll(() => {
    github = startFakeGitHub(world(), { rateLimits: { graphql: 8, core: 2 } });
  });
  afterAll(() => github.close());

  it('answers RATE_LIMITED once a query costs more than what remains, and 403 when REST is spent', async () => {
    // 1 + 50 commits' check suites + 500 check-run connections = 551 requests → 6 points.
    const first: Json = await octokit.graphql(DEFAULT_BRANCH_HISTORY_QUERY, { owner: 'acme', name: 'api' });
    expect(first.rateLimit).toMatchObject({ cost: 6, remaining: 2 });
    const spent = await octokit.request('POST /graphql', { query: DEFAULT_BRANCH_HISTORY_QUERY, variables: { owner: 'acme', name: 'api' } });
    expect(spent.data).toEqual({ data: null, errors: [{ type: 'RATE_LIMITED', message: 'API rate limit exceeded for user ID 1.' }] });
    expect(spent.headers['x-ratelimit-remaining']).toBe('0');
    // A cheaper query still fits.
    await expect(octokit.graphql(REPOSITORY_QUERY, { owner: 'acme', name: 'api' })).resolves.toMatchObject({ rateLimit: { remaining: 1 } });

    await octokit.request('GET /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'api' });
    const last = await octokit.request('GET /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'api' });
    expect(last.headers['x-ratelimit-remaining']).toBe('0');
    await expect(octokit.request('GET /repos/{owner}/{repo}/labels', { owner: 'acme', repo: 'api' })).rejects.toMatchObject({
      status: 403,
      response: { headers: expect.objectContaining({ 'x-ratelimit-remaining': '0' }) },
    });
  });
});

describe('fake GitHub Enterprise Server', () => {
  let github: FakeGitHub & { close(): void };
  const octokit = new Octokit({ baseUrl: 'https://ghe.example.com/api/v3', log: quiet });
  beforeAll(() => {
    github = startFakeGitHub(world(), { apiUrl: 'https://ghe.example.com/api/v3' });
  });
  afterAll(() => github.close());

  it('serves REST under /api/v3 and GraphQL at /api/graphql', async () => {
    const result: Json = await octokit.graphql(REPOSITORY_QUERY, { owner: 'acme', name: 'api' });
    expect(result.repository.nameWithOwner).toBe('acme/api');
    const first = await octokit.request('GET /repos/{owner}/{repo}/issues/comments', { owner: 'acme', repo: 'api' });
    const repo = github.org.repositories[0]!;
    expect(first.headers.link).toContain(`<https://ghe.example.com/api/v3/repositories/${repo.id}/issues/comments?page=2>; rel="next"`);
    expect(first.data[0]!.issue_url).toMatch(/^https:\/\/ghe\.example\.com\/api\/v3\/repos\/acme\/api\/issues\/\d+$/);
    const all = await octokit.paginate('GET /repos/{owner}/{repo}/issues/comments', { owner: 'acme', repo: 'api' });
    expect(all).toHaveLength(45);
    expect(github.requests[0]!.url).toBe('https://ghe.example.com/api/graphql');
    expect(new Set(github.requests.slice(1).map((r) => new URL(r.url).host))).toEqual(new Set(['ghe.example.com']));
  });
});
