import { describe, expect, it } from 'vitest';
import { patchCoverage, type PullRequestHeadReports } from '@/metrics/coverage/patch';
import { status, t } from './build-commits';

const pr = (number: number, mergedAt: string | null, statuses: PullRequestHeadReports['statuses']): PullRequestHeadReports => ({
  pullRequestId: 100 + number,
  repoId: 1,
  repo: 'acme/api',
  number,
  headSha: `head${number}`,
  mergedAt: mergedAt ? t(mergedAt) : null,
  statuses,
  checkRuns: [],
});

describe('patch coverage per pull request (codecov/patch on its head)', () => {
  const period = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') };
  const prs = [
    pr(1, '2026-11-03T12:00:00Z', [
      status('codecov/project', '57.42% (+<.01%) compared to 559fe9e', '2026-11-03T10:00:00Z'),
      status('codecov/patch', '60.00% of diff hit (target 57.42%)', '2026-11-03T10:00:01Z'),
      // A later push's report on the same head replaces it.
      status('codecov/patch', '85.71% of diff hit (target 57.42%)', '2026-11-03T11:00:01Z'),
    ]),
    pr(2, '2026-11-04T12:00:00Z', [status('codecov/patch', '100.00% of diff hit (target 57.42%)', '2026-11-04T10:00:00Z')]),
    pr(3, '2026-11-05T12:00:00Z', [status('codecov/patch', 'Coverage not affected when comparing 559fe9e...a1b2c3d', '2026-11-05T10:00:00Z')]),
    pr(4, null, [status('codecov/patch', '10.00% of diff hit (target 57.42%)', '2026-11-05T10:00:00Z')]), // open: left out
    pr(5, '2026-11-10T12:00:00Z', [status('codecov/patch', '20.00% of diff hit (target 57.42%)', '2026-11-10T10:00:00Z')]), // merged after the period
  ];

  it('takes the latest codecov/patch with a number, over PRs merged in the period', () => {
    const result = patchCoverage(prs, period);
    expect(result.members.map((m) => [m.number, m.pct])).toEqual([[1, 85.71], [2, 100], [3, null]]);
    // Values 85.71 and 100 (PR 3 has none): p50 = (85.71 + 100) / 2 = 92.855.
    expect(result.value.n).toBe(2);
    expect(result.value.p50).toBeCloseTo(92.855, 9);
  });
});
