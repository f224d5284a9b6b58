/**
 * The change of coverage over several repositories (docs/metrics.md#all-repositories): the mean of
 * the per-repository changes over the repositories with a level at both ends, so the change compares
 * the same repositories. A repository with a level at one end only (first covered since, or no longer
 * loaded) is left out of the change and named: comparing the means of two different sets would
 * report a repository joining at 65 % as everyone's coverage falling.
 */
import { clean } from './percent';
import type { RepositoryLevel } from './coverage-metrics';

export interface CoverageChange {
  /** Mean of `after − before` over the repositories with a level at both ends, in pp; null when none has both. */
  change: number | null;
  /** The repositories compared, by id. */
  compared: number[];
  /** The repositories with a level at one end only, by id: left out of the change. */
  leftOut: number[];
}

/** Repository id → level (percent). */
export type Levels = ReadonlyMap<number, number>;

/** The repositories' levels at an instant (a period's `latestLevels`). */
export function levelsOf(levels: readonly RepositoryLevel[]): Levels {
  return new Map(levels.map((l) => [l.repoId, l.point.pct]));
}

/** Each repository's mean level over several instants (e.g. four weeks' ends), over those where it has one. */
export function meanLevels(instants: readonly (readonly RepositoryLevel[])[]): Levels {
  const sums = new Map<number, { sum: number; n: number }>();
  for (const levels of instants) {
    for (const l of levels) {
      const s = sums.get(l.repoId) ?? { sum: 0, n: 0 };
      sums.set(l.repoId, { sum: s.sum + l.point.pct, n: s.n + 1 });
    }
  }
  return new Map([...sums].map(([id, s]) => [id, s.sum / s.n]));
}

export function coverageChange(before: Levels, after: Levels): CoverageChange {
  const compared = [...after.keys()].filter((id) => before.has(id)).sort((a, b) => a - b);
  const leftOut = [...new Set([...before.keys(), ...after.keys()])].filter((id) => !(before.has(id) && after.has(id))).sort((a, b) => a - b);
  const changes = compared.map((id) => after.get(id)! - before.get(id)!);
  return { change: changes.length ? clean(changes.reduce((a, b) => a + b, 0) / changes.length) : null, compared, leftOut };
}
