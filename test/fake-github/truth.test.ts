import { describe, expect, it } from 'vitest';
import { type GenerateOrgOptions, generateOrg } from '@/fake-github/generate-org';
import type { FakeOrg, FakePullRequest, FakeRepository } from '@/fake-github/model';
import { type DeploymentTruth, type OrgTruth, type PullRequestTruth, generateOrgWithTruth } from '@/fake-github/truth';

const NOW = new Date('2026-11-23T12:00:00Z');
const t = (iso: string) => Date.parse(iso);

const { org, truth } = generateOrgWithTruth({ now: NOW });
const repoNamed = (o: FakeOrg, name: string) => o.repositories.find((r) => r.name === name) as FakeRepository;
const prTitled = (repo: FakeRepository, title: string) => repo.pullRequests.find((p) => p.title === title) as FakePullRequest;
const prTruth = (tr: OrgTruth, repo: FakeRepository, pr: FakePullRequest) =>
  tr.pullRequests.find((p) => p.repo === `${repo.owner}/${repo.name}` && p.number === pr.number) as PullRequestTruth;
const deploymentById = (tr: OrgTruth, id: string | null) => tr.deployments.find((d) => d.id === id) as DeploymentTruth;

describe('generateOrgWithTruth: the org', () => {
  it.each<[string, GenerateOrgOptions]>([
    ['seed 42', { now: NOW }],
    ['seed 1, 6 repositories', { now: NOW, seed: 1, repositories: 6 }],
    ['seed 2026, 4 weeks', { now: NOW, seed: 2026, weeks: 4 }],
  ])('is exactly generateOrg (%s)', (_, options) => {
    const plain = generateOrg(options);
    const withTruth = options.seed === undefined && options.weeks === undefined ? org : generateOrgWithTruth(options).org;
    expect(withTruth).toStrictEqual(plain);
    expect(JSON.stringify(withTruth)).toBe(JSON.stringify(plain));
  });

  it('leaves no listener behind', () => {
    generateOrgWithTruth({ now: NOW, weeks: 1, repositories: 1 });
    expect(generateOrg({ now: NOW, weeks: 2, repositories: 2 })).toStrictEqual(generateOrgWithTruth({ now: NOW, weeks: 2, repositories: 2 }).org);
  });
});

describe.each([
  ['seed 42, 12 weeks', org, truth],
  ['seed 42, 4 weeks', ...(Object.values(generateOrgWithTruth({ now: NOW, weeks: 4 })) as [FakeOrg, OrgTruth])],
  ['seed 7, 6 repositories', ...(Object.values(generateOrgWithTruth({ now: NOW, seed: 7, repositories: 6 })) as [FakeOrg, OrgTruth])],
])('generateOrgWithTruth: the truth agrees with the org it describes (%s)', (_, o, tr) => {
  const repos = new Map(o.repositories.map((r) => [`${r.owner}/${r.name}`, r]));
  const bots = new Set(o.users.filter((u) => u.type === 'Bot').map((u) => u.login));

  it('has one truth per pull request, with its own facts', () => {
    expect(tr.pullRequests).toHaveLength(o.repositories.reduce((n, r) => n + r.pullRequests.length, 0));
    for (const p of tr.pullRequests) {
      const pr = repos.get(p.repo)?.pullRequests.find((x) => x.number === p.number) as FakePullRequest;
      expect(pr, `${p.repo}#${p.number}`).toBeDefined();
      expect(p.authorIsBot).toBe(pr.authorLogin !== null && bots.has(pr.authorLogin));
      expect(p.mergedAt).toBe(pr.mergedAt);
      expect(t(p.startAt as string)).toBeLessThanOrEqual(t(pr.createdAt));
      if (p.readyAt !== null) expect(t(p.readyAt)).toBeGreaterThanOrEqual(t(pr.createdAt));
      else expect(pr.isDraft).toBe(true);
      if (p.firstReviewAt !== null && p.readyAt !== null) expect(t(p.firstReviewAt)).toBeGreaterThanOrEqual(t(p.readyAt));
      if (p.firstApprovalAt !== null) {
        expect(p.firstReviewAt).not.toBeNull();
        expect(t(p.firstApprovalAt)).toBeGreaterThanOrEqual(t(p.firstReviewAt as string));
        if (p.mergedAt !== null) expect(t(p.firstApprovalAt)).toBeLessThan(t(p.mergedAt));
      }
      expect(p.deployedAt === null).toBe(p.deployedBy === null);
      if (p.deployedAt !== null) {
        expect(p.mergedAt).not.toBeNull();
        expect(t(p.deployedAt)).toBeGreaterThanOrEqual(t(p.mergedAt as string));
        const by = deploymentById(tr, p.deployedBy);
        expect(by).toMatchObject({ repo: p.repo, outcome: 'success', finishedAt: p.deployedAt });
        expect(by.shipped).toContain(p.number);
      }
    }
    expect(tr.pullRequests.filter((p) => p.authorIsBot).length).toBeGreaterThan(0);
  });

  it('names deployments that exist, on default-branch commits', () => {
    for (const d of tr.deployments) {
      const repo = repos.get(d.repo) as FakeRepository;
      expect(
        repo.defaultBranchCommits.some((c) => c.sha === d.sha),
        d.id,
      ).toBe(true);
      const [kind, raw] = d.id.split(':') as [string, string];
      const id = Number(raw);
      if (d.source === 'deployments') {
        expect(kind).toBe('github-deployment');
        expect(repo.deployments.find((x) => x.id === id)).toMatchObject({ environment: 'production', sha: d.sha });
      } else if (d.source === 'workflow') {
        expect(kind).toBe('workflow-run');
        expect(repo.workflowRuns.find((x) => x.id === id)).toMatchObject({ name: 'Deploy', headSha: d.sha, updatedAt: d.finishedAt });
      } else if (d.source === 'release') {
        expect(kind).toBe('release');
        expect(repo.releases.find((x) => x.id === id)).toMatchObject({ draft: false, prerelease: false, targetCommitish: d.sha, publishedAt: d.finishedAt });
      } else {
        expect(kind).toBe('merge');
        expect(repo.pullRequests.find((x) => x.id === id)).toMatchObject({ mergeCommitSha: d.sha, mergedAt: d.finishedAt });
      }
      expect(t(d.finishedAt)).toBeLessThanOrEqual(NOW.getTime());
      expect(d.failed).toBe(d.reasons.length > 0);
      expect(d.reasons.includes('failure')).toBe(d.outcome === 'failure');
      if (d.outcome === 'failure') expect(d.shipped).toEqual([]);
    }
    expect(new Set(tr.deployments.map((d) => d.id)).size).toBe(tr.deployments.length);
  });

  it('blames incidents that exist on deployments finished before them', () => {
    for (const i of tr.incidents) {
      const issue = repos.get(i.repo)?.issues.find((x) => x.number === i.number);
      expect(issue).toMatchObject({ labels: ['incident'], createdAt: i.createdAt, closedAt: i.closedAt });
      for (const id of i.deployments) {
        const d = deploymentById(tr, id);
        expect(d.reasons).toContain('incident');
        expect(t(d.finishedAt)).toBeLessThan(t(i.createdAt));
      }
    }
    const incidents = o.repositories.flatMap((r) => r.issues.filter((x) => x.labels.includes('incident')));
    expect(tr.incidents).toHaveLength(incidents.length);
  });

  it('describes workflow runs and coverage that exist', () => {
    const runs = o.repositories.flatMap((r) => r.workflowRuns);
    expect(tr.workflowRuns).toHaveLength(runs.length);
    const byId = new Map(runs.map((r) => [r.id, r]));
    for (const r of tr.workflowRuns) {
      const run = byId.get(r.id);
      expect(run).toMatchObject({ headSha: r.headSha, name: r.workflow, conclusion: r.conclusion, createdAt: r.createdAt });
      if (r.flaky) expect(r.attempts).toBeGreaterThan(1);
      if (r.outcome === 'pending') expect(r.durationSeconds).toBeNull();
      if (r.durationSeconds !== null) expect(r.durationSeconds).toBeGreaterThanOrEqual(0);
      if (r.queueSeconds !== null) expect(r.queueSeconds).toBeGreaterThanOrEqual(0);
    }
    for (const c of tr.coverage) {
      const commit = repos.get(c.repo)?.defaultBranchCommits.find((x) => x.sha === c.sha);
      expect(commit, c.sha).toBeDefined();
      expect(c.pct).toBeGreaterThan(0);
      expect(c.pct).toBeLessThan(100);
    }
  });
});

describe('generateOrgWithTruth: the pinned scenarios (seed 42)', () => {
  const api = repoNamed(org, 'api');
  const web = repoNamed(org, 'web');
  const mobile = repoNamed(org, 'mobile');
  const infra = repoNamed(org, 'infra');

  it('counts a review before ready_for_review at ready_at', () => {
    const pr = prTitled(api, 'Add cursor pagination to /orders');
    const ready = pr.timeline.find((e) => e.type === 'ReadyForReviewEvent');
    expect(ready).toBeDefined();
    expect(pr.reviews.some((r) => r.submittedAt !== null && t(r.submittedAt) < t(ready?.createdAt as string))).toBe(true);
    const p = prTruth(truth, api, pr);
    expect(p.readyAt).toBe(ready?.createdAt);
    expect(p.firstReviewAt).toBe(p.readyAt);
  });

  it('keeps ready_at at created_at for a PR converted to draft during review', () => {
    const pr = web.pullRequests.find((p) => p.timeline.some((e) => e.type === 'ConvertToDraftEvent')) as FakePullRequest;
    expect(prTruth(truth, web, pr).readyAt).toBe(pr.createdAt);
  });

  it('knows the PRs still open at now', () => {
    const waiting = prTruth(truth, api, prTitled(api, 'Add audit log export'));
    expect(waiting).toMatchObject({ firstReviewAt: null, firstApprovalAt: null, mergedAt: null, deployedAt: null });
    expect(waiting.readyAt).not.toBeNull();
    expect(prTruth(truth, api, prTitled(api, 'Introduce GraphQL schema for orders'))).toMatchObject({ readyAt: null, firstReviewAt: null });
  });

  it('counts the deleted account as a reviewer and as an author', () => {
    const reviewed = prTruth(truth, api, prTitled(api, 'Fix race in webhook retry scheduler'));
    expect(reviewed.firstReviewAt).not.toBeNull();
    const ghostPr = prTruth(truth, api, prTitled(api, 'Add idempotency keys to payment endpoints'));
    expect(ghostPr).toMatchObject({ authorIsBot: false });
    expect(ghostPr.firstApprovalAt).not.toBeNull();
  });

  it('has no first review for an unreviewed merge', () => {
    const p = prTruth(truth, mobile, prTitled(mobile, 'Fix typo in onboarding copy'));
    expect(p).toMatchObject({ firstReviewAt: null, firstApprovalAt: null });
    expect(p.mergedAt).not.toBeNull();
  });

  it('fails the deployment that shipped a reverted PR, with reason revert', () => {
    for (const [repo, title] of [
      [api, 'Add bulk export endpoint for orders'],
      [web, 'Lazy-load dashboard widgets'],
    ] as const) {
      const original = prTruth(truth, repo, prTitled(repo, title));
      const shippedBy = deploymentById(truth, original.deployedBy);
      expect(shippedBy.reasons).toContain('revert');
      const revert = prTruth(truth, repo, prTitled(repo, `Revert "${title}"`));
      expect(deploymentById(truth, revert.deployedBy).rework).toBe(true);
    }
  });

  it('fails the deployment live when an incident opened, with reason incident, and the one before the hotfix', () => {
    for (const [repo, hotfix] of [
      [api, 'Restore idempotency check on payment retries'],
      [infra, 'Restore status page DNS record'],
    ] as const) {
      const name = `${repo.owner}/${repo.name}`;
      const incident = truth.incidents.find((i) => i.repo === name);
      expect(incident?.deployments.length).toBeGreaterThan(0);
      const live = truth.deployments.filter((d) => d.repo === name && d.outcome === 'success' && t(d.finishedAt) < t(incident?.createdAt as string)).at(-1);
      expect(incident?.deployments).toContain(live?.id);
      expect(live?.reasons).toContain('incident');
      const fix = deploymentById(truth, prTruth(truth, repo, prTitled(repo, hotfix)).deployedBy);
      expect(fix.rework).toBe(true);
      const before = truth.deployments.filter((d) => d.repo === name && d.outcome === 'success' && t(d.finishedAt) < t(fix.finishedAt)).at(-1);
      expect(before?.reasons).toContain('hotfix');
      expect(before?.nextSuccessAt).toBe(fix.finishedAt);
    }
    const viaRelease = deploymentById(truth, prTruth(truth, mobile, prTitled(mobile, 'Fix crash on launch on Android 15')).deployedBy);
    expect(viaRelease.source).toBe('release');
    expect(truth.deployments.find((d) => d.repo === 'acme/mobile' && d.nextSuccessAt === viaRelease.finishedAt)?.reasons).toContain('hotfix');
  });

  it('fails the pinned failed production deployment and redeploys the same commit', () => {
    const failed = truth.deployments.filter((d) => d.repo === 'acme/api' && d.outcome === 'failure');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.some((f) => truth.deployments.some((d) => d.sha === f.sha && d.outcome === 'success' && d.finishedAt === f.nextSuccessAt))).toBe(true);
    expect(truth.deployments.some((d) => d.repo === 'acme/web' && d.source === 'workflow' && d.reasons.includes('failure'))).toBe(true);
  });

  it('deploys every merge itself under merge-as-deploy', () => {
    for (const pr of infra.pullRequests.filter((p) => p.mergedAt !== null)) {
      expect(prTruth(truth, infra, pr)).toMatchObject({ deployedAt: pr.mergedAt, deployedBy: `merge:${pr.id}` });
    }
  });

  it('knows flaky runs and coverage from every source', () => {
    expect(truth.workflowRuns.filter((r) => r.flaky).length).toBeGreaterThan(0);
    expect(truth.workflowRuns.some((r) => r.outcome === 'excluded' && r.conclusion === 'cancelled')).toBe(true);
    expect(new Set(truth.coverage.map((c) => c.source))).toEqual(new Set(['codecov', 'coveralls', 'check-run']));
  });
});
