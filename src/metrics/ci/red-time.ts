/**
 * Default-branch red time (docs/metrics.md#default-branch-red-time): per workflow, from the finish (`updatedAt`) of
 * a failing run on the default branch to the finish of the next succeeding run of that workflow
 * there. Failures in between extend the same stretch; cancelled and other runs without an outcome
 * neither start nor end one. Runs are taken in order of their finish (ties: the older run id first);
 * only runs finished at or before `now` count. A stretch still red at `now` is ongoing, with its age.
 */
import { span } from '../time';
import type { MetricOptions } from '../types';
import { isoWeekKey } from '../weeks';
import type { CiRunMember } from './run-member';

interface StretchBase {
  repoId: number;
  repo: string | null;
  workflow: string;
  branch: string;
  /** The finish of the failing run that turned the branch red. */
  startedAt: Date;
  /** Every failing run of the stretch, in order of finish. */
  failingRunIds: number[];
}

/** A closed red stretch, attributed to the period (and week) of its end. */
export interface RedStretch extends StretchBase {
  /** The finish of the succeeding run that ended it. */
  endedAt: Date;
  fixRunId: number;
  week: string;
  /** `endedAt − startedAt`. */
  seconds: number | null;
}

/** A stretch still red at `now`. */
export interface OngoingRed extends StretchBase {
  /** `now − startedAt`. */
  ageSeconds: number | null;
}

export interface RedTime {
  stretches: RedStretch[];
  ongoing: OngoingRed[];
}

/** The red stretches of one workflow's runs (any branch and outcome; the default-branch ones are picked here). */
export function redStretches(runs: readonly CiRunMember[], options: Pick<MetricOptions, 'now' | 'businessTime' | 'timeZone'>): RedTime {
  const finished = runs
    .filter((r): r is CiRunMember & { finishedAt: Date } => r.onDefaultBranch && r.outcome !== null && r.finishedAt !== null && r.finishedAt <= options.now)
    .sort((a, b) => a.finishedAt.getTime() - b.finishedAt.getTime() || a.runId - b.runId);
  const stretches: RedStretch[] = [];
  let open: StretchBase | null = null;
  for (const run of finished) {
    if (run.outcome === 'failure') {
      if (open) open.failingRunIds.push(run.runId);
      else
        open = { repoId: run.repoId, repo: run.repo, workflow: run.workflow, branch: run.branch ?? '', startedAt: run.finishedAt, failingRunIds: [run.runId] };
    } else if (open) {
      stretches.push({
        ...open,
        endedAt: run.finishedAt,
        fixRunId: run.runId,
        week: isoWeekKey(run.finishedAt, options.timeZone),
        seconds: span(open.startedAt, run.finishedAt, options).seconds,
      });
      open = null;
    }
  }
  const ongoing: OngoingRed[] = open ? [{ ...open, ageSeconds: span(open.startedAt, options.now, options).seconds }] : [];
  return { stretches, ongoing };
}
