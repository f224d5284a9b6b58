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
const input = { deployments: [f1, f2, s1, s2, s3, f3], prs: [hotfix, revert], mapping: mapping([[hotfix, s2], [revert, s3]]), incidents };
const result = deliveryMetrics(input, WEEK, options({ now: NOW }), settings);

describe('failed deployment recovery time', () => {
  it('measures failed deployments to the next success, and incidents from open to close', () => {
    // F1: 10:00 → S1 11:00 = 1 h. F2: 10:30 → 11:00 = 30 min. S1 (hotfix): 11:00 → S2 13:00 = 2 h.
    // S2 failed only by incident 1, which is measured instead: 14:00 → 18:00 = 4 h.
    // Sorted 0.5, 1, 2, 4 h: p50 at rank 1.5 = 1.5 h; p75 at rank 2.25 = 2 + 0.25 × 2 = 2.5 h;
    // p90 at rank 2.7 = 2 + 0.7 × 2 = 3.4 h; mean 7.5 / 4 = 1.875 h.
    expect(result.recoveryTime.value).toEqual({ n: 4, p50: 1.5 * HOUR, p75: 2.5 * HOUR, p90: 3.4 * HOUR, mean: 1.875 * HOUR });
    expect(result.recoveryTime.members.map((m) => (m.kind === 'deployment' ? [m.deploymentId, m.reasons, m.recoveredBy, m.seconds] : [`incident ${m.number}`, m.deploymentIds, m.seconds]))).toEqual([
      ['workflow-run:F1', ['failure'], 'workflow-run:S1', HOUR],
      ['workflow-run:F2', ['failure'], 'workflow-run:S1', 30 * MINUTE],
      ['workflow-run:S1', ['hotfix'], 'workflow-run:S2', 2 * HOUR],
      ['incident 1', ['workflow-run:S2'], 4 * HOUR],
    ]);
  });

  it('lists what has not recovered at now, with its age', () => {
    // F3 failed Friday 10:00, 2 h before now; incident 2 opened Thursday 09:00, 27 h before now.
    expect(result.recoveryTime.ongoing.map((m) => [m.kind === 'deployment' ? m.deploymentId : `incident ${m.number}`, m.ageSeconds])).toEqual([
      ['workflow-run:F3', 2 * HOUR],
      ['incident 2', 27 * HOUR],
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
