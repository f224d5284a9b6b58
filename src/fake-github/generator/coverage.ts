/**
 * Line coverage on default-branch commits, in the three shapes the metrics read: Codecov statuses
 * (`codecov/project`, `codecov/patch`), Coveralls statuses (`coverage/coveralls`), or a check run
 * named `coverage`. Coverage is reported once CI has finished green; red commits have none, as in
 * life. The level creeps up over the window, with one big untested merge that drops it by a few
 * points around two thirds of the way through.
 */
import type { FakeCheckRun, FakeCommit, FakeCommitStatus } from '../model';
import { SECOND, iso } from './clock';
import type { RepoContext } from './context';
import type { MainCommit } from './history';
import type { MaterializedPr } from './materialize-pr';
import type { CoverageSource } from './repos';
import type { RunResult } from './workflow-runs';

function signed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits);
  if (Number(text) === 0) return value >= 0 ? `+<.${'0'.repeat(digits - 1)}1` : `-<.${'0'.repeat(digits - 1)}1`;
  return `${value >= 0 ? '+' : '-'}${text}`;
}

/** The level of the newest commit at or before t (binary search: benchmarks have long histories). */
function levelAt(levels: { at: number; level: number }[], t: number): number {
  let lo = 0;
  let hi = levels.length - 1;
  let found = levels[0]?.level ?? 50;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const point = levels[mid] as { at: number; level: number };
    if (point.at <= t) {
      found = point.level;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The line coverage reported on a default-branch commit, as the simulation wrote it. */
export interface CoverageReport {
  main: MainCommit;
  source: Exclude<CoverageSource, 'none'>;
  /** The value as reported (Codecov and the check run: 2 decimals; Coveralls: 3). */
  pct: number;
  reportedAt: number;
}

/** Adds the statuses and check runs; returns what was reported on each default-branch commit. */
export function addCoverage(ctx: RepoContext, history: MainCommit[], ci: Map<string, RunResult>, prs: MaterializedPr[]): CoverageReport[] {
  const source = ctx.profile.coverage;
  if (source === 'none') return [];
  const reports: CoverageReport[] = [];
  const rng = ctx.fork('coverage');
  const { ids, now } = ctx;
  const commits = history.slice(1);
  const dropAt = Math.floor(commits.length * 0.64);
  const slope = 5.5 / Math.max(1, commits.length);
  let level = ctx.profile.coverageStart;
  let previous: { pct: number; sha: string } | null = null;
  /** The level after each default-branch commit, oldest first, for PR heads to compare with. */
  const levels: { at: number; level: number }[] = [];

  const status = (context: string, state: FakeCommitStatus['state'], description: string, targetUrl: string, at: number): FakeCommitStatus => {
    const id = ids.next('commitStatus');
    return { nodeId: ids.nodeId('commitStatus', id), context, state, description, targetUrl, createdAt: iso(at) };
  };
  const codecovPatch = (commit: FakeCommit, project: number, at: number) => {
    const patch = Math.min(100, Math.max(0, rng.logNormal(78, 0.2)));
    commit.statuses.push(
      status(
        'codecov/patch',
        patch >= project ? 'SUCCESS' : 'FAILURE',
        `${patch.toFixed(2)}% of diff hit (target ${project.toFixed(2)}%)`,
        `https://app.codecov.io/gh/${ctx.fullName}/commit/${commit.sha}`,
        at,
      ),
    );
  };

  commits.forEach((main, i) => {
    // The level moves on every commit, reported or not: a red commit's tests still changed.
    level += slope + rng.normal() * 0.06 - (i === dropAt ? 3.6 : 0);
    level = Math.min(99, Math.max(1, level));
    levels.push({ at: main.at, level });
    const run = ci.get(main.commit.sha);
    if (run?.conclusion !== 'success' || run.finishedAt === null) return;
    const at = run.finishedAt + rng.int(20, 120) * SECOND;
    if (at > now) return;
    const pct = Math.round(level * 100) / 100;
    const delta = previous ? pct - previous.pct : 0;
    const { commit } = main;
    if (source === 'codecov') {
      const base = previous?.sha ?? (commit.parents[0] as string);
      commit.statuses.push(
        status(
          'codecov/project',
          delta < -1 ? 'FAILURE' : 'SUCCESS',
          `${pct.toFixed(2)}% (${signed(delta, 2)}%) compared to ${base.slice(0, 7)}`,
          `https://app.codecov.io/gh/${ctx.fullName}/commit/${commit.sha}`,
          at,
        ),
      );
      if (main.merged && main.merged.pr.additions > 0) codecovPatch(commit, pct, at + SECOND);
    } else if (source === 'coveralls') {
      const finer = Math.round(level * 1000) / 1000;
      const change = previous ? finer - previous.pct : 0;
      const description =
        Math.abs(change) < 0.05
          ? `Coverage remained the same at ${finer.toFixed(3)}%`
          : `Coverage ${change > 0 ? 'increased' : 'decreased'} (${change > 0 ? '+' : '-'}${Math.abs(change).toFixed(1)}%) to ${finer.toFixed(3)}%`;
      commit.statuses.push(
        status('coverage/coveralls', change < -1 ? 'FAILURE' : 'SUCCESS', description, `https://coveralls.io/builds/${rng.int(60_000_000, 79_999_999)}`, at),
      );
      reports.push({ main, source, pct: finer, reportedAt: at });
      previous = { pct: finer, sha: commit.sha };
      return;
    } else {
      const lines = 18_000 + i * 7;
      const check: FakeCheckRun = {
        id: ids.next('checkRun'),
        name: 'coverage',
        appSlug: 'github-actions',
        status: 'COMPLETED',
        conclusion: 'SUCCESS',
        startedAt: iso(at - 40 * SECOND),
        completedAt: iso(at),
        title: `Line coverage ${pct.toFixed(2)}%`,
        summary: `${Math.round((lines * pct) / 100)} of ${lines} lines covered (${pct.toFixed(2)}%), ${signed(delta, 2)} points against the previous commit.`,
      };
      commit.checkRuns.push(check);
    }
    reports.push({ main, source, pct, reportedAt: at });
    previous = { pct, sha: commit.sha };
  });

  if (source !== 'codecov') return reports;
  // Codecov also reports on each PR's latest head: patch coverage per PR comes from here.
  for (const { pr } of prs) {
    const head = pr.commits[pr.commits.length - 1];
    const run = head && ci.get(head.sha);
    if (!head || run?.conclusion !== 'success' || run.finishedAt === null) continue;
    const at = run.finishedAt + rng.int(20, 120) * SECOND;
    if (at > now) continue;
    const project = Math.round((levelAt(levels, at) - 0.5 + rng.normal() * 0.3) * 100) / 100;
    head.statuses.push(
      status(
        'codecov/project',
        'SUCCESS',
        `${project.toFixed(2)}% (${signed(rng.normal() * 0.1, 2)}%) compared to ${(head.parents[0] ?? head.sha).slice(0, 7)}`,
        `https://app.codecov.io/gh/${ctx.fullName}/pull/${pr.number}`,
        at,
      ),
    );
    codecovPatch(head, project, at + SECOND);
  }
  return reports;
}
