/**
 * Test coverage (docs/metrics.md#test-coverage): the mean over repositories of each one's last
 * covered default-branch commit before the period's end; its change compares the same repositories.
 */
import type { MetricKey } from '@/metrics/catalogue';
import type { CoveragePoint } from '@/metrics/coverage/point';
import type { MemberRow } from '../metric-view.types';
import type { MetricEntry } from './metric-entry';

function coverageRows(points: CoveragePoint[], repoNames: ReadonlyMap<number, string>, latest: ReadonlySet<CoveragePoint>): MemberRow[] {
  return points.map((p) => {
    const repo = repoNames.get(p.repoId) ?? '';
    return {
      id: `${p.repoId}:${p.sha}`,
      counted: latest.has(p),
      value: p.pct,
      cells: { repo, sha: p.sha.slice(0, 7), committedAt: p.committedAt, pct: p.pct, source: p.source, reporter: p.reporter, latest: latest.has(p) },
      github: { repo, path: `commit/${p.sha}` },
    };
  });
}

export const COVERAGE_ENTRIES = {
  coverage: {
    shownIn: { overview: 9, report: 10, reportByRepository: 7 },
    levels: (c) => c.coverage.overall.latestLevels,
    view: (c, _options, repoNames) => {
      const o = c.coverage.overall;
      const latest = new Set(o.latestLevels.map((l) => l.point));
      // The period's points, then each repository's level from before the period that still counts.
      const shown = [...o.points, ...o.latestLevels.map((l) => l.point).filter((p) => !o.points.includes(p))];
      return {
        headline: { kind: 'level', value: o.latest, p75: null, p90: null, n: o.latestLevels.length, numerator: null, denominator: null },
        weekly: o.weekly.map((w) => ({ week: w.week, start: w.start, partial: w.partial, value: w.value.pct, n: w.value.levels.length })),
        columns: [
          { key: 'repo', label: 'Repository', kind: 'text' },
          { key: 'sha', label: 'Commit', kind: 'text' },
          { key: 'committedAt', label: 'Committed', kind: 'date' },
          { key: 'pct', label: 'Coverage', kind: 'percent' },
          { key: 'source', label: 'Source', kind: 'text' },
          { key: 'reporter', label: 'Reported by', kind: 'text' },
          { key: 'latest', label: "Repository's level", kind: 'boolean' },
        ],
        rows: () => coverageRows(shown, repoNames, latest),
      };
    },
  },
} satisfies Partial<Record<MetricKey, MetricEntry>>;
