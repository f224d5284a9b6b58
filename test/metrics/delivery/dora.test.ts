import { describe, expect, it } from 'vitest';
import { detectAllDeployments, detectedDeployments } from '@/metrics/delivery/detect-deployments';
import { deliveryMetrics } from '@/metrics/delivery/dora';
import { deployedAtByPullRequest, mapPullRequests } from '@/metrics/delivery/map-pull-requests';
import { HOUR, REPO, commit, ghDeployment, incident, noRecords, options, pr, settings, sha, t } from './builders';

describe('records to DORA numbers, end to end', () => {
  // Two UTC weeks from Monday 2 November. History: c0 ← m1 ← m2 ← m3.
  // PR 1 (opened Mon 08:00, merged 09:00) and PR 2 (opened Mon 10:00, merged 11:00) ship with
  // deployment 1 of m2 (Mon 12:00 → success 12:30). Deployment 2 of m3 fails on Tue 10:10 and
  // succeeds on a retry as deployment 3 (Tue 11:00 → 11:20), shipping PR 3 (hotfix branch, opened
  // Tue 09:00, merged 09:30). An incident opens Wed 09:00 (after deployment 3) and closes Wed 11:00.
  // A staging deployment on Tuesday is ignored. PR 4 (m4, merged Thursday) is not deployed yet.
  const records = {
    ...noRecords,
    githubDeployments: [
      ghDeployment(1, {
        sha: sha('m2'),
        createdAt: '2026-11-02T12:00:00Z',
        statuses: [
          ['success', '2026-11-02T12:30:00Z'],
          ['inactive', '2026-11-03T11:20:00Z'],
        ],
      }),
      ghDeployment(2, { sha: sha('m3'), createdAt: '2026-11-03T10:00:00Z', statuses: [['failure', '2026-11-03T10:10:00Z']] }),
      ghDeployment(3, { sha: sha('m3'), createdAt: '2026-11-03T11:00:00Z', statuses: [['success', '2026-11-03T11:20:00Z']] }),
      ghDeployment(4, { sha: sha('m3'), environment: 'staging', createdAt: '2026-11-03T09:45:00Z', statuses: [['success', '2026-11-03T09:50:00Z']] }),
    ],
    pullRequests: [
      pr(1, { createdAt: '2026-11-02T08:00:00Z', mergedAt: '2026-11-02T09:00:00Z' }),
      pr(2, { createdAt: '2026-11-02T10:00:00Z', mergedAt: '2026-11-02T11:00:00Z' }),
      pr(3, { createdAt: '2026-11-03T09:00:00Z', mergedAt: '2026-11-03T09:30:00Z', headRef: 'hotfix/price' }),
      pr(4, { createdAt: '2026-11-05T09:00:00Z', mergedAt: '2026-11-05T10:00:00Z' }), // not deployed yet
    ],
  };
  const commits = [commit('c0', []), commit('m1', ['c0']), commit('m2', ['m1']), commit('m3', ['m2']), commit('m4', ['m3'])];
  const detections = detectAllDeployments([REPO], records, settings);
  const deployments = detectedDeployments(detections);
  const map = mapPullRequests({ repositories: [REPO], deployments, pullRequests: records.pullRequests, commits });
  const incidents = [incident(1, { createdAt: '2026-11-04T09:00:00Z', closedAt: '2026-11-04T11:00:00Z' })];
  const period = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
  const m = deliveryMetrics({ deployments, prs: records.pullRequests, mapping: map, incidents }, period, options(), settings);

  it('maps the PRs by ancestry', () => {
    expect(map.shipped.map((s) => [s.number, s.deploymentId, s.rule])).toEqual([
      [1, 'github-deployment:1', 'ancestry'],
      [2, 'github-deployment:1', 'ancestry'],
      [3, 'github-deployment:3', 'ancestry'],
    ]);
    expect(deployedAtByPullRequest(map).get(1001)).toEqual(t('2026-11-02T12:30:00Z'));
  });

  it('lists the loose ends of the period: PR 4 is unmapped; every successful deployment shipped a PR', () => {
    expect(m.unmapped.pullRequests.map((u) => [u.number, u.reason])).toEqual([[4, 'no-deployment-after-merge']]);
    expect(m.unmapped.deployments).toEqual([]);
  });

  it('computes the four keys', () => {
    // Successful: deployments 1 (Mon) and 3 (Tue): 2 deployments on 2 days in week 45, none in week 46.
    expect(m.deploymentFrequency.weekly.map((w) => [w.week, w.value.deployments, w.value.deployDays])).toEqual([
      ['2026-W45', 2, 2],
      ['2026-W46', 0, 0],
    ]);
    // Deploy-days per week 2 and 0: median 1 → high.
    expect(m.deploymentFrequency.medianDeployDaysPerWeek).toBe(1);

    // Lead time: PR 1 08:00 → 12:30 = 4.5 h; PR 2 10:00 → 12:30 = 2.5 h; PR 3 Tue 09:00 → 11:20 = 2 h 20 min.
    // Sorted 2.33, 2.5, 4.5 h: median 2.5 h.
    expect(m.leadTime.members.map((x) => x.seconds)).toEqual([4.5 * HOUR, 2.5 * HOUR, (2 + 1 / 3) * HOUR]);
    expect(m.leadTime.value.p50).toBe(2.5 * HOUR);

    // CFR: deployment 1 fails (d: the next success, 3, ships the hotfix PR 3); deployment 2 fails (a;
    // and d, its next success is also 3); deployment 3 fails (b: the incident opens after it, no
    // success since). 3 of 3.
    expect(m.changeFailureRate.members.map((x) => [x.deploymentId, x.reasons])).toEqual([
      ['github-deployment:1', ['hotfix']],
      ['github-deployment:2', ['failure', 'hotfix']],
      ['github-deployment:3', ['incident']],
    ]);
    expect(m.changeFailureRate.value).toBe(1);

    // Recovery: deployment 1 Mon 12:30 → Tue 11:20 = 22 h 50 min; deployment 2 Tue 10:10 → 11:20 =
    // 1 h 10 min; the incident 2 h. Sorted 70 min, 120 min, 1370 min: median 2 h.
    expect(m.recoveryTime.members.map((x) => x.seconds)).toEqual([(22 + 5 / 6) * HOUR, (1 + 1 / 6) * HOUR, 2 * HOUR]);
    expect(m.recoveryTime.value.p50).toBe(2 * HOUR);

    // Rework: deployment 3 ships the hotfix: 1 of 3.
    expect([m.reworkRate.numerator, m.reworkRate.denominator]).toEqual([1, 3]);

    expect(m.bands).toEqual({ deploymentFrequency: 'high', leadTime: 'elite', changeFailureRate: 'low', recoveryTime: 'high' });
  });

  it('gives the same numbers per week', () => {
    const [w45, w46] = m.weekly;
    expect(w45!.value).toEqual({
      deployments: 2,
      deployDays: 2,
      leadTimeP50: 2.5 * HOUR,
      leadTimeN: 3,
      productionDeployments: 3,
      failedDeployments: 3,
      changeFailureRate: 1,
      recoveryP50: 2 * HOUR,
      recoveryN: 3,
      reworkDeployments: 1,
      reworkRate: 1 / 3,
    });
    expect(w46!.value).toMatchObject({ deployments: 0, productionDeployments: 0, changeFailureRate: null, leadTimeP50: null, reworkRate: null });
  });
});
