/**
 * The change of coverage over several repositories between two instants (docs/metrics.md#all-repositories):
 * the mean of the per-repository changes over the repositories with a level at both, so the change
 * compares the same repositories. A repository with a level at one end only (first covered since,
 * or no longer loaded) is left out of the change and named: comparing the mean of two different
 * sets would report a repository joining at 65 % as everyone's coverage falling.
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

export function coverageChange(before: readonly RepositoryLevel[], after: readonly RepositoryLevel[]): CoverageChange {
  const earlier = new Map(before.map((l) => [l.repoId, l.point.pct]));
  const later = new Map(after.map((l) => [l.repoId, l.point.pct]));
  const compared = [...later.keys()].filter((id) => earlier.has(id)).sort((a, b) => a - b);
  const leftOut = [...new Set([...earlier.keys(), ...later.keys()])].filter((id) => !(earlier.has(id) && later.has(id))).sort((a, b) => a - b);
  const changes = compared.map((id) => later.get(id)! - earlier.get(id)!);
  return { change: changes.length ? clean(changes.reduce((a, b) => a + b, 0) / changes.length) : null, compared, leftOut };
}
