import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeOrg, generateOrg } from '@/fake-github/generate-org';
import type { FakeCommit, FakeOrg, FakePullRequest, FakeRepository, FakeWorkflowRun } from '@/fake-github/model';

const NOW = new Date('2026-11-23T12:00:00Z');
const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

const t = (iso: string) => Date.parse(iso);
const bots = new Set(['dependabot[bot]', 'renovate[bot]', 'codecov[bot]', 'github-actions[bot]']);
const isHuman = (login: string | null) => login === null || !bots.has(login);
const allPrs = (org: FakeOrg) => org.repositories.flatMap((r) => r.pullRequests.map((pr) => ({ repo: r, pr })));
const ciRuns = (repo: FakeRepository) => repo.workflowRuns.filter((r) => r.name === 'CI');
const repoNamed = (org: FakeOrg, name: string) => org.repositories.find((r) => r.name === name) as FakeRepository;

/** Every string that looks like a timestamp, with where it was found. */
function timestamps(value: unknown, path = '$', out: { path: string; value: string }[] = []) {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => timestamps(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) timestamps(v, `${path}.${k}`, out);
  return out;
}

function expectUnique(values: (string | number)[], what: string) {
  const seen = new Set<string | number>();
  const dupes = values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
  expect(dupes, `duplicate ${what}`).toEqual([]);
}

/** First human non-author review that was submitted. */
const humanReviews = (pr: FakePullRequest) =>
  pr.reviews.filter((r) => r.state !== 'PENDING' && r.submittedAt !== null && r.authorLogin !== pr.authorLogin && isHuman(r.authorLogin));

const isFlaky = (run: FakeWorkflowRun) => run.conclusion === 'success' && run.runAttempt > 1 && run.previousAttempts.some((a) => a.conclusion === 'failure');

const org = generateOrg({ now: NOW });

describe('generateOrg: determinism', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a pure function of its options and never reads the clock or Math.random', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    const again = generateOrg({ now: new Date(NOW) });
    expect(again).toEqual(org);
    expect(JSON.stringify(again)).toBe(JSON.stringify(org));
  });

  it('differs for another seed, and keeps a repository the same when more are added', () => {
    const other = generateOrg({ now: NOW, seed: 7 });
    expect(other).not.toEqual(org);
    expect(other.repositories[0]?.pullRequests.map((p) => p.title)).not.toEqual(org.repositories[0]?.pullRequests.map((p) => p.title));
    const six = generateOrg({ now: NOW, repositories: 6 });
    expect(six.repositories.map((r) => r.name)).toEqual(['api', 'web', 'mobile', 'infra', 'billing', 'docs']);
    expect(six.repositories[1]?.pullRequests.map((p) => [p.number, p.title, p.createdAt])).toEqual(
      org.repositories[1]?.pullRequests.map((p) => [p.number, p.title, p.createdAt]),
    );
  });

  it('follows the size options', () => {
    const small = generateOrg({ now: NOW, weeks: 2, repositories: 2, pullRequestsPerRepoWeek: 5 });
    expect(small.repositories).toHaveLength(2);
    const counts = describeOrg(small);
    expect(counts.pullRequests.total).toBeGreaterThan(8);
    expect(counts.pullRequests.total).toBeLessThan(50);
    const start = NOW.getTime() - 2 * WEEK;
    for (const { pr } of allPrs(small)) expect(t(pr.createdAt)).toBeGreaterThanOrEqual(start);
  });
});

describe('generateOrg: invariants', () => {
  it.each([42, 1, 2026])('hold for seed %i', (seed) => {
    const o = seed === 42 ? org : generateOrg({ now: NOW, seed });
    const now = NOW.getTime();
    const start = now - 12 * WEEK;

    // Timestamps: GitHub's format, never after now; PRs and issues opened inside the window.
    const stamps = timestamps(o);
    expect(stamps.filter((s) => !ISO.test(s.value))).toEqual([]);
    expect(stamps.filter((s) => t(s.value) > now)).toEqual([]);
    for (const { pr } of allPrs(o)) expect(t(pr.createdAt)).toBeGreaterThanOrEqual(start);

    // Ids unique per kind across the org; node ids unique overall.
    const repos = o.repositories;
    const prs = allPrs(o).map((x) => x.pr);
    expectUnique(
      o.users.map((u) => u.id),
      'user ids',
    );
    expectUnique(
      o.users.map((u) => u.login),
      'logins',
    );
    expectUnique(
      repos.map((r) => r.id),
      'repository ids',
    );
    expectUnique(
      prs.map((p) => p.id),
      'pull request ids',
    );
    expectUnique(
      prs.flatMap((p) => p.reviews.map((r) => r.id)),
      'review ids',
    );
    expectUnique(
      repos.flatMap((r) => r.issues.map((i) => i.id)),
      'issue ids',
    );
    expectUnique(
      repos.flatMap((r) => r.issueComments.map((c) => c.id)),
      'issue comment ids',
    );
    expectUnique(
      repos.flatMap((r) => r.reviewComments.map((c) => c.id)),
      'review comment ids',
    );
    expectUnique(
      repos.flatMap((r) => r.workflowRuns.map((w) => w.id)),
      'workflow run ids',
    );
    expectUnique(
      repos.flatMap((r) => [...new Set(r.workflowRuns.map((w) => w.workflowId))]),
      'workflow ids',
    );
    expectUnique(
      repos.flatMap((r) => r.deployments.map((d) => d.id)),
      'deployment ids',
    );
    expectUnique(
      repos.flatMap((r) => r.deployments.flatMap((d) => d.statuses.map((s) => s.id))),
      'deployment status ids',
    );
    expectUnique(
      repos.flatMap((r) => r.releases.map((d) => d.id)),
      'release ids',
    );
    const allCommits = repos.flatMap((r) => [...r.defaultBranchCommits, ...r.pullRequests.flatMap((p) => p.commits)]);
    expectUnique(
      allCommits.flatMap((c) => c.checkRuns.map((k) => k.id)),
      'check run ids',
    );
    expectUnique(
      [
        ...o.users.map((u) => u.nodeId),
        ...repos.map((r) => r.nodeId),
        ...prs.flatMap((p) => [p.nodeId, ...p.reviews.map((r) => r.nodeId), ...p.timeline.map((e) => e.nodeId)]),
        ...repos.flatMap((r) => r.deployments.map((d) => d.nodeId)),
        ...allCommits.flatMap((c) => c.statuses.map((s) => s.nodeId)),
      ],
      'node ids',
    );
    expectUnique(
      allCommits.map((c) => c.sha),
      'commit shas',
    );
    for (const c of allCommits) expect(c.sha).toMatch(/^[0-9a-f]{40}$/);

    for (const repo of repos) {
      const history = repo.defaultBranchCommits;
      const bySha = new Map(history.map((c) => [c.sha, c]));
      const known = new Set([...history, ...repo.pullRequests.flatMap((p) => p.commits)].map((c) => c.sha));

      // History: newest first, one root, every parent resolvable.
      for (let i = 1; i < history.length; i++) {
        expect(t((history[i - 1] as FakeCommit).committedAt)).toBeGreaterThanOrEqual(t((history[i] as FakeCommit).committedAt));
        expect((history[i - 1] as FakeCommit).parents[0]).toBe((history[i] as FakeCommit).sha);
      }
      expect(history.filter((c) => c.parents.length === 0)).toHaveLength(1);
      for (const c of [...history, ...repo.pullRequests.flatMap((p) => p.commits)]) for (const p of c.parents) expect(known.has(p)).toBe(true);

      const numbers = [...repo.pullRequests.map((p) => p.number), ...repo.issues.map((i) => i.number)];
      expectUnique(numbers, `${repo.name} PR and issue numbers`);

      for (const pr of repo.pullRequests) {
        // Merged PRs: their merge commit is on the default branch at mergedAt.
        if (pr.state === 'MERGED') {
          const merge = bySha.get(pr.mergeCommitSha as string);
          expect(merge, `${repo.name}#${pr.number} merge commit`).toBeDefined();
          expect(merge?.committedAt).toBe(pr.mergedAt);
          expect(pr.closedAt).toBe(pr.mergedAt);
          expect(pr.isDraft).toBe(false);
          if (merge?.parents.length === 2) expect(merge.parents[1]).toBe(pr.commits.at(-1)?.sha);
        } else {
          expect(pr.mergeCommitSha).toBeNull();
          expect(pr.mergedAt).toBeNull();
        }
        expect(pr.state === 'OPEN').toBe(pr.closedAt === null);
        // Everything happens between opening and closing (commits may predate the opening).
        const opened = t(pr.createdAt);
        const closed = pr.closedAt === null ? now : t(pr.closedAt);
        expect(closed, `${repo.name}#${pr.number}`).toBeGreaterThan(opened);
        const during = [...pr.reviews.flatMap((r) => (r.submittedAt ? [r.submittedAt] : [])), ...pr.timeline.map((e) => e.createdAt)];
        for (const at of during) expect(t(at), `${repo.name}#${pr.number}`).toBeGreaterThanOrEqual(opened);
        for (const at of during) expect(t(at), `${repo.name}#${pr.number}`).toBeLessThanOrEqual(closed);
        for (const c of pr.commits) expect(t(c.committedAt), `${repo.name}#${pr.number}`).toBeLessThanOrEqual(closed);
        // updatedAt covers all activity.
        const activity = [
          pr.createdAt,
          pr.closedAt,
          ...pr.commits.flatMap((c) => [c.authoredAt, c.committedAt]),
          ...pr.reviews.map((r) => r.submittedAt),
          ...pr.timeline.map((e) => e.createdAt),
          ...repo.issueComments.filter((c) => c.issueNumber === pr.number).flatMap((c) => [c.createdAt, c.updatedAt]),
          ...repo.reviewComments.filter((c) => c.pullNumber === pr.number).flatMap((c) => [c.createdAt, c.updatedAt]),
        ].filter((x): x is string => x !== null);
        for (const a of activity) expect(t(pr.updatedAt), `${repo.name}#${pr.number}`).toBeGreaterThanOrEqual(t(a));
        // Timeline oldest first; commits authored no later than committed.
        for (let i = 1; i < pr.timeline.length; i++)
          expect(t((pr.timeline[i] as { createdAt: string }).createdAt)).toBeGreaterThanOrEqual(t((pr.timeline[i - 1] as { createdAt: string }).createdAt));
        for (const c of pr.commits) expect(t(c.committedAt)).toBeGreaterThanOrEqual(t(c.authoredAt));
        expect(pr.commits.length).toBeGreaterThan(0);
      }

      // Comments point at existing PRs/issues and reviews.
      const reviewIds = new Map(repo.pullRequests.flatMap((p) => p.reviews.map((r) => [r.id, p.number] as const)));
      for (const c of repo.reviewComments) expect(reviewIds.get(c.reviewId as number)).toBe(c.pullNumber);
      for (const c of repo.issueComments) expect(numbers).toContain(c.issueNumber);

      // Deployments ship default-branch commits; statuses oldest first, starting queued.
      for (const d of repo.deployments) {
        expect(bySha.has(d.sha), `${repo.name} deployment ${d.id}`).toBe(true);
        expect(d.statuses[0]?.state).toBe('queued');
        for (let i = 1; i < d.statuses.length; i++)
          expect(t((d.statuses[i] as { createdAt: string }).createdAt)).toBeGreaterThanOrEqual(t((d.statuses[i - 1] as { createdAt: string }).createdAt));
        expect(d.updatedAt).toBe(d.statuses.at(-1)?.createdAt);
      }
      for (const r of repo.releases.filter((x) => !x.draft)) expect(bySha.has(r.targetCommitish)).toBe(true);

      const prOpened = new Map(repo.pullRequests.flatMap((p) => p.commits.map((c) => [c.sha, t(p.createdAt)] as const)));
      for (const run of repo.workflowRuns.filter((r) => r.event === 'pull_request'))
        expect(t(run.createdAt)).toBeGreaterThanOrEqual(prOpened.get(run.headSha) as number);
      // Runs: attempts numbered, started after created, finished after started.
      for (const run of repo.workflowRuns) {
        expect(run.previousAttempts.map((a) => a.attempt)).toEqual(Array.from({ length: run.runAttempt - 1 }, (_, i) => i + 1));
        expect(t(run.runStartedAt)).toBeGreaterThanOrEqual(t(run.createdAt));
        expect(t(run.updatedAt)).toBeGreaterThanOrEqual(t(run.runStartedAt));
        expect(run.status === 'completed').toBe(run.conclusion !== null);
      }

      // Labels used are listed on the repository.
      const used = [...repo.pullRequests.flatMap((p) => p.labels), ...repo.issues.flatMap((i) => i.labels)];
      for (const label of used) expect(repo.labels).toContain(label);
    }
  });
});

describe('generateOrg: the people', () => {
  it('has eight engineers, bots, teams, and a deleted account', () => {
    expect(org.users.filter((u) => u.type === 'User')).toHaveLength(8);
    expect(
      org.users
        .filter((u) => u.type === 'Bot')
        .map((u) => u.login)
        .sort(),
    ).toEqual([...bots].sort());
    const logins = new Set(org.users.map((u) => u.login));
    expect(org.teams.length).toBeGreaterThanOrEqual(2);
    for (const team of org.teams) {
      expect(team.memberLogins.length).toBeGreaterThan(1);
      for (const m of team.memberLogins) expect(logins.has(m)).toBe(true);
    }
    const prs = allPrs(org).map((x) => x.pr);
    expect(prs.some((p) => p.authorLogin === null && p.state === 'MERGED')).toBe(true);
    expect(prs.some((p) => p.reviews.some((r) => r.authorLogin === null))).toBe(true);
    // Every non-null login anywhere belongs to a known user.
    for (const p of prs)
      for (const l of [p.authorLogin, p.mergedByLogin, ...p.reviews.map((r) => r.authorLogin)]) if (l !== null) expect(logins.has(l)).toBe(true);
  });
});

describe('generateOrg: pull request scenarios', () => {
  const prs = allPrs(org).map((x) => x.pr);
  const requested = (p: FakePullRequest) => p.timeline.filter((e) => e.type === 'ReviewRequestedEvent');

  it('covers states, drafts and review waits', () => {
    const merged = prs.filter((p) => p.state === 'MERGED').length;
    expect(merged / prs.length).toBeGreaterThan(0.8);
    expect(prs.some((p) => p.state === 'CLOSED')).toBe(true);
    expect(prs.some((p) => p.state === 'OPEN' && p.isDraft)).toBe(true);
    expect(prs.some((p) => p.state === 'OPEN' && !p.isDraft && requested(p).length > 0 && humanReviews(p).length === 0)).toBe(true);
    const readied = prs.filter((p) => p.timeline.some((e) => e.type === 'ReadyForReviewEvent'));
    expect(readied.length).toBeGreaterThan(3);
    expect(readied.some((p) => !p.isDraft && p.state === 'MERGED')).toBe(true);
    expect(prs.some((p) => p.timeline.some((e) => e.type === 'ConvertToDraftEvent'))).toBe(true);
    // Coding starts before the PR is opened.
    expect(prs.filter((p) => t(p.commits[0]?.authoredAt as string) < t(p.createdAt)).length).toBe(prs.length);
  });

  it('has every kind of review request and review', () => {
    expect(prs.some((p) => requested(p).some((e) => 'reviewer' in e && e.reviewer?.kind === 'team'))).toBe(true);
    expect(prs.some((p) => p.timeline.some((e) => e.type === 'ReviewRequestRemovedEvent'))).toBe(true);
    // Re-requested: the same reviewer requested, changes requested, requested again, then approved.
    const rerequested = prs.find((p) => {
      const logins = requested(p).flatMap((e) => ('reviewer' in e && e.reviewer?.kind === 'user' ? [e.reviewer.login] : []));
      return logins.some(
        (l, i) =>
          logins.indexOf(l) !== i &&
          p.reviews.some((r) => r.authorLogin === l && r.state === 'CHANGES_REQUESTED') &&
          p.reviews.some((r) => r.authorLogin === l && r.state === 'APPROVED'),
      );
    });
    expect(rerequested).toBeDefined();
    const states = new Set(prs.flatMap((p) => p.reviews.map((r) => r.state)));
    expect([...states].sort()).toEqual(['APPROVED', 'CHANGES_REQUESTED', 'COMMENTED', 'DISMISSED', 'PENDING']);
    for (const p of prs) for (const r of p.reviews) expect(r.submittedAt === null).toBe(r.state === 'PENDING');
    // A review before ready_for_review.
    expect(
      prs.some((p) => {
        const ready = p.timeline.find((e) => e.type === 'ReadyForReviewEvent');
        return ready && p.reviews.some((r) => r.submittedAt !== null && t(r.submittedAt) < t(ready.createdAt));
      }),
    ).toBe(true);
    // The author's own reply review and bot reviews exist, and must not count as first reviews.
    expect(prs.some((p) => p.reviews.some((r) => r.authorLogin === p.authorLogin && r.state === 'COMMENTED'))).toBe(true);
    expect(prs.some((p) => p.reviews.some((r) => r.authorLogin === 'github-actions[bot]'))).toBe(true);
    // Diff comments hang off reviews.
    expect(org.repositories.every((r) => r.reviewComments.length > 0)).toBe(true);
  });

  it('has bot PRs and bot comments', () => {
    expect(prs.filter((p) => p.authorLogin === 'dependabot[bot]').length).toBeGreaterThan(5);
    expect(prs.some((p) => p.authorLogin === 'renovate[bot]' && p.mergedByLogin === 'renovate[bot]')).toBe(true);
    expect(repoNamed(org, 'api').issueComments.filter((c) => c.authorLogin === 'codecov[bot]').length).toBeGreaterThan(20);
    expect(repoNamed(org, 'api').issueComments.some((c) => c.authorLogin === 'codecov[bot]' && c.updatedAt > c.createdAt)).toBe(true);
  });

  it('has reverts, hotfixes, a deleted fork, self-merges and unreviewed merges', () => {
    for (const repo of org.repositories) {
      const revert = repo.pullRequests.find((p) => p.title.startsWith('Revert "'));
      if (!revert) continue;
      const original = repo.pullRequests.find((p) => `Revert "${p.title}"` === revert.title) as FakePullRequest;
      expect(original.state).toBe('MERGED');
      expect(revert.headRef).toBe(`revert-${original.number}-${original.headRef}`);
      expect(t(revert.createdAt)).toBeGreaterThan(t(original.mergedAt as string));
    }
    expect(org.repositories.filter((r) => r.pullRequests.some((p) => p.title.startsWith('Revert "') && p.state === 'MERGED')).length).toBeGreaterThanOrEqual(1);
    expect(prs.some((p) => p.labels.includes('hotfix') && p.headRef.startsWith('hotfix/') && p.state === 'MERGED')).toBe(true);
    expect(prs.some((p) => !p.labels.includes('hotfix') && p.headRef.startsWith('hotfix/'))).toBe(true);
    expect(prs.some((p) => p.headRepoFullName === null && p.state === 'MERGED')).toBe(true);
    expect(
      prs.some((p) => p.state === 'MERGED' && p.authorLogin !== null && p.mergedByLogin === p.authorLogin && !p.reviews.some((r) => r.state === 'APPROVED')),
    ).toBe(true);
    expect(prs.some((p) => p.state === 'MERGED' && isHuman(p.authorLogin) && p.authorLogin !== null && humanReviews(p).length === 0)).toBe(true);
    expect(prs.some((p) => p.state === 'MERGED' && p.mergedByLogin !== p.authorLogin && isHuman(p.authorLogin))).toBe(true);
  });

  it('has sizes with a long tail', () => {
    const sizes = prs.map((p) => p.additions + p.deletions).sort((a, b) => a - b);
    const median = sizes[Math.floor(sizes.length / 2)] as number;
    expect(median).toBeGreaterThan(20);
    expect(median).toBeLessThan(400);
    expect(sizes.at(-1) as number).toBeGreaterThan(median * 15);
    for (const p of prs) expect(p.changedFiles).toBeGreaterThan(0);
  });

  it('lives in working hours, mostly', () => {
    const created = prs.filter((p) => isHuman(p.authorLogin)).map((p) => new Date(p.createdAt));
    const working = created.filter((d) => d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && d.getUTCHours() >= 7 && d.getUTCHours() < 19);
    expect(working.length / created.length).toBeGreaterThan(0.9);
    const everything = timestamps(org).map((s) => new Date(s.value).getUTCDay());
    expect(everything.filter((d) => d === 0 || d === 6).length).toBeGreaterThan(0);
  });
});

describe('generateOrg: history, CI, delivery and coverage', () => {
  it('merges with merge commits in some repos and squashes in others', () => {
    const parents = (name: string) =>
      new Set(
        repoNamed(org, name)
          .defaultBranchCommits.filter((c) => c.messageHeadline.includes('#'))
          .map((c) => c.parents.length),
      );
    expect(parents('api')).toEqual(new Set([2]));
    expect(parents('web')).toEqual(new Set([1]));
    expect(repoNamed(org, 'infra').defaultBranch).toBe('master');
  });

  it('runs CI on every PR head and every default-branch commit', () => {
    for (const repo of org.repositories) {
      const runs = ciRuns(repo);
      const pushed = new Set(runs.filter((r) => r.event === 'push').map((r) => r.headSha));
      for (const c of repo.defaultBranchCommits.slice(0, -1)) expect(pushed.has(c.sha)).toBe(true);
      const pr = new Set(runs.filter((r) => r.event === 'pull_request').map((r) => r.headSha));
      for (const p of repo.pullRequests) expect(pr.has(p.commits.at(-1)?.sha as string), `${repo.name}#${p.number}`).toBe(true);
    }
  });

  it('has realistic CI outcomes, flakes, queues and a red stretch', () => {
    const runs = org.repositories.flatMap(ciRuns);
    const outcome = runs.filter((r) => ['success', 'failure', 'timed_out', 'startup_failure'].includes(r.conclusion ?? ''));
    const success = outcome.filter((r) => r.conclusion === 'success').length / outcome.length;
    expect(success).toBeGreaterThan(0.85);
    expect(success).toBeLessThan(0.95);
    for (const c of ['failure', 'cancelled', 'timed_out'] as const) expect(runs.some((r) => r.conclusion === c)).toBe(true);
    expect(runs.filter(isFlaky).length).toBeGreaterThan(0);
    expect(runs.some((r) => r.runAttempt === 3)).toBe(true);
    const queues = runs.map((r) => (t(r.runStartedAt) - t(r.createdAt)) / 1000);
    expect(Math.min(...queues)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...queues)).toBeGreaterThan(60);
    const durations = runs.filter((r) => r.status === 'completed' && r.conclusion === 'success').map((r) => (t(r.updatedAt) - t(r.runStartedAt)) / 60000);
    expect(durations.sort((a, b) => a - b)[Math.floor(durations.length / 2)]).toBeGreaterThan(2);
    // A red stretch on the default branch: consecutive failures, then green.
    const main = ciRuns(repoNamed(org, 'api'))
      .filter((r) => r.event === 'push')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const red = main.findIndex((r, i) => r.conclusion === 'failure' && main[i + 1]?.conclusion === 'failure');
    expect(red).toBeGreaterThanOrEqual(0);
    expect(main.slice(red).some((r) => r.conclusion === 'success')).toBe(true);
  });

  it('delivers through each DORA source', () => {
    const api = repoNamed(org, 'api');
    const prod = api.deployments.filter((d) => d.environment === 'production');
    expect(prod.length).toBeGreaterThan(20);
    expect(api.deployments.some((d) => d.environment === 'staging')).toBe(true);
    const last = (d: (typeof prod)[number]) => d.statuses.filter((s) => s.state !== 'inactive').at(-1)?.state;
    const failed = prod.filter((d) => last(d) === 'failure');
    expect(failed.length).toBeGreaterThan(0);
    // Redeployed: a later successful production deployment of the same sha.
    expect(failed.some((f) => prod.some((d) => d.sha === f.sha && d.createdAt > f.createdAt && last(d) === 'success'))).toBe(true);
    expect(prod.some((d) => d.statuses.map((s) => s.state).join(',') === 'queued,in_progress,success,inactive')).toBe(true);

    const web = repoNamed(org, 'web');
    expect(web.deployments).toEqual([]);
    const deploys = web.workflowRuns.filter((r) => r.name === 'Deploy');
    expect(deploys.length).toBeGreaterThan(20);
    expect(deploys.every((r) => r.headBranch === 'main' && r.event === 'push')).toBe(true);
    expect(deploys.some((r) => r.conclusion === 'failure')).toBe(true);

    const mobile = repoNamed(org, 'mobile');
    expect(mobile.deployments).toEqual([]);
    expect(mobile.workflowRuns.some((r) => /deploy|release/i.test(r.name))).toBe(false);
    expect(mobile.releases.some((r) => r.draft && r.publishedAt === null)).toBe(true);
    expect(mobile.releases.some((r) => r.prerelease && !r.draft)).toBe(true);
    expect(mobile.releases.filter((r) => !r.draft && !r.prerelease).length).toBeGreaterThan(3);

    const infra = repoNamed(org, 'infra');
    expect([infra.deployments, infra.releases, infra.workflowRuns.filter((r) => /deploy|release/i.test(r.name))]).toEqual([[], [], []]);
    for (const repo of org.repositories) expect(repo.workflowRuns.some((r) => r.name !== 'CI' && /deploy|release/i.test(r.name))).toBe(repo.name === 'web');
  });

  it('opens incidents after deployments and closes them hours later', () => {
    const api = repoNamed(org, 'api');
    const incident = api.issues.find((i) => i.labels.includes('incident'));
    expect(incident?.state).toBe('closed');
    const open = t(incident?.createdAt as string);
    const hours = (t(incident?.closedAt as string) - open) / HOUR;
    expect(hours).toBeGreaterThan(0.5);
    expect(hours).toBeLessThan(24);
    const finished = api.deployments.filter((d) => d.environment === 'production').map((d) => t(d.updatedAt));
    expect(finished.some((f) => f < open)).toBe(true);
    expect(org.repositories.flatMap((r) => r.issues).filter((i) => !i.labels.includes('incident')).length).toBeGreaterThan(10);
  });

  it('reports coverage from Codecov, Coveralls and a check run, trending up with a drop', () => {
    const series = (repo: FakeRepository, read: (c: FakeCommit) => string | null | undefined) =>
      [...repo.defaultBranchCommits].reverse().flatMap((c) => {
        const m = read(c)?.match(/(\d+\.\d+)%/);
        return m ? [Number(m[1])] : [];
      });
    const codecov = series(repoNamed(org, 'api'), (c) => c.statuses.find((s) => s.context === 'codecov/project')?.description);
    const coveralls = series(repoNamed(org, 'web'), (c) => c.statuses.find((s) => s.context === 'coverage/coveralls')?.description?.replace(/\(.*?\)/, ''));
    const check = series(repoNamed(org, 'mobile'), (c) => c.checkRuns.find((k) => /coverage/.test(k.name))?.title);
    for (const points of [codecov, coveralls, check]) {
      expect(points.length).toBeGreaterThan(30);
      expect(points.at(-1) as number).toBeGreaterThan(points[0] as number);
      expect(points.some((p, i) => i > 0 && (points[i - 1] as number) - p > 2)).toBe(true);
    }
    const api = repoNamed(org, 'api');
    expect(
      api.defaultBranchCommits.some((c) =>
        /^\d+\.\d{2}% \([+-](<)?\.?\d*\.?\d+%\) compared to [0-9a-f]{7}$/.test(c.statuses.find((s) => s.context === 'codecov/project')?.description ?? ''),
      ),
    ).toBe(true);
    expect(api.defaultBranchCommits.some((c) => c.statuses.some((s) => s.context === 'codecov/patch'))).toBe(true);
    expect(api.pullRequests.some((p) => p.commits.at(-1)?.statuses.some((s) => s.context === 'codecov/patch'))).toBe(true);
    expect(
      repoNamed(org, 'web').defaultBranchCommits.some((c) =>
        /^Coverage (increased|decreased) \([+-]\d+\.\d%\) to \d+\.\d{3}%$/.test(c.statuses[0]?.description ?? ''),
      ),
    ).toBe(true);
  });

  it('describes itself', () => {
    const d = describeOrg(org);
    expect(d.repositories).toBe(4);
    expect(d.pullRequests.total).toBe(d.pullRequests.open + d.pullRequests.merged + d.pullRequests.closed);
    expect(d.pullRequests.total).toBeGreaterThan(300);
    expect(d.deployments.production + d.deployments.staging).toBe(d.deployments.total);
    expect(d.workflowRuns.flaky).toBeGreaterThan(0);
    expect(d.issues.incidents).toBeGreaterThanOrEqual(1);
    expect(d.reviews.pending).toBeGreaterThan(0);
  });
});
