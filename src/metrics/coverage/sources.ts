/**
 * Per default-branch commit, line coverage from the first source that has it
 * (docs/metrics.md#coverage-of-a-commit):
 *   1. a commit status or check run from Codecov (`codecov/project`) or Coveralls (`coverage/coveralls`):
 *      the percentage in the status description or check run title;
 *   2. a check run whose name matches `coverage`, with a percentage in its output title or summary;
 *   3. a coverage artifact of a workflow run (parsed by the sync, see parse-*.ts).
 * Within source 1, Codecov comes before Coveralls. Within one source, the most recent report that
 * carries a percentage wins (a tool that reports twice on a commit, e.g. after a re-upload, replaces
 * its number; a later report without a number, e.g. `Waiting for CI`, does not erase it); a check
 * run's time is its `completedAt` (none: older than any completed one). A status's state (success or
 * failure against a target) does not matter: the number is the coverage either way.
 */
import type { CommitRecord } from '../records';
import { firstPercentage } from './percent';
import type { ArtifactCoverage, CoverageReading } from './point';

type Status = CommitRecord['statuses'][number];
type CheckRun = CommitRecord['checkRuns'][number];

interface Candidate {
  at: number;
  order: number;
  reading: CoverageReading;
}

/** The most recent candidate; on equal times the later in the record. */
function latest(candidates: Candidate[]): CoverageReading | null {
  let best: Candidate | null = null;
  for (const c of candidates) if (!best || c.at > best.at || (c.at === best.at && c.order > best.order)) best = c;
  return best?.reading ?? null;
}

const checkTime = (run: CheckRun) => run.completedAt?.getTime() ?? Number.NEGATIVE_INFINITY;

/** A status with `context` or a check run named `context` (exact, case-insensitive): its description or title. */
function fromReporter(commit: CommitRecord, context: string, source: CoverageReading['source']): CoverageReading | null {
  const candidates: Candidate[] = [];
  commit.statuses.forEach((s: Status, order) => {
    const pct = s.context.toLowerCase() === context ? firstPercentage(s.description) : null;
    if (pct !== null) candidates.push({ at: s.createdAt.getTime(), order, reading: { pct, source, reporter: s.context, text: s.description } });
  });
  commit.checkRuns.forEach((r: CheckRun, order) => {
    const pct = r.name.toLowerCase() === context ? firstPercentage(r.title) : null;
    if (pct !== null) candidates.push({ at: checkTime(r), order: commit.statuses.length + order, reading: { pct, source, reporter: r.name, text: r.title } });
  });
  return latest(candidates);
}

export function fromCoverageService(commit: CommitRecord): CoverageReading | null {
  return fromReporter(commit, 'codecov/project', 'codecov') ?? fromReporter(commit, 'coverage/coveralls', 'coveralls');
}

/** Source 2: a check run whose name contains `coverage` (case-insensitive); its title, else its summary. */
export function fromCoverageCheckRun(commit: CommitRecord): CoverageReading | null {
  const candidates: Candidate[] = [];
  commit.checkRuns.forEach((r, order) => {
    if (!/coverage/i.test(r.name)) return;
    const titlePct = firstPercentage(r.title);
    const [pct, text] = titlePct !== null ? [titlePct, r.title] : [firstPercentage(r.summary), r.summary];
    if (pct !== null) candidates.push({ at: checkTime(r), order, reading: { pct, source: 'check-run', reporter: r.name, text } });
  });
  return latest(candidates);
}

/** Artifact results by `repoId:sha`, the first valid one (0–100) per commit (the sync passes one per commit). */
export type ArtifactIndex = ReadonlyMap<string, ArtifactCoverage>;

export function indexArtifacts(artifacts: readonly ArtifactCoverage[]): ArtifactIndex {
  const index = new Map<string, ArtifactCoverage>();
  for (const a of artifacts) {
    const key = `${a.repoId}:${a.sha}`;
    if (!index.has(key) && Number.isFinite(a.pct) && a.pct >= 0 && a.pct <= 100) index.set(key, a);
  }
  return index;
}

/** Source 3: a coverage artifact of a workflow run on the commit. */
export function fromArtifacts(commit: Pick<CommitRecord, 'repoId' | 'sha'>, artifacts: ArtifactIndex): CoverageReading | null {
  const found = artifacts.get(`${commit.repoId}:${commit.sha}`);
  return found ? { pct: found.pct, source: 'artifact', reporter: found.source, text: null } : null;
}

export function readCommitCoverage(commit: CommitRecord, artifacts: ArtifactIndex = new Map()): CoverageReading | null {
  return fromCoverageService(commit) ?? fromCoverageCheckRun(commit) ?? fromArtifacts(commit, artifacts);
}
