import { describe, expect, it } from 'vitest';
import { detectAllDeployments, detectDeployments } from '@/metrics/delivery/detect-deployments';
import { githubDeploymentOutcome } from '@/metrics/delivery/sources/github-deployments';
import { releaseSha } from '@/metrics/delivery/sources/releases';
import { workflowRunOutcome } from '@/metrics/delivery/sources/workflow-runs';
import { REPO, ghDeployment, noRecords, pr, release, settings, sha, t, workflowRun } from './builders';

const run1 = workflowRun(1, { conclusion: 'success', createdAt: '2026-11-02T09:00:00Z', updatedAt: '2026-11-02T09:10:00Z' });

describe('source 1: GitHub Deployments to production', () => {
  const records = {
    ...noRecords,
    githubDeployments: [
      // failed, then succeeded on a retry: the latest terminal status (success at 10:20) is the outcome.
      ghDeployment(1, {
        createdAt: '2026-11-02T10:00:00Z',
        statuses: [
          ['in_progress', '2026-11-02T10:01:00Z'],
          ['failure', '2026-11-02T10:05:00Z'],
          ['success', '2026-11-02T10:20:00Z'],
        ],
      }),
      // succeeded at 11:05, then made inactive by a newer deployment at 12:00: still a success, finished 11:05.
      ghDeployment(2, {
        environment: 'Production',
        createdAt: '2026-11-02T11:00:00Z',
        statuses: [
          ['success', '2026-11-02T11:05:00Z'],
          ['inactive', '2026-11-02T12:00:00Z'],
        ],
      }),
      // no terminal status yet: pending, not finished.
      ghDeployment(3, {
        environment: 'prod',
        createdAt: '2026-11-02T12:00:00Z',
        statuses: [
          ['queued', '2026-11-02T12:00:01Z'],
          ['in_progress', '2026-11-02T12:01:00Z'],
        ],
      }),
      // error = failed.
      ghDeployment(4, { createdAt: '2026-11-02T13:00:00Z', statuses: [['error', '2026-11-02T13:02:00Z']] }),
      // staging and production-eu do not match ^prod(uction)?$: ignored.
      ghDeployment(5, { environment: 'staging', createdAt: '2026-11-02T09:00:00Z', statuses: [['success', '2026-11-02T09:01:00Z']] }),
      ghDeployment(6, { environment: 'production-eu', createdAt: '2026-11-02T09:30:00Z', statuses: [['success', '2026-11-02T09:31:00Z']] }),
      // another repository's deployment: not this repository's.
      ghDeployment(7, { createdAt: '2026-11-02T09:00:00Z', statuses: [['success', '2026-11-02T09:01:00Z']], repoId: 2 }),
    ],
    workflowRuns: [run1],
  };

  it('takes production deployments with the outcome of their latest terminal status', () => {
    const detection = detectDeployments(REPO, records, settings);
    expect(detection.source).toBe('github-deployment');
    expect(detection.chosenBy).toBe('first-with-data');
    expect(detection.deployments.map((d) => [d.id, d.outcome, d.finishedAt?.toISOString() ?? null])).toEqual([
      ['github-deployment:1', 'success', '2026-11-02T10:20:00.000Z'],
      ['github-deployment:2', 'success', '2026-11-02T11:05:00.000Z'],
      ['github-deployment:3', 'pending', null],
      ['github-deployment:4', 'failure', '2026-11-02T13:02:00.000Z'],
    ]);
    const first = detection.deployments[0]!;
    expect(first).toMatchObject({ repoId: 1, repo: 'acme/shop', sha: sha('d1'), startedAt: t('2026-11-02T10:00:00Z'), label: 'production 6431000' });
    expect(first.ref).toEqual({ kind: 'github-deployment', deploymentId: 1, environment: 'production', status: 'success' });
    expect(detection.deployments[3]!.ref).toMatchObject({ status: 'error' });
  });

  it('says why: the first source with data, with what the others would have given and what was ignored', () => {
    const detection = detectDeployments(REPO, records, settings);
    expect(detection.reason).toBe('GitHub Deployments: the first source with data (4 deployments).');
    // The deploy workflow run would have given 1 deployment; it is not used.
    expect(detection.candidates.map((c) => [c.rank, c.source, c.deployments])).toEqual([
      [1, 'github-deployment', 4],
      [2, 'workflow-run', 1],
      [3, 'release', 0],
      [4, 'merge', 0],
    ]);
    expect(detection.ignored).toEqual([
      { reason: 'environment "staging" does not match /^prod(uction)?$/i', count: 1 },
      { reason: 'environment "production-eu" does not match /^prod(uction)?$/i', count: 1 },
    ]);
  });

  it('reads the outcome from statuses in time order: success then failure is a failure', () => {
    const statuses = [
      { state: 'failure' as const, createdAt: t('2026-11-02T10:30:00Z') },
      { state: 'success' as const, createdAt: t('2026-11-02T10:10:00Z') },
    ];
    expect(githubDeploymentOutcome(statuses)).toEqual({ outcome: 'failure', status: statuses[0] });
    // Only inactive: no outcome was ever reported, so it is pending (not counted).
    expect(githubDeploymentOutcome([{ state: 'inactive', createdAt: t('2026-11-02T10:00:00Z') }])).toEqual({ outcome: 'pending', status: null });
  });
});

describe('source 2: deploy workflow runs on the default branch', () => {
  const records = {
    ...noRecords,
    // Only a staging deployment: source 1 has no data, so detection falls through to the runs.
    githubDeployments: [ghDeployment(9, { environment: 'staging', createdAt: '2026-11-02T08:00:00Z', statuses: [['success', '2026-11-02T08:01:00Z']] })],
    workflowRuns: [
      workflowRun(1, { conclusion: 'success', createdAt: '2026-11-02T09:00:00Z', startedAt: '2026-11-02T09:01:00Z', updatedAt: '2026-11-02T09:10:00Z' }),
      workflowRun(2, { name: 'release-prod', conclusion: 'timed_out', createdAt: '2026-11-02T10:00:00Z', updatedAt: '2026-11-02T10:30:00Z' }),
      workflowRun(3, { conclusion: null, createdAt: '2026-11-02T11:00:00Z', updatedAt: '2026-11-02T11:02:00Z' }),
      workflowRun(4, { conclusion: 'cancelled', createdAt: '2026-11-02T12:00:00Z', updatedAt: '2026-11-02T12:01:00Z' }),
      workflowRun(5, { conclusion: 'skipped', createdAt: '2026-11-02T12:05:00Z', updatedAt: '2026-11-02T12:05:00Z' }),
      workflowRun(6, { branch: 'feature-x', conclusion: 'success', createdAt: '2026-11-02T13:00:00Z', updatedAt: '2026-11-02T13:05:00Z' }),
      workflowRun(7, { name: 'CI', conclusion: 'success', createdAt: '2026-11-02T13:00:00Z', updatedAt: '2026-11-02T13:05:00Z' }),
    ],
    pullRequests: [pr(1, { mergedAt: '2026-11-02T08:30:00Z' })],
  };

  it('falls through to runs when no production deployment exists, with outcome from conclusion and finish at updatedAt', () => {
    const detection = detectDeployments(REPO, records, settings);
    expect(detection.source).toBe('workflow-run');
    expect(detection.reason).toBe(
      'deploy workflow runs: the first source with data (3 deployments); none found from GitHub Deployments to an environment matching /^prod(uction)?$/i.',
    );
    // Run 1 success (finished 09:10, started at runStartedAt 09:01), run 2 timed_out = failure, run 3 in progress = pending.
    // Cancelled (4) and skipped (5) are not deployment attempts; run 6 is not on main; "CI" (7) is not a deploy workflow.
    expect(detection.deployments.map((d) => [d.id, d.outcome, d.startedAt.toISOString(), d.finishedAt?.toISOString() ?? null])).toEqual([
      ['workflow-run:1', 'success', '2026-11-02T09:01:00.000Z', '2026-11-02T09:10:00.000Z'],
      ['workflow-run:2', 'failure', '2026-11-02T10:00:00.000Z', '2026-11-02T10:30:00.000Z'],
      ['workflow-run:3', 'pending', '2026-11-02T11:00:00.000Z', null],
    ]);
    expect(detection.deployments[0]!.sha).toBe(sha('r1'));
    expect(detection.ignored).toEqual([
      { reason: 'conclusion cancelled: not a deployment attempt', count: 1 },
      { reason: 'conclusion skipped: not a deployment attempt', count: 1 },
      { reason: 'deploy workflow run not on the default branch main', count: 1 },
    ]);
  });

  it('maps conclusions: success, failures, pending, and the ones that are not attempts', () => {
    expect(['success', 'failure', 'timed_out', 'startup_failure', null].map(workflowRunOutcome)).toEqual([
      'success',
      'failure',
      'failure',
      'failure',
      'pending',
    ]);
    expect(['cancelled', 'skipped', 'neutral', 'action_required', 'stale'].map(workflowRunOutcome)).toEqual([null, null, null, null, null]);
  });

  it('treats a repository with only cancelled deploy runs as having no run data', () => {
    const onlyCancelled = {
      ...noRecords,
      workflowRuns: [records.workflowRuns[3]!],
      releases: [release(1, { tag: 'v1', publishedAt: '2026-11-03T10:00:00Z' })],
    };
    expect(detectDeployments(REPO, onlyCancelled, settings).source).toBe('release');
  });
});

describe('source 3: published releases', () => {
  const records = {
    ...noRecords,
    releases: [
      release(1, { tag: 'v1.0.0', target: sha('c9'), publishedAt: '2026-11-03T10:00:00Z' }),
      release(2, { tag: 'v1.1.0', target: 'main', publishedAt: '2026-11-04T10:00:00Z' }),
      release(3, { tag: 'v1.2.0-rc.1', publishedAt: '2026-11-05T10:00:00Z', prerelease: true }),
      release(4, { tag: 'v2.0.0', publishedAt: null, draft: true }),
    ],
    pullRequests: [pr(1, { mergedAt: '2026-11-02T08:30:00Z' })],
  };

  it('counts published, non-draft, non-prerelease releases at publishedAt, with a sha only when the target is one', () => {
    const detection = detectDeployments(REPO, records, settings);
    expect(detection.source).toBe('release');
    expect(detection.deployments.map((d) => [d.label, d.sha, d.outcome, d.startedAt.toISOString(), d.finishedAt!.toISOString()])).toEqual([
      ['v1.0.0', sha('c9'), 'success', '2026-11-03T10:00:00.000Z', '2026-11-03T10:00:00.000Z'],
      // target "main" names a branch, not a commit: sha unknown (PRs map to it by time).
      ['v1.1.0', null, 'success', '2026-11-04T10:00:00.000Z', '2026-11-04T10:00:00.000Z'],
    ]);
    expect(detection.ignored).toEqual([
      { reason: 'prerelease', count: 1 },
      { reason: 'draft release', count: 1 },
    ]);
  });

  it('resolves only a full sha', () => {
    expect(releaseSha('A'.repeat(40))).toBe('a'.repeat(40));
    expect(releaseSha('abc1234')).toBeNull();
    expect(releaseSha('release/1.x')).toBeNull();
  });
});

describe('source 4: merge as deploy', () => {
  const records = {
    ...noRecords,
    pullRequests: [
      pr(1, { mergedAt: '2026-11-02T10:00:00Z' }),
      pr(2, { mergedAt: '2026-11-02T11:00:00Z', baseRef: 'release/1.x' }),
      pr(3, {}), // open
    ],
  };

  it('makes each merge into the default branch a successful deployment at mergedAt', () => {
    const detection = detectDeployments(REPO, records, settings);
    expect(detection.source).toBe('merge');
    expect(detection.deployments).toEqual([
      {
        id: 'merge:1001',
        repoId: 1,
        repo: 'acme/shop',
        source: 'merge',
        sha: sha('m1'),
        startedAt: t('2026-11-02T10:00:00Z'),
        finishedAt: t('2026-11-02T10:00:00Z'),
        outcome: 'success',
        label: '#1 merge as deploy',
        ref: { kind: 'merge', pullRequestId: 1001, pullRequestNumber: 1 },
      },
    ]);
    expect(detection.ignored).toEqual([{ reason: 'merged into release/1.x, not the default branch', count: 1 }]);
  });
});

describe('the first source that has data, per repository, unless configured', () => {
  const other = { id: 2, fullName: 'acme/api', defaultBranch: 'trunk' };
  const records = {
    ...noRecords,
    githubDeployments: [ghDeployment(1, { createdAt: '2026-11-02T10:00:00Z', statuses: [['success', '2026-11-02T10:05:00Z']] })],
    workflowRuns: [run1],
    pullRequests: [pr(1, { mergedAt: '2026-11-02T09:00:00Z' }), pr(2, { mergedAt: '2026-11-02T09:30:00Z', baseRef: 'trunk', repoId: 2 })],
  };

  it('lets each repository pick its own source, and a configured source win even over one with data', () => {
    // acme/shop has a production deployment (source 1); acme/api has only a merge into trunk (source 4).
    const [shop, api] = detectAllDeployments([REPO, other], records, settings);
    expect([shop!.source, api!.source]).toEqual(['github-deployment', 'merge']);
    expect(api!.deployments.map((d) => d.id)).toEqual(['merge:1002']);

    const configured = detectAllDeployments([REPO], records, settings, new Map([[1, 'workflow-run' as const]]))[0]!;
    expect(configured).toMatchObject({
      source: 'workflow-run',
      chosenBy: 'configured',
      reason: 'deploy workflow runs: configured for this repository (1 deployment).',
    });
    expect(configured.deployments.map((d) => d.id)).toEqual(['workflow-run:1']);
  });

  it('has no source when nothing has data', () => {
    expect(detectDeployments(REPO, noRecords, settings)).toMatchObject({ source: null, chosenBy: 'no-data', deployments: [] });
  });

  it('uses the configured patterns, e.g. a production environment named "live"', () => {
    const live = {
      ...noRecords,
      githubDeployments: [ghDeployment(1, { environment: 'live', createdAt: '2026-11-02T10:00:00Z', statuses: [['success', '2026-11-02T10:05:00Z']] })],
    };
    expect(detectDeployments(REPO, live, settings).source).toBeNull();
    expect(detectDeployments(REPO, live, { ...settings, productionEnvironment: /^live$/gi }).source).toBe('github-deployment');
  });
});
