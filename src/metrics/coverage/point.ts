/** A coverage reading of one default-branch commit: what the trend and its members are made of. */

/** Which source of the order in docs/metrics.md#coverage-of-a-commit gave the number. */
export type CoverageSource = 'codecov' | 'coveralls' | 'check-run' | 'artifact';

export interface CoverageReading {
  /** Line coverage in percent (0–100). */
  pct: number;
  source: CoverageSource;
  /** The status context or check run name, or the artifact's format/name. */
  reporter: string;
  /** The text the percentage was read from (null for an artifact). */
  text: string | null;
}

export interface CoveragePoint extends CoverageReading {
  repoId: number;
  sha: string;
  /** Attribution time of the point. */
  committedAt: Date;
  /** ISO week of `committedAt` in the configured zone. */
  week: string;
}

/** A parsed coverage artifact of one commit (the sync downloads and parses; metrics take the result). */
export interface ArtifactCoverage {
  repoId: number;
  sha: string;
  pct: number;
  /** e.g. `istanbul`, `lcov`, `cobertura`, or the artifact's name. */
  source: string;
}
