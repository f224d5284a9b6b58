/**
 * Coverage's change over several repositories compares the same repositories
 * (docs/metrics.md#all-repositories): the mean of the per-repository changes over those with a
 * level at both ends, naming the others. Worked by hand; the dashboard card reads the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/config/env';
import { coverageChange, levelsOf, meanLevels } from '@/metrics/coverage/coverage-change';
import { coverageMetrics } from '@/metrics/coverage/coverage-metrics';
import { DEFAULT_OPTIONS } from '@/metrics/types';
import { metricSettings } from '@/server/metric-settings';
import { computeMetrics, deriveDeliveryFacts } from '@/server/services/metrics/compute-metrics';
import type { MetricRecords } from '@/server/services/metrics/load-metric-records';
import { metricCard } from '@/server/services/metrics/metric-cards';
import { codecov, t } from './build-commits';

const W44 = { from: t('2026-10-26T00:00:00Z'), to: t('2026-11-02T00:00:00Z') };
const W45 = { from: t('2026-11-02T00:00:00Z'), to: t('2026-11-09T00:00:00Z') };
const options = { ...DEFAULT_OPTIONS, now: t('2026-11-10T00:00:00Z') };
const [API, WEB] = [1, 2];

// api: 78.00 % in W44, 81.00 % in W45. web: first covered in W45, at 65.40 %.
const commits = [
  codecov({ repoId: API, sha: 'a1', at: '2026-10-28T12:00:00Z', pct: '78.00' }),
  codecov({ repoId: API, sha: 'a2', at: '2026-11-05T12:00:00Z', pct: '81.00' }),
  codecov({ repoId: WEB, sha: 'w1', at: '2026-11-06T12:00:00Z', pct: '65.40' }),
];

describe('coverage change over several repositories', () => {
  const before = levelsOf(coverageMetrics(commits, W44, options).overall.latestLevels);
  const after = levelsOf(coverageMetrics(commits, W45, options).overall.latestLevels);

  it('compares only the repositories with a level in both weeks, and names the one left out', () => {
    // Levels: W44 api 78; W45 api 81, web 65.4. Same repositories: api, 81 − 78 = +3 pp.
    // (The means of the two sets, (81 + 65.4) / 2 = 73.2 and 78, would say −4.8 pp.)
    expect(coverageChange(before, after)).toEqual({ change: 3, compared: [API], leftOut: [WEB] });
  });

  it('leaves out a repository that has a level only before, too', () => {
    // Reversed: web has a level at the start only; api 81 → 78 = −3 pp.
    expect(coverageChange(after, before)).toEqual({ change: -3, compared: [API], leftOut: [WEB] });
  });

  it('has no change when no repository has a level at both ends', () => {
    expect(coverageChange(new Map(), after)).toEqual({ change: null, compared: [], leftOut: [API, WEB] });
  });

  it('is the mean of the per-repository changes over several compared repositories', () => {
    // api 78 → 81 (+3); web 65.4 → 64.9 (−0.5): (3 − 0.5) / 2 = +1.25 pp.
    const more = [...commits, codecov({ repoId: WEB, sha: 'w0', at: '2026-10-27T12:00:00Z', pct: '65.40' }), codecov({ repoId: WEB, sha: 'w2', at: '2026-11-07T12:00:00Z', pct: '64.90' })];
    const change = coverageChange(levelsOf(coverageMetrics(more, W44, options).overall.latestLevels), levelsOf(coverageMetrics(more, W45, options).overall.latestLevels));
    expect(change).toEqual({ change: 1.25, compared: [API, WEB], leftOut: [] });
  });

  it('against several weeks, compares each repository with its own mean level over them', () => {
    // Weeks W43 and W44: api is at 77.00 (from 21 Oct) then 78.00; web has no level. api's mean 77.5,
    // so against W45 api changed 81 − 77.5 = +3.5 pp; web (only in W45) is left out.
    const earlier = [...commits, codecov({ repoId: API, sha: 'a0', at: '2026-10-21T12:00:00Z', pct: '77.00' })];
    const W43 = { from: t('2026-10-19T00:00:00Z'), to: W44.from };
    const mean = meanLevels([W43, W44].map((w) => coverageMetrics(earlier, w, options).overall.latestLevels));
    expect([...mean]).toEqual([[API, 77.5]]);
    expect(coverageChange(mean, after)).toEqual({ change: 3.5, compared: [API], leftOut: [WEB] });
  });

  it('the dashboard card shows the same change and names the repository left out', () => {
    const records: MetricRecords = {
      repositories: [
        { id: API, fullName: 'acme/api', defaultBranch: 'main' },
        { id: WEB, fullName: 'acme/web', defaultBranch: 'main' },
      ],
      pullRequests: [],
      githubDeployments: [],
      releases: [],
      incidents: [],
      workflowRuns: [],
      commits,
      artifacts: [],
    };
    const settings = metricSettings(loadConfig({}));
    const facts = deriveDeliveryFacts(records, settings);
    const repoNames = new Map(records.repositories.map((r) => [r.id, r.fullName]));
    const card = metricCard('coverage', computeMetrics(records, facts, W45, options, settings), computeMetrics(records, facts, W44, options, settings), { scope: { options }, repoNames });
    // The level is every repository's: (81 + 65.4) / 2 = 73.2 %; the previous period's, api's 78 %.
    expect(card.headline.value).toBeCloseTo(73.2, 12);
    expect(card).toMatchObject({ previous: 78, change: 3, changeLeftOut: ['acme/web'], improved: true });
  });
});
