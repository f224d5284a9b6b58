import { describe, expect, it } from 'vitest';
import { coverageMetrics } from '@/metrics/coverage/coverage-metrics';
import { DEFAULT_OPTIONS, type MetricOptions } from '@/metrics/types';
import { codecov, commit, status, t } from './build-commits';

/**
 * Weeks in Berlin (UTC+1 in November): the period is ISO weeks 2026-W45 to W47 there, Mon 2 Nov
 * 00:00 to Mon 23 Nov 00:00 Berlin = 1 Nov 23:00 UTC to 22 Nov 23:00 UTC.
 */
const period = { from: t('2026-11-01T23:00:00Z'), to: t('2026-11-22T23:00:00Z') };
const berlin: MetricOptions = { ...DEFAULT_OPTIONS, timeZone: 'Europe/Berlin', now: t('2026-11-25T12:00:00Z') };

const api = [
  codecov({ sha: 'c0', at: '2026-10-30T12:00:00Z', pct: '80.00' }), // before the period: the baseline
  codecov({ sha: 'c1', at: '2026-11-03T10:00:00Z', pct: '80.50' }), // W45
  // Sunday 8 Nov 23:30 UTC is Monday 9 Nov 00:30 in Berlin: W46 there, W45 in UTC.
  codecov({ sha: 'c2', at: '2026-11-08T23:30:00Z', pct: '81.00' }),
  codecov({ sha: 'c3', at: '2026-11-11T09:00:00Z', pct: '79.20' }), // W46
  commit({ sha: 'u1', at: '2026-11-12T09:00:00Z' }), // no coverage reported: no point
  codecov({ sha: 'c4', at: '2026-11-18T12:00:00Z', pct: '79.60' }), // W47
];
const web = [
  commit({ repoId: 2, sha: 'd1', at: '2026-11-04T12:00:00Z', statuses: [status('coverage/coveralls', 'First build on main at 60.0%', '2026-11-04T12:05:00Z')] }),
  commit({ repoId: 2, sha: 'd2', at: '2026-11-12T12:00:00Z', statuses: [status('coverage/coveralls', 'Coverage increased (+1.0%) to 61.0%', '2026-11-12T12:05:00Z')] }),
];

describe('coverage trend of one repository', () => {
  const result = coverageMetrics([...web, ...api], period, berlin);
  const repo = result.repositories.find((r) => r.repoId === 1)!;

  it('has one point per covered commit in the period, in the order they landed', () => {
    expect(repo.points.map((p) => [p.sha, p.pct, p.week])).toEqual([
      ['c1', 80.5, '2026-W45'],
      ['c2', 81, '2026-W46'],
      ['c3', 79.2, '2026-W46'],
      ['c4', 79.6, '2026-W47'],
    ]);
  });

  it('takes the last point of each week in the configured zone, and the change in percentage points', () => {
    expect(repo.weekly.map((w) => [w.week, w.value.last?.sha ?? null, w.value.pct, w.value.previous?.sha ?? null, w.value.change])).toEqual([
      ['2026-W45', 'c1', 80.5, 'c0', 0.5], //   80.50 − 80.00 (before the period) = +0.50 pp
      ['2026-W46', 'c3', 79.2, 'c1', -1.3], //  c2 (Mon 00:30 Berlin) is in W46, c3 is later: 79.20 − 80.50 = −1.30 pp
      ['2026-W47', 'c4', 79.6, 'c3', 0.4], //   79.60 − 79.20 = +0.40 pp
    ]);
    // In UTC, c2 would be the last point of W45 instead.
    const utc = coverageMetrics(api, { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-23T00:00:00Z') }, { ...berlin, timeZone: 'UTC' });
    expect(utc.repositories[0]!.weekly[0]).toMatchObject({ week: '2026-W45', value: { pct: 81, change: 1 } });
  });

  it('lists a week-over-week drop of at least the threshold (default 1 pp)', () => {
    expect(repo.drops).toEqual([{ repoId: 1, week: '2026-W46', start: t('2026-11-08T23:00:00Z'), from: expect.objectContaining({ sha: 'c1' }), to: expect.objectContaining({ sha: 'c3' }), change: -1.3 }]);
    // 1.3 pp is a drop at a 1.3 pp threshold (at least), not at 1.5.
    expect(coverageMetrics(api, period, berlin, [], { dropThreshold: 1.3 }).repositories[0]!.drops).toHaveLength(1);
    expect(coverageMetrics(api, period, berlin, [], { dropThreshold: 1.5 }).repositories[0]!.drops).toEqual([]);
  });

  it('gives the latest value and the change over the period from the level at its start', () => {
    // latest c4 = 79.60; baseline c0 = 80.00 (the level when the period began); change −0.40 pp.
    expect(repo.latest?.sha).toBe('c4');
    expect(repo.baseline?.sha).toBe('c0');
    expect(repo.change).toBe(-0.4);
  });

  it('has no value and no change in a week without a covered commit, and compares the next week with the last known point', () => {
    const sparse = coverageMetrics([api[0]!, api[1]!, api[5]!], period, berlin).repositories[0]!;
    expect(sparse.weekly.map((w) => [w.week, w.value.pct, w.value.level, w.value.change])).toEqual([
      ['2026-W45', 80.5, 80.5, 0.5],
      ['2026-W46', null, 80.5, null],
      ['2026-W47', 79.6, 79.6, -0.9], // 79.60 − 80.50 (c1, two weeks back)
    ]);
  });

  it('takes a repository’s first point as its baseline when it was first covered in the period', () => {
    const webRepo = result.repositories.find((r) => r.repoId === 2)!;
    // Coveralls: 60.0 then 61.0: change +1.0 pp from the first point.
    expect(webRepo.points.map((p) => [p.pct, p.source])).toEqual([[60, 'coveralls'], [61, 'coveralls']]);
    expect(webRepo.baseline?.sha).toBe('d1');
    expect(webRepo.change).toBe(1);
    expect(webRepo.weekly[0]!.value.change).toBeNull(); // nothing to compare with
  });
});

describe('coverage over all repositories (each repository weighs the same)', () => {
  const { overall } = coverageMetrics([...api, ...web], period, berlin);

  it('averages the repositories’ latest values and changes', () => {
    // latest: (79.60 + 61.00) / 2 = 70.30; change: (−0.40 + 1.00) / 2 = +0.30 pp.
    expect(overall.latest).toBe(70.3);
    expect(overall.latestLevels.map((l) => [l.repoId, l.point.sha])).toEqual([[1, 'c4'], [2, 'd2']]);
    expect(overall.change).toBe(0.3);
  });

  it('averages the repositories’ levels each week (a quiet repository keeps its level, with change 0)', () => {
    expect(overall.weekly.map((w) => [w.week, w.value.pct, w.value.change])).toEqual([
      ['2026-W45', 70.25, 0.5], //  (80.50 + 60.00) / 2; change: api +0.50 (web has nothing before)
      ['2026-W46', 70.1, -0.15], // (79.20 + 61.00) / 2; change: (−1.30 + 1.00) / 2
      ['2026-W47', 70.3, 0.2], //   (79.60 + 61.00) / 2; change: (+0.40 + 0) / 2
    ]);
  });

  it('collects the repositories’ drops and points', () => {
    expect(overall.drops.map((d) => [d.repoId, d.week, d.change])).toEqual([[1, '2026-W46', -1.3]]);
    expect(overall.points.map((p) => p.sha)).toEqual(['c1', 'd1', 'c2', 'c3', 'd2', 'c4']);
  });
});

describe('points from artifacts, and commits that land in the same second', () => {
  it('uses artifact results for commits without a status, and orders a rebase-merge by ancestry', () => {
    // A rebase-merge lands r1 ← r2 ← r3 in the same second; given in another order, the child stays last.
    const at = '2026-11-05T10:00:00Z';
    const commits = [
      commit({ sha: 'r3', at, parents: ['r2'] }),
      commit({ sha: 'r1', at, parents: ['base'] }),
      commit({ sha: 'r2', at, parents: ['r1'] }),
    ];
    const artifacts = [
      { repoId: 1, sha: 'r3', pct: 74.5, source: 'lcov' },
      { repoId: 1, sha: 'r1', pct: 73, source: 'lcov' },
    ];
    const repo = coverageMetrics(commits, period, berlin, artifacts).repositories[0]!;
    expect(repo.points.map((p) => [p.sha, p.source, p.reporter])).toEqual([['r1', 'artifact', 'lcov'], ['r3', 'artifact', 'lcov']]);
    expect(repo.weekly[0]!.value.pct).toBe(74.5);
  });
});
