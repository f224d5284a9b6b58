/**
 * Test coverage per repository and over all of them (docs/metrics.md#test-coverage).
 *
 * Per repository: the points (one per covered default-branch commit), the weekly trend (last point
 * of each week), the latest value, the change over the period and the week-over-week drops.
 *
 * Over all repositories (docs/metrics.md#all-repositories; the contract does not say; percentages of different codebases cannot be
 * pooled without line counts, which statuses do not give): every repository weighs the same. The
 * overall value is the mean of the repositories' levels (each one's last point before the instant),
 * over the repositories that have one; the overall change is the mean of the repositories' changes,
 * so a repository covered for the first time moves the level but not the change. Overall drops are
 * the repositories' drops (the dashboard names the repository).
 */
import type { CommitRecord } from '../records';
import { weekly } from '../aggregate';
import type { MetricOptions, Period, WeekPoint } from '../types';
import { isoWeekKey } from '../weeks';
import { chronological } from './order';
import { clean } from './percent';
import type { ArtifactCoverage, CoveragePoint } from './point';
import { indexArtifacts, readCommitCoverage } from './sources';
import { DEFAULT_DROP_THRESHOLD, coverageTrend, type CoverageDrop, type CoverageTrend } from './trend';

export interface CoverageSettings {
  /** A week whose value is at least this many pp below the level before it is a drop. Default 1. */
  dropThreshold?: number;
}

export interface RepositoryCoverage extends CoverageTrend {
  repoId: number;
}

export interface RepositoryLevel {
  repoId: number;
  /** The repository's last point before the instant. */
  point: CoveragePoint;
}

export interface OverallCoverageWeek {
  /** Mean of the repositories' levels at the week's end (cut at the period's end); null when none has one. */
  pct: number | null;
  levels: RepositoryLevel[];
  /** Mean over repositories with a level at both ends of the week of their level change, in pp. */
  change: number | null;
}

export interface OverallCoverage {
  /** Every repository's points in the period, in landing order. */
  points: CoveragePoint[];
  weekly: WeekPoint<OverallCoverageWeek>[];
  /** Mean of the repositories' latest values. */
  latest: number | null;
  latestLevels: RepositoryLevel[];
  /** Mean of the repositories' changes over the period, in pp. */
  change: number | null;
  /** The repositories' drops, by week, then by size (largest first). */
  drops: CoverageDrop[];
}

export interface CoverageMetrics {
  /** Repositories with at least one covered commit, by id. */
  repositories: RepositoryCoverage[];
  overall: OverallCoverage;
}

const mean = (values: readonly number[]) => (values.length ? clean(values.reduce((a, b) => a + b, 0) / values.length) : null);

/** One point per covered commit: every commit's first source that has a number. */
export function coveragePoints(commits: readonly CommitRecord[], options: Pick<MetricOptions, 'timeZone'>, artifacts: readonly ArtifactCoverage[] = []): CoveragePoint[] {
  const index = indexArtifacts(artifacts);
  return chronological(commits).flatMap((commit) => {
    const reading = readCommitCoverage(commit, index);
    return reading ? [{ repoId: commit.repoId, sha: commit.sha, committedAt: commit.committedAt, week: isoWeekKey(commit.committedAt, options.timeZone), ...reading }] : [];
  });
}

export function coverageMetrics(
  commits: CommitRecord[],
  period: Period,
  options: MetricOptions,
  artifacts: readonly ArtifactCoverage[] = [],
  settings: CoverageSettings = {},
): CoverageMetrics {
  return coverageFromPoints(coveragePoints(commits, options, artifacts), period, options, settings);
}

/** The coverage numbers of a period from the points (coveragePoints, computed once per query). */
export function coverageFromPoints(points: readonly CoveragePoint[], period: Period, options: MetricOptions, settings: CoverageSettings = {}): CoverageMetrics {
  const threshold = settings.dropThreshold ?? DEFAULT_DROP_THRESHOLD;
  const byRepo = new Map<number, CoveragePoint[]>();
  for (const p of points) {
    const list = byRepo.get(p.repoId);
    if (list) list.push(p);
    else byRepo.set(p.repoId, [p]);
  }
  const repositories = [...byRepo.entries()]
    .sort(([a], [b]) => a - b)
    .map(([repoId, repoPoints]): RepositoryCoverage => ({ repoId, ...coverageTrend(repoPoints, period, options, threshold) }));

  const latestLevels = repositories.flatMap((r) => (r.latest ? [{ repoId: r.repoId, point: r.latest }] : []));
  const overallWeeks = overallWeekly(repositories, period, options);
  const drops = repositories
    .flatMap((r) => r.drops)
    .sort((a, b) => a.start.getTime() - b.start.getTime() || a.change - b.change || a.repoId - b.repoId);
  return {
    repositories,
    overall: {
      points: repositories.flatMap((r) => r.points).sort((a, b) => a.committedAt.getTime() - b.committedAt.getTime()),
      weekly: overallWeeks,
      latest: mean(latestLevels.map((l) => l.point.pct)),
      latestLevels,
      change: mean(repositories.flatMap((r) => (r.change === null ? [] : [r.change]))),
      drops,
    },
  };
}

/** Each week from the repositories' same week: the mean of their levels and of their changes. */
function overallWeekly(repositories: readonly RepositoryCoverage[], period: Period, options: Pick<MetricOptions, 'now' | 'timeZone'>): WeekPoint<OverallCoverageWeek>[] {
  const byWeek = repositories.map((r) => ({ repoId: r.repoId, weeks: new Map(r.weekly.map((w) => [w.week, w.value])) }));
  return weekly<never, OverallCoverageWeek>([], period, options, () => null, (_none, week) => {
    const key = isoWeekKey(week.from, options.timeZone);
    const values = byWeek.flatMap(({ repoId, weeks }) => {
      const value = weeks.get(key);
      return value ? [{ repoId, value }] : [];
    });
    const levels = values.flatMap(({ repoId, value }) => {
      const point = value.last ?? value.previous;
      return point ? [{ repoId, point }] : [];
    });
    // A repository with a level before the week and no point in it did not move: its change is 0.
    const changes = values.flatMap(({ value }) => (value.previous === null ? [] : [value.change ?? 0]));
    return { pct: mean(levels.map((l) => l.point.pct)), levels, change: mean(changes) };
  });
}
