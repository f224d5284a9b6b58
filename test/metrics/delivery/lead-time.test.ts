import { describe, expect, it } from 'vitest';
import { deliveryMetrics } from '@/metrics/delivery/dora';
import { mapPullRequests } from '@/metrics/delivery/map-pull-requests';
import { HOUR, REPO, commit, deployment, mapping, options, pr, settings, sha, t } from './builders';

const WEEK = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') };

describe('lead time for changes: deployedAt − startAt over PRs deployed in the period', () => {
  // PR 1: first commit Sun 1 Nov 09:00, opened Mon 08:00 → startAt Sun 09:00; deployed Mon 09:00: 24 h.
  // PR 2: no commits, opened Mon 08:00 → startAt Mon 08:00; deployed Mon 20:00: 12 h.
  // PR 3: a bot's, opened Mon 08:00, deployed Mon 14:00: 6 h (left out unless includeBots).
  // PR 4: opened Mon 08:00, deployed Mon 9 Nov 10:00, after the period: not counted.
  const prs = [
    pr(1, { firstCommitAt: '2026-11-01T09:00:00Z', createdAt: '2026-11-02T08:00:00Z', mergedAt: '2026-11-02T08:30:00Z' }),
    pr(2, { createdAt: '2026-11-02T08:00:00Z', mergedAt: '2026-11-02T19:00:00Z' }),
    pr(3, { createdAt: '2026-11-02T08:00:00Z', mergedAt: '2026-11-02T13:00:00Z', bot: true }),
    pr(4, { createdAt: '2026-11-02T08:00:00Z', mergedAt: '2026-11-08T10:00:00Z' }),
  ];
  const d1 = deployment('D1', { finishedAt: '2026-11-02T09:00:00Z' });
  const d2 = deployment('D2', { finishedAt: '2026-11-02T20:00:00Z' });
  const d3 = deployment('D3', { finishedAt: '2026-11-02T14:00:00Z' });
  const d4 = deployment('D4', { finishedAt: '2026-11-09T10:00:00Z' });
  const input = {
    deployments: [d1, d2, d3, d4],
    prs,
    mapping: mapping([
      [prs[0]!, d1],
      [prs[1]!, d2],
      [prs[2]!, d3],
      [prs[3]!, d4],
    ]),
    incidents: [],
  };

  it('takes the median of human PRs: 12 h and 24 h → 18 h', () => {
    const lead = deliveryMetrics(input, WEEK, options(), settings).leadTime;
    // p75 at rank 0.75: 12 + 0.75 × 12 = 21 h; p90 at rank 0.9: 12 + 0.9 × 12 = 22.8 h.
    expect(lead.value).toEqual({ n: 2, p50: 18 * HOUR, p75: 21 * HOUR, p90: 22.8 * HOUR, mean: 18 * HOUR });
    expect(lead.members.map((m) => [m.number, m.startAt.toISOString(), m.deployedAt.toISOString(), m.rule, m.seconds])).toEqual([
      [1, '2026-11-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z', 'ancestry', 24 * HOUR],
      [2, '2026-11-02T08:00:00.000Z', '2026-11-02T20:00:00.000Z', 'ancestry', 12 * HOUR],
    ]);
  });

  it('brings bot-authored PRs back with includeBots: 6, 12, 24 h → 12 h', () => {
    const lead = deliveryMetrics(input, WEEK, options({ includeBots: true }), settings).leadTime;
    expect(lead.value.n).toBe(3);
    expect(lead.value.p50).toBe(12 * HOUR);
  });

  it('bands the median: 18 h is under a day: elite', () => {
    expect(deliveryMetrics(input, WEEK, options(), settings).bands.leadTime).toBe('elite');
  });

  it('lists a negative lead time (deployment finished before the PR started) as an anomaly, out of the numbers', () => {
    const early = deployment('E', { finishedAt: '2026-11-02T07:00:00Z' });
    const skewed = { ...input, deployments: [early], mapping: mapping([[prs[1]!, early]], 'time') };
    const lead = deliveryMetrics(skewed, WEEK, options(), settings).leadTime;
    expect(lead.value.n).toBe(0);
    expect(lead.anomalies.map((m) => [m.number, m.rule, m.negative, m.seconds])).toEqual([[2, 'time', true, null]]);
  });

  it('works end to end with the mapping: one deployment ships two PRs, each keeps its own start', () => {
    const prsInMain = [
      pr(5, { createdAt: '2026-11-03T08:00:00Z', mergedAt: '2026-11-03T09:00:00Z' }),
      pr(6, { createdAt: '2026-11-03T10:00:00Z', mergedAt: '2026-11-03T11:00:00Z' }),
    ];
    const commits = [commit('m5', []), commit('m6', ['m5'])];
    const d = deployment('D', { sha: sha('m6'), startedAt: '2026-11-03T11:30:00Z', finishedAt: '2026-11-03T12:00:00Z' });
    const m = mapPullRequests({ repositories: [REPO], deployments: [d], pullRequests: prsInMain, commits });
    const lead = deliveryMetrics({ deployments: [d], prs: prsInMain, mapping: m, incidents: [] }, WEEK, options(), settings).leadTime;
    // PR 5: 08:00 → 12:00 = 4 h; PR 6: 10:00 → 12:00 = 2 h; median 3 h.
    expect(lead.members.map((x) => [x.number, x.rule, x.seconds])).toEqual([
      [5, 'ancestry', 4 * HOUR],
      [6, 'ancestry', 2 * HOUR],
    ]);
    expect(lead.value.p50).toBe(3 * HOUR);
  });

  it('counts business time when asked: Fri 18:00 → Mon 10:00 is 16 h', () => {
    const friday = pr(7, { createdAt: '2026-11-06T18:00:00Z', mergedAt: '2026-11-09T09:00:00Z' });
    const monday = deployment('M', { finishedAt: '2026-11-09T10:00:00Z' });
    const nextWeek = { from: t('2026-11-09T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
    const lead = deliveryMetrics(
      { deployments: [monday], prs: [friday], mapping: mapping([[friday, monday]]), incidents: [] },
      nextWeek,
      options({ businessTime: true }),
      settings,
    ).leadTime;
    // Friday 18:00–24:00 = 6 h, the weekend 0, Monday 00:00–10:00 = 10 h.
    expect(lead.value.p50).toBe(16 * HOUR);
  });

  it("is DevLake's cycle time of the deployed PR under the devlake preset (the docs' example: 122 min, not 120 min 10 s)", () => {
    // First commit 08:59:50, created 09:00:00, codecov[bot] comments 09:00:30, merged 10:30:01, deployed 11:00:00.
    // DevLake rounds each part up to whole minutes: coding 10 s → 1, time to merge 90 min 1 s → 91, deploy 29 min 59 s → 30;
    // cycle = 1 + 91 + 30 = 122 min = 7320 s. Leadline's lead time is 08:59:50 → 11:00:00 = 7210 s.
    const base = pr(8, { firstCommitAt: '2026-11-03T08:59:50Z', createdAt: '2026-11-03T09:00:00Z', mergedAt: '2026-11-03T10:30:01Z' });
    const commented = {
      ...base,
      comments: [{ id: 1, kind: 'conversation', author: { login: 'codecov[bot]', type: 'Bot' }, createdAt: t('2026-11-03T09:00:30Z') }],
    };
    const shipped = deployment('S', { finishedAt: '2026-11-03T11:00:00Z' });
    const input = { deployments: [shipped], prs: [commented], mapping: mapping([[commented, shipped]]), incidents: [] };
    expect(deliveryMetrics(input, WEEK, options({ preset: 'devlake' }), settings).leadTime.members.map((m) => m.seconds)).toEqual([7320]);
    expect(deliveryMetrics(input, WEEK, options(), settings).leadTime.members.map((m) => m.seconds)).toEqual([7210]);
    // DevLake has no business time: the same 7320 s with the switch on.
    expect(deliveryMetrics(input, WEEK, options({ preset: 'devlake', businessTime: true }), settings).leadTime.value.p50).toBe(7320);
  });
});
