import { describe, expect, it } from 'vitest';
import { deliveryMetrics } from '@/metrics/delivery/dora';
import { HOUR, MINUTE, deployment, incident, mapping, options, pr, settings, t } from './builders';

const WEEK = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') };
const NOW = t('2026-11-06T12:00:00Z'); // Friday noon

// Monday: F1 fails 10:00, F2 fails 10:30, S1 succeeds 11:00; S2 at 13:00 ships a hotfix (so S1
// failed); incident 1 opens 14:00 (after S2: S2 fails by incident) and closes 18:00.
// Wednesday: S3 succeeds 10:00 and ships a revert. Thursday: incident 2 opens 09:00 (after S3), still
// open. Friday: F3 fails 10:00, nothing has succeeded since.
const hotfix = pr(30, { headRef: 'hotfix/checkout', mergedAt: '2026-11-02T12:00:00Z' });
const revert = pr(31, { title: 'Revert "Add coupons"', mergedAt: '2026-11-04T09:00:00Z' });
const [f1, f2, s1, s2, s3, f3] = [
  deployment('F1', { finishedAt: '2026-11-02T10:00:00Z', outcome: 'failure' }),
  deployment('F2', { finishedAt: '2026-11-02T10:30:00Z', outcome: 'failure' }),
  deployment('S1', { finishedAt: '2026-11-02T11:00:00Z' }),
  deployment('S2', { finishedAt: '2026-11-02T13:00:00Z' }),
  deployment('S3', { finishedAt: '2026-11-04T10:00:00Z' }),
  deployment('F3', { finishedAt: '2026-11-06T10:00:00Z', outcome: 'failure' }),
] as const;
const incidents = [incident(1, { createdAt: '2026-11-02T14:00:00Z', closedAt: '2026-11-02T18:00:00Z' }), incident(2, { createdAt: '2026-11-05T09:00:00Z' })];
const input = {
  deployments: [f1, f2, s1, s2, s3, f3],
  prs: [hotfix, revert],
  mapping: mapping([
    [hotfix, s2],
    [revert, s3],
  ]),
  incidents,
};
const result = deliveryMetrics(input, WEEK, options({ now: NOW }), settings);

describe('failed deployment recovery time', () => {
  it('measures failed deployments to the next success, and one failed only through incidents from its incident opening to its close', () => {
    // F1: 10:00 → S1 11:00 = 1 h. F2: 10:30 → 11:00 = 30 min. S1 (hotfix): 11:00 → S2 13:00 = 2 h.
    // S2 failed only by incident 1, so it is measured through it: 14:00 → 18:00 = 4 h.
    // Sorted 0.5, 1, 2, 4 h: p50 at rank 1.5 = 1.5 h; p75 at rank 2.25 = 2 + 0.25 × 2 = 2.5 h;
    // p90 at rank 2.7 = 2 + 0.7 × 2 = 3.4 h; mean 7.5 / 4 = 1.875 h.
    expect(result.recoveryTime.value).toEqual({ n: 4, p50: 1.5 * HOUR, p75: 2.5 * HOUR, p90: 3.4 * HOUR, mean: 1.875 * HOUR });
    expect(result.recoveryTime.members.map((m) => [m.deploymentId, m.reasons, m.measuredBy, m.recoveredBy, m.seconds])).toEqual([
      ['workflow-run:F1', ['failure'], 'next-success', 'workflow-run:S1', HOUR],
      ['workflow-run:F2', ['failure'], 'next-success', 'workflow-run:S1', 30 * MINUTE],
      ['workflow-run:S1', ['hotfix'], 'next-success', 'workflow-run:S2', 2 * HOUR],
      ['workflow-run:S2', ['incident'], 'incidents', null, 4 * HOUR],
    ]);
  });

  it('lists what has not recovered at now, with its age', () => {
    // S3 failed only through incident 2, opened Thursday 09:00 and still open: 27 h before now.
    // F3 failed Friday 10:00, 2 h before now, and nothing has succeeded since.
    expect(result.recoveryTime.ongoing.map((m) => [m.deploymentId, m.measuredBy, m.ageSeconds])).toEqual([
      ['workflow-run:S3', 'incidents', 27 * HOUR],
      ['workflow-run:F3', 'next-success', 2 * HOUR],
    ]);
  });

  it('bands the median: 1.5 h is under a day, not under an hour: high', () => {
    expect(result.bands.recoveryTime).toBe('high');
  });

  it('measures incident resolution time for every incident closed in the period', () => {
    // Only incident 1 closed: 4 h. Incident 2 is open, 27 h old.
    expect(result.incidentResolution.value).toEqual({ n: 1, p50: 4 * HOUR, p75: 4 * HOUR, p90: 4 * HOUR, mean: 4 * HOUR });
    expect(result.incidentResolution.open.map((i) => [i.number, i.ageSeconds])).toEqual([[2, 27 * HOUR]]);
  });
});

describe('one recovery value per failed deployment', () => {
  // Week 46 (Monday 9 November 2026, UTC).
  // Tuesday: A succeeds 10:00; incident 7 opens 10:30 and closes 12:30; B succeeds 20:00 shipping a
  // hotfix. A failed twice over: by incident 7 (opened before B) and by the hotfix (its next success
  // ships one).
  // Wednesday: C succeeds 09:00; incident 8 opens 10:00, closes 11:00; incident 9 opens 12:00.
  // Thursday: D succeeds 09:00; incident 9 closes 12:00. C failed only through incidents 8 and 9
  // (both opened before D). B and D failed by nothing: no incident after them before their next
  // success (D has none), and C and nothing ship a hotfix.
  const W46 = { from: t('2026-11-09T00:00:00Z'), to: t('2026-11-16T00:00:00Z') };
  const fix = pr(40, { headRef: 'hotfix/payments', mergedAt: '2026-11-10T19:00:00Z' });
  const [a, b, c, d] = [
    deployment('A', { finishedAt: '2026-11-10T10:00:00Z' }),
    deployment('B', { finishedAt: '2026-11-10T20:00:00Z' }),
    deployment('C', { finishedAt: '2026-11-11T09:00:00Z' }),
    deployment('D', { finishedAt: '2026-11-12T09:00:00Z' }),
  ] as const;
  const week46 = deliveryMetrics(
    {
      deployments: [a, b, c, d],
      prs: [fix],
      mapping: mapping([[fix, b]]),
      incidents: [
        incident(7, { createdAt: '2026-11-10T10:30:00Z', closedAt: '2026-11-10T12:30:00Z' }),
        incident(8, { createdAt: '2026-11-11T10:00:00Z', closedAt: '2026-11-11T11:00:00Z' }),
        incident(9, { createdAt: '2026-11-11T12:00:00Z', closedAt: '2026-11-12T12:00:00Z' }),
      ],
    },
    W46,
    options({ now: t('2026-11-15T00:00:00Z') }),
    settings,
  );

  it('a deployment failed by a hotfix and an incident is one member, measured to the next success', () => {
    // A: 10:00 → B 20:00 = 10 h. Its incident's 2 h (10:30 → 12:30) is not a second member.
    const members = week46.recoveryTime.members.filter((m) => m.deploymentId === 'workflow-run:A');
    expect(members.map((m) => [m.reasons, m.measuredBy, m.recoveredBy, m.seconds])).toEqual([
      [['incident', 'hotfix'], 'next-success', 'workflow-run:B', 10 * HOUR],
    ]);
  });

  it('a deployment failed only through incidents runs from the first opening to the last close', () => {
    // C: incident 8 opened Wed 10:00 (the first) → incident 9 closed Thu 12:00 (the last) = 26 h.
    expect(
      week46.recoveryTime.members.filter((m) => m.deploymentId === 'workflow-run:C').map((m) => [m.measuredBy, m.failedAt, m.recoveredAt, m.seconds]),
    ).toEqual([['incidents', t('2026-11-11T10:00:00Z'), t('2026-11-12T12:00:00Z'), 26 * HOUR]]);
  });

  it('has exactly one value per failed deployment, and incidents keep their own metric', () => {
    // Failed: A and C (2 of 4). Recovery: 10 h and 26 h, median 18 h (band: high, under a day).
    expect(week46.changeFailureRate.members.filter((m) => m.failed).map((m) => m.deploymentId)).toEqual(['workflow-run:A', 'workflow-run:C']);
    expect(week46.recoveryTime.value).toEqual({ n: 2, p50: 18 * HOUR, p75: 22 * HOUR, p90: 24.4 * HOUR, mean: 18 * HOUR });
    expect(week46.bands.recoveryTime).toBe('high');
    // Incident resolution: 7 = 2 h, 8 = 1 h, 9 = 24 h. Sorted 1, 2, 24: median 2 h.
    expect(week46.incidentResolution.value.n).toBe(3);
    expect(week46.incidentResolution.value.p50).toBe(2 * HOUR);
    // The week's point agrees with the headline.
    expect(week46.weekly.map((w) => [w.week, w.value.recoveryN, w.value.recoveryP50])).toEqual([['2026-W46', 2, 18 * HOUR]]);
  });
});

describe('change failure rate and deployment rework rate of the same week', () => {
  it('counts F1, F2, S1 (hotfix next), S2 (incident), S3 (incident), F3 as failed: 6 / 6', () => {
    expect(result.changeFailureRate).toMatchObject({ value: 1, numerator: 6, denominator: 6 });
    expect(result.changeFailureRate.members.map((m) => m.reasons)).toEqual([['failure'], ['failure'], ['hotfix'], ['incident'], ['incident'], ['failure']]);
    expect(result.bands.changeFailureRate).toBe('low');
  });

  it('counts deployments that ship a revert or a hotfix over all production deployments: S2 and S3, 2 / 6', () => {
    expect(result.reworkRate).toMatchObject({ numerator: 2, denominator: 6 });
    expect(result.reworkRate.value).toBeCloseTo(1 / 3, 12);
    expect(result.reworkRate.members.filter((m) => m.rework).map((m) => [m.deploymentId, m.reverts, m.hotfixes])).toEqual([
      ['workflow-run:S2', [], [30]],
      ['workflow-run:S3', [31], []],
    ]);
  });
});
