import { describe, expect, it } from 'vitest';
import { ancestryKnown, commitParents } from '@/metrics/delivery/ancestry';
import { detectDeployments } from '@/metrics/delivery/detect-deployments';
import { mapPullRequests } from '@/metrics/delivery/map-pull-requests';
import { REPO, commit, deployment, noRecords, pr, settings, sha } from './builders';

const summary = (m: ReturnType<typeof mapPullRequests>) => m.shipped.map((s) => [s.number, s.deploymentId, s.rule, s.deployedAt.toISOString()]);

describe('mapping PRs to the deployment that shipped them, by ancestry', () => {
  // main:  c0 ← m1 ← m2 ← m3 ← m4 ← m5
  //                      ↖ f3 ↙          (m3 merges the branch commit f3: parents [m2, f3])
  // PR 1 and 2 squash-merged (m1, m2, one parent each), PR 3 merged with a merge commit (m3, two
  // parents), PR 4 squash-merged (m4), PR 5 squash-merged (m5) after the last real deployment.
  const commits = [
    commit('c0', []),
    commit('m1', ['c0']),
    commit('m2', ['m1']),
    commit('f3', ['m2']),
    commit('m3', ['m2', 'f3']),
    commit('m4', ['m3']),
    commit('m5', ['m4']),
  ];
  const prs = [
    pr(1, { mergedAt: '2026-11-02T09:00:00Z' }),
    pr(2, { mergedAt: '2026-11-02T10:00:00Z' }),
    pr(3, { mergedAt: '2026-11-02T13:00:00Z' }),
    pr(4, { mergedAt: '2026-11-02T14:00:00Z' }),
    pr(5, { mergedAt: '2026-11-02T17:00:00Z' }),
    pr(6, { mergedAt: '2026-11-02T12:00:00Z', baseRef: 'release/1.x' }), // not into main: not a candidate
  ];
  const deployments = [
    // D1 deploys m2 (contains m1 and m2): ships PRs 1 and 2.
    deployment('D1', { sha: sha('m2'), startedAt: '2026-11-02T11:00:00Z', finishedAt: '2026-11-02T11:10:00Z' }),
    // A failed deployment of m4 ships nothing; PRs 3 and 4 wait for the next success.
    deployment('F', { sha: sha('m4'), startedAt: '2026-11-02T14:30:00Z', finishedAt: '2026-11-02T14:40:00Z', outcome: 'failure' }),
    // D2 deploys m4: walks m4 → m3 → (m2: already in D1) and f3 → (m2): ships PRs 3 (merge commit) and 4.
    deployment('D2', { sha: sha('m4'), startedAt: '2026-11-02T15:00:00Z', finishedAt: '2026-11-02T15:20:00Z' }),
    // D3 redeploys the older m2 (a rollback) after PR 5 merged: it contains nothing new.
    deployment('D3', { sha: sha('m2'), startedAt: '2026-11-02T18:00:00Z', finishedAt: '2026-11-02T18:05:00Z' }),
  ];
  const result = mapPullRequests({ repositories: [REPO], deployments, pullRequests: prs, commits });

  it('ships squash and merge commits with the first successful deployment that contains them', () => {
    expect(summary(result)).toEqual([
      [1, 'workflow-run:D1', 'ancestry', '2026-11-02T11:10:00.000Z'],
      [2, 'workflow-run:D1', 'ancestry', '2026-11-02T11:10:00.000Z'],
      [3, 'workflow-run:D2', 'ancestry', '2026-11-02T15:20:00.000Z'],
      [4, 'workflow-run:D2', 'ancestry', '2026-11-02T15:20:00.000Z'],
    ]);
  });

  it('lists what is left: PR 5 (D3 started after its merge but its history shows m5 is not in it), and D3 shipped no PR', () => {
    expect(result.unmappedPullRequests).toEqual([{ prId: 1005, repoId: 1, repo: 'acme/shop', number: 5, mergedAt: prs[4]!.mergedAt, reason: 'not-contained' }]);
    expect(result.deploymentsWithoutPullRequests).toEqual(['workflow-run:D3']);
  });

  it('says "no deployment after merge" when nothing started after it', () => {
    const early = mapPullRequests({ repositories: [REPO], deployments: deployments.slice(0, 3), pullRequests: prs, commits });
    expect(early.unmappedPullRequests.map((u) => [u.number, u.reason])).toEqual([[5, 'no-deployment-after-merge']]);
  });
});

describe('mapping by time where ancestry is unknown', () => {
  it('falls back to the first successful deployment started at or after mergedAt when the merge commit is not in the stored history', () => {
    const commits = [commit('c0', []), commit('m1', ['c0'])];
    const prs = [
      pr(1, { mergedAt: '2026-11-02T09:00:00Z' }),
      // m7 is not in the stored history (e.g. older than what was loaded, or history not synced yet).
      pr(7, { mergedAt: '2026-11-02T10:00:00Z' }),
    ];
    const deployments = [
      deployment('D1', { sha: sha('m1'), startedAt: '2026-11-02T09:30:00Z', finishedAt: '2026-11-02T09:40:00Z' }),
      // Started exactly at PR 7's merge: "at or after" includes it.
      deployment('D2', { sha: sha('m1'), startedAt: '2026-11-02T10:00:00Z', finishedAt: '2026-11-02T10:15:00Z' }),
    ];
    const result = mapPullRequests({ repositories: [REPO], deployments, pullRequests: prs, commits });
    expect(summary(result)).toEqual([
      [1, 'workflow-run:D1', 'ancestry', '2026-11-02T09:40:00.000Z'],
      [7, 'workflow-run:D2', 'time', '2026-11-02T10:15:00.000Z'],
    ]);
  });

  it('falls back to time for a deployment without a sha (a release of a branch)', () => {
    const commits = [commit('c0', []), commit('m1', ['c0'])];
    const prs = [pr(1, { mergedAt: '2026-11-02T09:00:00Z' })];
    // The release started before the merge cannot have shipped it; the one after did (by time).
    const deployments = [
      deployment('R0', { sha: null, startedAt: '2026-11-02T08:00:00Z', finishedAt: '2026-11-02T08:00:00Z' }),
      deployment('R1', { sha: null, startedAt: '2026-11-02T12:00:00Z', finishedAt: '2026-11-02T12:00:00Z' }),
    ];
    expect(summary(mapPullRequests({ repositories: [REPO], deployments, pullRequests: prs, commits }))).toEqual([
      [1, 'workflow-run:R1', 'time', '2026-11-02T12:00:00.000Z'],
    ]);
  });

  it('falls back to time when a commit below the deployment has unknown parents, and not when the history is complete', () => {
    // a2's parent a1 has unknown parents: whether a2 contains m1 cannot be told.
    const unknown = [commit('m1', ['zz']), commit('a1', null), commit('a2', ['a1'])];
    const prs = [pr(1, { mergedAt: '2026-11-02T09:00:00Z' })];
    const deployments = [deployment('D', { sha: sha('a2'), startedAt: '2026-11-02T10:00:00Z', finishedAt: '2026-11-02T10:05:00Z' })];
    expect(summary(mapPullRequests({ repositories: [REPO], deployments, pullRequests: prs, commits: unknown }))).toEqual([
      [1, 'workflow-run:D', 'time', '2026-11-02T10:05:00.000Z'],
    ]);

    // With a1's parents known (a root), a2's history is complete and m1 is not in it: unmapped.
    const known = [commit('m1', ['zz']), commit('a1', []), commit('a2', ['a1'])];
    const result = mapPullRequests({ repositories: [REPO], deployments, pullRequests: prs, commits: known });
    expect(result.shipped).toEqual([]);
    expect(result.unmappedPullRequests.map((u) => u.reason)).toEqual(['not-contained']);
  });

  it('treats a parent outside the stored history as its edge, and null parents as unknown', () => {
    const parents = commitParents([commit('b1', ['older']), commit('b2', ['b1']), commit('n1', null), commit('n2', ['b2', 'n1'])], REPO.id);
    expect(ancestryKnown(sha('b2'), parents)).toBe(true);
    expect(ancestryKnown(sha('n2'), parents)).toBe(false);
    expect(ancestryKnown(sha('nope'), parents)).toBe(false);
    expect(ancestryKnown(null, parents)).toBe(false);
  });
});

describe('merge as deploy', () => {
  it('maps each PR to its own merge, rule "merge"', () => {
    const prs = [pr(1, { mergedAt: '2026-11-02T09:00:00Z' }), pr(2, { mergedAt: '2026-11-02T10:00:00Z' })];
    const detection = detectDeployments(REPO, { ...noRecords, pullRequests: prs }, settings);
    const result = mapPullRequests({ repositories: [REPO], deployments: detection.deployments, pullRequests: prs, commits: [] });
    expect(result.shipped.map((s) => [s.number, s.deploymentId, s.rule, s.deployedAt.toISOString()])).toEqual([
      [1, 'merge:1001', 'merge', '2026-11-02T09:00:00.000Z'],
      [2, 'merge:1002', 'merge', '2026-11-02T10:00:00.000Z'],
    ]);
    expect(result.unmappedPullRequests).toEqual([]);
    expect(result.deploymentsWithoutPullRequests).toEqual([]);
  });
});
