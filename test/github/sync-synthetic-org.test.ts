/**
 * The real sync against the fake GitHub serving the synthetic org: what is stored must be exactly
 * what the generator made, a second sync must change nothing and ask only conditional or
 * watermark-limited questions, and a sync killed between pages must resume to the same rows.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '@/fake-github/generate-org';
import type { FakeOrg } from '@/fake-github/model';
import { startFakeGitHub, type FakeGitHub } from '@/fake-github/server';
import { queryRows, type Database } from '@/server/db/client';
import { count, snapshotFacts, syncWithFake } from '../support/sync-harness';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');
const HORIZON = new Date('2026-01-01T00:00:00Z');
const TARGETS = ['org:acme'];

/** What a sync from HORIZON must store: all of the org but history from before the horizon. */
function expectedCounts(org: FakeOrg) {
  const repos = org.repositories.filter((r) => !r.isArchived);
  const synced = (repo: (typeof repos)[number]) => repo.defaultBranchCommits.filter((c) => new Date(c.committedAt) >= HORIZON);
  const prs = repos.flatMap((r) => r.pullRequests);
  const commitKeys = new Set<string>();
  for (const repo of repos) {
    for (const pr of repo.pullRequests) for (const c of pr.commits) commitKeys.add(`${repo.id}:${c.sha}`);
    for (const c of synced(repo)) commitKeys.add(`${repo.id}:${c.sha}`);
  }
  return {
    repositories: repos.length,
    pull_requests: prs.length,
    reviews: prs.reduce((n, p) => n + p.reviews.length, 0),
    pull_request_events: prs.reduce((n, p) => n + p.timeline.length, 0),
    pull_request_labels: prs.reduce((n, p) => n + new Set(p.labels).size, 0),
    pull_request_commits: prs.reduce((n, p) => n + new Set(p.commits.map((c) => c.sha)).size, 0),
    commits: commitKeys.size,
    default_branch_commits: repos.reduce((n, r) => n + synced(r).length, 0),
    commit_statuses: repos.reduce((n, r) => n + synced(r).reduce((m, c) => m + c.statuses.length, 0), 0),
    check_runs: repos.reduce((n, r) => n + synced(r).reduce((m, c) => m + c.checkRuns.length, 0), 0),
    workflow_runs: repos.reduce((n, r) => n + r.workflowRuns.length, 0),
    workflow_run_attempts: repos.reduce((n, r) => n + r.workflowRuns.reduce((m, w) => m + w.runAttempt, 0), 0),
    deployments: repos.reduce((n, r) => n + r.deployments.length, 0),
    deployment_statuses: repos.reduce((n, r) => n + r.deployments.reduce((m, d) => m + d.statuses.length, 0), 0),
    releases: repos.reduce((n, r) => n + r.releases.length, 0),
    incidents: repos.reduce((n, r) => n + r.issues.filter((i) => i.labels.some((l) => /incident/i.test(l))).length, 0),
    comments: repos.reduce((n, r) => n + r.issueComments.length + r.reviewComments.length, 0),
  };
}

describe.each(databaseKinds())('sync of the synthetic org on %s', (kind: DatabaseKind) => {
  const org = generateOrg({ seed: 7, now: NOW, weeks: 4 });
  let github: FakeGitHub & { close(): void };
  let database: Database;
  /** What the first (full) sync asked. */
  let fullSync: FakeGitHub['requests'] = [];

  beforeAll(async () => {
    github = startFakeGitHub(structuredClone(org));
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    github.close();
    await database.close();
  });

  it('stores exactly what the generator made', async () => {
    const { result, logger } = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
    fullSync = github.requests.slice();
    expect(result.targetErrors).toEqual([]);
    expect(result.repositories.flatMap((r) => r.errors)).toEqual([]);
    expect(result.status).toBe('succeeded');
    expect(logger.warnings()).toEqual([]);

    const expected = expectedCounts(org);
    const stored: Record<string, number> = {};
    for (const table of Object.keys(expected)) {
      stored[table] =
        table === 'default_branch_commits'
          ? await count(database.db, 'select count(*) as n from commits where on_default_branch')
          : await count(database.db, `select count(*) as n from ${table}`);
    }
    expect(stored).toEqual(expected);
    // The scenarios the metrics need are really there, not vacuously equal at zero.
    for (const table of [
      'reviews',
      'pull_request_events',
      'workflow_run_attempts',
      'deployment_statuses',
      'releases',
      'incidents',
      'commit_statuses',
      'comments',
    ]) {
      expect(stored[table], table).toBeGreaterThan(0);
    }
  });

  // docs/architecture.md, "What a sync costs": the only per-item requests of a full sync are one
  // per deployment (its statuses) and one per earlier attempt of a re-run run, counted here from
  // the generated org, not from the sync.
  it('asks per item only for deployment statuses and earlier attempts of re-runs, once each', () => {
    const repos = org.repositories.filter((r) => !r.isArchived);
    const perItem = new Map<string, number>();
    for (const request of fullSync.filter((r) => r.kind === 'rest')) {
      const path = new URL(request.url).pathname;
      const kind = /\/deployments\/\d+\/statuses$/.test(path)
        ? 'deployment statuses'
        : /\/actions\/runs\/\d+\/attempts\/\d+$/.test(path)
          ? 'run attempts'
          : // Next-page links name the repository by id (/repositories/612000001/…), as GitHub's do.
            /\/\d+(\/|$)/.test(path.replace(/^.*\/(repos\/[^/]+\/[^/]+|repositories\/\d+)/, ''))
            ? `other: ${path}`
            : null;
      if (kind) perItem.set(kind, (perItem.get(kind) ?? 0) + 1);
    }
    const deployments = repos.reduce((n, r) => n + r.deployments.length, 0);
    // A run on attempt n has n - 1 earlier attempts, each asked once.
    const earlierAttempts = repos.reduce((n, r) => n + r.workflowRuns.reduce((m, w) => m + w.runAttempt - 1, 0), 0);
    expect(deployments).toBeGreaterThan(0);
    expect(earlierAttempts).toBeGreaterThan(0);
    expect(Object.fromEntries(perItem)).toEqual({ 'deployment statuses': deployments, 'run attempts': earlierAttempts });
  });

  it('stores every PR with its generator timestamps, state, author and first commit', async () => {
    const rows = await queryRows<{
      full_name: string;
      number: number;
      state: string;
      created_at: Date;
      updated_at: Date;
      merged_at: Date | null;
      closed_at: Date | null;
      merge_commit_sha: string | null;
      author: string | null;
      first_commit_at: Date | null;
      is_draft: boolean;
    }>(
      database.db,
      sql`select r.full_name, p.number, p.state, p.created_at, p.updated_at, p.merged_at, p.closed_at, p.merge_commit_sha, p.is_draft, u.login as author,
            (select min(c.authored_at) from pull_request_commits pc join commits c on c.repo_id = p.repo_id and c.sha = pc.sha where pc.pull_request_id = p.id) as first_commit_at
          from pull_requests p join repositories r on r.id = p.repo_id left join users u on u.id = p.author_id`,
    );
    const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
    const actual = new Map(rows.map((r) => [`${r.full_name}#${r.number}`, r]));
    let checked = 0;
    for (const repo of org.repositories.filter((r) => !r.isArchived)) {
      for (const pr of repo.pullRequests) {
        const row = actual.get(`${repo.owner}/${repo.name}#${pr.number}`);
        expect(row, `${repo.name}#${pr.number}`).toBeDefined();
        const firstCommit = pr.commits.length ? pr.commits.map((c) => c.authoredAt).sort()[0]! : null;
        expect({
          state: row!.state,
          createdAt: iso(row!.created_at),
          updatedAt: iso(row!.updated_at),
          mergedAt: iso(row!.merged_at),
          closedAt: iso(row!.closed_at),
          mergeCommitSha: row!.merge_commit_sha,
          author: row!.author,
          isDraft: row!.is_draft,
          firstCommitAt: iso(row!.first_commit_at),
        }).toEqual({
          state: pr.state.toLowerCase(),
          createdAt: iso(pr.createdAt),
          updatedAt: iso(pr.updatedAt),
          mergedAt: iso(pr.mergedAt),
          closedAt: iso(pr.closedAt),
          mergeCommitSha: pr.mergeCommitSha,
          author: pr.authorLogin,
          isDraft: pr.isDraft,
          firstCommitAt: iso(firstCommit),
        });
        checked += 1;
      }
    }
    expect(checked).toBe(expectedCounts(org).pull_requests);
  });

  it('stores bots with the REST spelling of their login and the bot flag', async () => {
    const bots = await queryRows<{ login: string; is_bot: boolean }>(database.db, sql`select login, is_bot from users where type = 'Bot' order by login`);
    expect(bots.length).toBeGreaterThan(0);
    for (const bot of bots) {
      expect(bot.login).toMatch(/\[bot\]$/);
      expect(bot.is_bot).toBe(true);
    }
  });

  it('changes nothing on a second sync, asking only conditional or watermark-limited questions', async () => {
    const before = await snapshotFacts(database.db);
    const sent = github.requests.length;
    const { result } = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
    expect(result.status).toBe('succeeded');
    expect(await snapshotFacts(database.db)).toEqual(before);

    const second = github.requests.slice(sent);
    const repos = org.repositories.filter((r) => !r.isArchived);
    // GraphQL: the org's repository list, then per repository one page of PRs (it meets the
    // watermark) and one page of default-branch history (since the watermark less 3 days).
    expect(
      second
        .filter((r) => r.kind === 'graphql')
        .map((r) => r.operationName)
        .sort(),
    ).toEqual(['OrganizationRepositories', ...repos.flatMap(() => ['DefaultBranchHistory', 'PullRequests'])].sort());
    // REST: each list is asked with its ETag (answered 304), or filtered from its watermark, which
    // the first pass moved from the horizon to the newest item it saw.
    const rest = second.filter((r) => r.kind === 'rest');
    const limited = (url: URL) => {
      const since = url.searchParams.get('since') ?? url.searchParams.get('created')?.replace(/^>=/, '');
      return since !== undefined && since !== null && new Date(since) > HORIZON;
    };
    expect(rest.filter((r) => !(r.conditional && r.status === 304) && !limited(new URL(r.url))).map((r) => r.url)).toEqual([]);
    expect(rest.every((r) => r.conditional)).toBe(true);
  });

  it('answers every REST list of a third unchanged sync with 304 Not Modified', async () => {
    const sent = github.requests.length;
    const { result } = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
    expect(result.status).toBe('succeeded');
    const third = github.requests.slice(sent);
    const repos = org.repositories.filter((r) => !r.isArchived);
    const rest = third.filter((r) => r.kind === 'rest');
    expect(rest.filter((r) => !(r.conditional && r.status === 304)).map((r) => r.url)).toEqual([]);
    // Per repository: runs, deployments, releases, labels, both comment lists, and one issues list
    // per incident label.
    const incidentLabels = repos.reduce((n, r) => n + r.labels.filter((l) => /incident/i.test(l)).length, 0);
    expect(rest.length).toBe(repos.length * 6 + incidentLabels);
    expect(third.filter((r) => r.kind === 'graphql')).toHaveLength(1 + 2 * repos.length);
  });

  it('picks up a review submitted after the last sync', async () => {
    const repo = github.org.repositories[0]!;
    const pr = structuredClone(repo.pullRequests.find((p) => p.state === 'OPEN')!);
    const reviewer = github.org.users.find((u) => u.type === 'User' && u.login !== pr.authorLogin)!;
    // GitHub bumps the PR's updatedAt to the review's time, after the last sync's watermark.
    const at = NOW.toISOString();
    const review = { id: 990_001, nodeId: 'PRR_new', authorLogin: reviewer.login, state: 'APPROVED' as const, submittedAt: at, commitSha: null };
    const original = repo.pullRequests.find((p) => p.number === pr.number)!;
    original.reviews.push(review);
    original.updatedAt = at;

    const { result } = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
    expect(result.status).toBe('succeeded');
    const [stored] = await queryRows<{ state: string; submitted_at: Date }>(database.db, sql`select state, submitted_at from reviews where id = 990001`);
    expect(stored?.state).toBe('APPROVED');
    expect(new Date(stored!.submitted_at).toISOString()).toBe(new Date(at).toISOString());
  });
});

describe.each(databaseKinds())('a sync killed between pages on %s', (kind: DatabaseKind) => {
  const org = generateOrg({ seed: 11, now: NOW, weeks: 4 });
  let reference: Record<string, unknown[]>;

  beforeAll(async () => {
    const github = startFakeGitHub(structuredClone(org));
    const database = await createTestDatabase(kind);
    try {
      const { result } = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
      expect(result.status).toBe('succeeded');
      reference = await snapshotFacts(database.db);
    } finally {
      github.close();
      await database.close();
    }
  });

  it.each([
    ['the second page of pull requests', (n: () => number) => (r: { operationName?: string }) => r.operationName === 'PullRequests' && n() === 2],
    ['the second page of workflow runs', (n: () => number) => (r: { url: URL }) => r.url.pathname.endsWith('/actions/runs') && n() === 2],
  ])('resumes after a failure on %s with exactly the rows of an uninterrupted sync', async (_what, matcher) => {
    const github = startFakeGitHub(structuredClone(org));
    const database = await createTestDatabase(kind);
    try {
      let seen = 0;
      github.failNext(matcher(() => ++seen) as never, { times: 1, status: 500 });
      const first = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
      expect(first.result.status).toBe('failed');
      expect(seen).toBeGreaterThanOrEqual(2);
      const partial = await snapshotFacts(database.db);
      expect(partial).not.toEqual(reference);
      // The failed resource kept the cursor of its last committed page: the re-run resumes there.
      expect(await count(database.db, 'select count(*) as n from sync_state where cursor is not null')).toBe(1);

      const second = await syncWithFake(database.db, { targets: TARGETS, horizon: HORIZON, now: NOW });
      expect(second.result.status).toBe('succeeded');
      expect(await snapshotFacts(database.db)).toEqual(reference);
      expect(await count(database.db, 'select count(*) as n from sync_state where cursor is not null')).toBe(0);
    } finally {
      github.close();
      await database.close();
    }
  });
});
