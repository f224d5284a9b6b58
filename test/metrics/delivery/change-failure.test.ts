import { describe, expect, it } from 'vitest';
import { deliveryMetrics } from '@/metrics/delivery/dora';
import type { Deployment } from '@/metrics/delivery/deployment';
import type { IncidentRecord, PullRequestRecord } from '@/metrics/records';
import { deployment, incident, mapping, options, pr, settings, t } from './builders';

// The week of Monday 2 November 2026, UTC.
const WEEK = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') };

function cfr(deployments: Deployment[], o: { prs?: PullRequestRecord[]; shipped?: [PullRequestRecord, Deployment][]; incidents?: IncidentRecord[] } = {}) {
  const input = { deployments, prs: o.prs ?? [], mapping: mapping(o.shipped ?? []), incidents: o.incidents ?? [] };
  return deliveryMetrics(input, WEEK, options(), settings).changeFailureRate;
}
const reasons = (rate: ReturnType<typeof cfr>) => rate.members.map((m) => [m.label, m.reasons]);

describe('change failure rate: failed / production deployments finished in the period', () => {
  it('(a) counts a deployment whose own outcome is failure; pending ones and ones finished outside the period are not counted', () => {
    const deployments = [
      deployment('before', { finishedAt: '2026-11-01T23:00:00Z', outcome: 'failure' }), // previous week
      deployment('F1', { finishedAt: '2026-11-02T10:00:00Z', outcome: 'failure' }),
      deployment('S1', { finishedAt: '2026-11-02T11:00:00Z' }),
      deployment('P', { finishedAt: null, startedAt: '2026-11-02T12:00:00Z' }), // pending
    ];
    // F1 and S1 finished in the week; F1 failed: 1 / 2 = 0.5.
    const rate = cfr(deployments);
    expect(rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(reasons(rate)).toEqual([
      ['F1', ['failure']],
      ['S1', []],
    ]);
  });

  it('(b) counts a deployment when an incident is opened after it finished and before the next success finished', () => {
    const deployments = [
      deployment('S1', { finishedAt: '2026-11-02T10:00:00Z' }),
      deployment('S2', { finishedAt: '2026-11-03T10:00:00Z' }),
      deployment('S3', { finishedAt: '2026-11-04T10:00:00Z' }),
    ];
    const incidents = [
      incident(1, { createdAt: '2026-11-02T12:00:00Z' }), // between S1 (Mon 10:00) and S2 (Tue 10:00): S1
      incident(2, { createdAt: '2026-11-03T10:00:00Z' }), // exactly when S2 finished: neither after S2 nor before S2 finished
      incident(3, { createdAt: '2026-11-04T12:00:00Z', labels: ['bug'] }), // not an incident label
      incident(4, { createdAt: '2026-11-05T09:00:00Z', labels: ['Incident: sev2'] }), // after S3, no next success yet: S3
      incident(5, { createdAt: '2026-11-03T12:00:00Z', repoId: 2 }), // another repository
    ];
    // S1 and S3 failed: 2 / 3.
    const rate = cfr(deployments, { incidents });
    expect(rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(rate.value).toBeCloseTo(2 / 3, 12);
    expect(reasons(rate)).toEqual([
      ['S1', ['incident']],
      ['S2', []],
      ['S3', ['incident']],
    ]);
    expect(rate.members[0]!.incidents).toEqual([{ id: 5001, number: 1, createdAt: t('2026-11-02T12:00:00Z') }]);
  });

  it('(b) counts an incident against every deployment finished since the last success before it (the window runs to the next success)', () => {
    // S1 succeeds, F1 fails, the incident opens, S2 succeeds. S1's window (S1, S2) and F1's (F1, S2)
    // both contain the incident: S1 fails by incident, F1 by its outcome and the incident.
    const deployments = [
      deployment('S1', { finishedAt: '2026-11-02T10:00:00Z' }),
      deployment('F1', { finishedAt: '2026-11-02T11:00:00Z', outcome: 'failure' }),
      deployment('S2', { finishedAt: '2026-11-02T13:00:00Z' }),
    ];
    const rate = cfr(deployments, { incidents: [incident(1, { createdAt: '2026-11-02T12:00:00Z' })] });
    expect(reasons(rate)).toEqual([
      ['S1', ['incident']],
      ['F1', ['failure', 'incident']],
      ['S2', []],
    ]);
  });

  it('(c) counts a deployment that shipped a PR later reverted, named by title or by a revert-N- branch', () => {
    const cart = pr(10, { title: 'Add cart', mergedAt: '2026-11-02T09:00:00Z' });
    const search = pr(13, { title: 'Add search', mergedAt: '2026-11-02T12:00:00Z' });
    const revertCart = pr(11, { title: 'Revert "Add cart"', headRef: 'some-branch', mergedAt: '2026-11-02T12:30:00Z' });
    const revertSearch = pr(14, { title: 'Undo search', headRef: 'revert-13-feature-13', mergedAt: '2026-11-03T09:00:00Z' });
    const login = pr(15, { title: 'Add login', mergedAt: '2026-11-03T09:30:00Z' });
    const unmergedRevert = pr(16, { title: 'Revert "Add login"' }); // open: nothing reverted yet
    const [s1, s2, s3] = [
      deployment('S1', { finishedAt: '2026-11-02T10:00:00Z' }),
      deployment('S2', { finishedAt: '2026-11-02T14:00:00Z' }),
      deployment('S3', { finishedAt: '2026-11-03T10:00:00Z' }),
    ] as const;
    const prs = [cart, search, revertCart, revertSearch, login, unmergedRevert];
    // S1 shipped "Add cart" (reverted by #11, by title); S2 shipped "Add search" (reverted by #14, by
    // branch) and the revert #11; S3 shipped #14 and "Add login" (its revert is not merged). 2 / 3.
    const rate = cfr([s1, s2, s3], {
      prs,
      shipped: [
        [cart, s1],
        [search, s2],
        [revertCart, s2],
        [revertSearch, s3],
        [login, s3],
      ],
    });
    expect(rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(reasons(rate)).toEqual([
      ['S1', ['revert']],
      ['S2', ['revert']],
      ['S3', []],
    ]);
    expect(rate.members.map((m) => m.reverted)).toEqual([[{ number: 10, revertNumbers: [11] }], [{ number: 13, revertNumbers: [14] }], []]);
  });

  it('(c) counts a revert found after the period: the deployment is in the period, the revert is not', () => {
    const change = pr(10, { title: 'Add cart', mergedAt: '2026-11-06T09:00:00Z' });
    const revert = pr(11, { title: 'Revert "Add cart"', mergedAt: '2026-11-10T09:00:00Z' });
    const s1 = deployment('S1', { finishedAt: '2026-11-06T10:00:00Z' });
    expect(cfr([s1], { prs: [change, revert], shipped: [[change, s1]] })).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
  });

  it('(d) counts a deployment when the next successful deployment ships a hotfix (label or head branch)', () => {
    const labelled = pr(20, { labels: ['Hotfix'], mergedAt: '2026-11-02T11:00:00Z' });
    const branch = pr(21, { headRef: 'hotfix/login', mergedAt: '2026-11-03T11:00:00Z' });
    const plain = pr(22, { mergedAt: '2026-11-04T11:00:00Z' });
    const [s1, s2, f, s3, s4] = [
      deployment('S1', { finishedAt: '2026-11-02T10:00:00Z' }),
      deployment('S2', { finishedAt: '2026-11-02T12:00:00Z' }),
      deployment('F', { finishedAt: '2026-11-03T10:00:00Z', outcome: 'failure' }),
      deployment('S3', { finishedAt: '2026-11-03T12:00:00Z' }),
      deployment('S4', { finishedAt: '2026-11-04T12:00:00Z' }),
    ] as const;
    // S2 ships the labelled hotfix: S1 failed. S3 ships the hotfix branch: S2 failed, and so is F
    // (its next success is S3), already failed by its outcome. S4 ships a plain PR: S3 is fine.
    // Failed: S1, S2, F = 3 / 5.
    const rate = cfr([s1, s2, f, s3, s4], {
      prs: [labelled, branch, plain],
      shipped: [
        [labelled, s2],
        [branch, s3],
        [plain, s4],
      ],
    });
    expect(rate).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
    expect(reasons(rate)).toEqual([
      ['S1', ['hotfix']],
      ['S2', ['hotfix']],
      ['F', ['failure', 'hotfix']],
      ['S3', []],
      ['S4', []],
    ]);
    expect(rate.members[0]!.hotfixes).toEqual([20]);
  });

  it('counts a deployment with two reasons once', () => {
    // F1 fails (a) and an incident opens before S1 finishes (b): one failed deployment of two.
    const deployments = [
      deployment('F1', { finishedAt: '2026-11-02T10:00:00Z', outcome: 'failure' }),
      deployment('S1', { finishedAt: '2026-11-02T11:00:00Z' }),
    ];
    const rate = cfr(deployments, { incidents: [incident(1, { createdAt: '2026-11-02T10:30:00Z' })] });
    expect(rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(rate.members[0]!.reasons).toEqual(['failure', 'incident']);
  });

  it('takes "next successful deployment" within the same repository', () => {
    // Repository 2's success at 10:30 does not end repository 1's window: the incident at 11:00 is S1's.
    const deployments = [
      deployment('S1', { finishedAt: '2026-11-02T10:00:00Z' }),
      deployment('other', { finishedAt: '2026-11-02T10:30:00Z', repoId: 2 }),
      deployment('S2', { finishedAt: '2026-11-02T12:00:00Z' }),
    ];
    const rate = cfr(deployments, { incidents: [incident(1, { createdAt: '2026-11-02T11:00:00Z' })] });
    expect(reasons(rate)).toEqual([
      ['S1', ['incident']],
      ['other', []],
      ['S2', []],
    ]);
  });

  it('is null without production deployments in the period', () => {
    expect(cfr([])).toEqual({ value: null, numerator: 0, denominator: 0, members: [] });
  });
});
