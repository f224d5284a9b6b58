/**
 * The deterministic synthetic GitHub org behind tests, the demo and the benchmarks: `acme`, with
 * eight engineers, a deleted account, bots, teams, and repositories whose pull requests, CI runs,
 * deployments, releases, coverage and incidents exercise every metric in docs/metrics.md.
 *
 * The output is a pure function of (seed, now, sizes): no clock, no Math.random (generator/random.ts).
 * Where each scenario comes from:
 *   generator/people.ts       users, bots, teams, the deleted account
 *   generator/repos.ts        per-repository delivery source, merge style, coverage source
 *   generator/plan.ts         the random weekly flow of PRs, incl. dependabot/renovate PRs
 *   generator/scenarios.ts    pinned edge cases: revert, hotfixes, incidents, deleted fork, drafts,
 *                             re-requests, withdrawn requests, pending/dismissed reviews, self-merge…
 *   generator/pr-story.ts     one PR's life; materialize-pr.ts cuts it at `now`
 *   generator/history.ts      default-branch commits (merge or squash), direct pushes, red-stretch fix
 *   generator/ci.ts           CI runs (flaky, cancelled, timed out, red stretch); deploy-workflow.ts
 *   generator/deployments.ts  production/staging Deployments; releases.ts; issues.ts; coverage.ts
 */
import type { FakeOrg } from './model';
import { WEEK } from './generator/clock';
import { Ids } from './generator/ids';
import { createPeople } from './generator/people';
import { rngFor } from './generator/random';
import { repoProfiles } from './generator/repos';
import { generateRepository } from './generator/repository';

export interface GenerateOrgOptions {
  seed?: number;
  now: Date;
  weeks?: number;
  repositories?: number;
  pullRequestsPerRepoWeek?: number;
}

export function generateOrg(options: GenerateOrgOptions): FakeOrg {
  const seed = options.seed ?? 42;
  const now = options.now.getTime();
  const weeks = options.weeks ?? 12;
  const repositories = options.repositories ?? 4;
  const pullRequestsPerRepoWeek = options.pullRequestsPerRepoWeek ?? 10;
  if (!Number.isFinite(now)) throw new Error('generateOrg: `now` is not a valid date');
  if (!Number.isInteger(weeks) || weeks < 1) throw new Error('generateOrg: `weeks` must be a positive integer');
  if (!Number.isInteger(repositories) || repositories < 1) throw new Error('generateOrg: `repositories` must be a positive integer');
  if (!(pullRequestsPerRepoWeek >= 0)) throw new Error('generateOrg: `pullRequestsPerRepoWeek` must be >= 0');

  const start = now - weeks * WEEK;
  const ids = new Ids(rngFor(seed, 'ids'));
  const people = createPeople(rngFor(seed, 'people'), ids, start, now);
  const world = { seed, now, start, weeks, pullRequestsPerRepoWeek, owner: 'acme', ids, people };
  return {
    login: 'acme',
    users: people.users,
    teams: people.teams,
    repositories: repoProfiles(repositories).map((profile) => generateRepository(world, profile)),
  };
}

export interface OrgDescription {
  repositories: number;
  users: number;
  bots: number;
  teams: number;
  pullRequests: { total: number; open: number; draft: number; merged: number; closed: number; byBots: number };
  reviews: { total: number; pending: number };
  reviewComments: number;
  issueComments: number;
  defaultBranchCommits: number;
  workflowRuns: { total: number; failed: number; flaky: number; inProgress: number };
  deployments: { total: number; production: number; staging: number };
  releases: number;
  issues: { total: number; open: number; incidents: number };
}

/** Counts for a log line and for tests: "4 repos, 480 PRs (31 open), 3,512 runs, …". */
export function describeOrg(org: FakeOrg): OrgDescription {
  const repos = org.repositories;
  const prs = repos.flatMap((r) => r.pullRequests);
  const reviews = prs.flatMap((p) => p.reviews);
  const runs = repos.flatMap((r) => r.workflowRuns);
  const deployments = repos.flatMap((r) => r.deployments);
  const issues = repos.flatMap((r) => r.issues);
  const bots = new Set(org.users.filter((u) => u.type === 'Bot').map((u) => u.login));
  const count = <T>(items: T[], test: (item: T) => boolean) => items.filter(test).length;
  return {
    repositories: repos.length,
    users: org.users.length,
    bots: bots.size,
    teams: org.teams.length,
    pullRequests: {
      total: prs.length,
      open: count(prs, (p) => p.state === 'OPEN'),
      draft: count(prs, (p) => p.isDraft),
      merged: count(prs, (p) => p.state === 'MERGED'),
      closed: count(prs, (p) => p.state === 'CLOSED'),
      byBots: count(prs, (p) => p.authorLogin !== null && bots.has(p.authorLogin)),
    },
    reviews: { total: reviews.length, pending: count(reviews, (r) => r.state === 'PENDING') },
    reviewComments: repos.reduce((n, r) => n + r.reviewComments.length, 0),
    issueComments: repos.reduce((n, r) => n + r.issueComments.length, 0),
    defaultBranchCommits: repos.reduce((n, r) => n + r.defaultBranchCommits.length, 0),
    workflowRuns: {
      total: runs.length,
      failed: count(runs, (r) => r.conclusion === 'failure' || r.conclusion === 'timed_out' || r.conclusion === 'startup_failure'),
      flaky: count(runs, (r) => r.conclusion === 'success' && r.previousAttempts.some((a) => a.conclusion === 'failure')),
      inProgress: count(runs, (r) => r.status !== 'completed'),
    },
    deployments: {
      total: deployments.length,
      production: count(deployments, (d) => d.environment === 'production'),
      staging: count(deployments, (d) => d.environment === 'staging'),
    },
    releases: repos.reduce((n, r) => n + r.releases.length, 0),
    issues: { total: issues.length, open: count(issues, (i) => i.state === 'open'), incidents: count(issues, (i) => i.labels.includes('incident')) },
  };
}
