/**
 * CI health (docs/metrics.md#ci-health-github-actions), org-wide and per workflow (repository + workflow name).
 *
 * - success rate = success / (success + failure + timed_out + startup_failure), latest attempt per run
 * - flaky rate = runs whose latest attempt succeeded after an earlier attempt failed / runs with an outcome
 * - duration = `updatedAt − runStartedAt` of the latest attempt; queue time = `runStartedAt − createdAt`
 * - default-branch red time, per workflow, attributed to the period of its end
 *
 * Runs are attributed to the period of their `createdAt` (see run-member.ts for why).
 */
import type { WorkflowRunRecord } from '../records';
import { inPeriod } from '../time';
import type { MetricOptions, Period } from '../types';
import { redStretches, type RedTime } from './red-time';
import { toRunMember, type CiRunMember } from './run-member';
import { ciSummary, type CiSummary } from './summary';

export interface CiContext {
  defaultBranchByRepo: ReadonlyMap<number, string>;
  /** `owner/name` by repository id, so members can name their repository (optional). */
  repoNames?: ReadonlyMap<number, string>;
}

export interface WorkflowHealth extends CiSummary {
  repoId: number;
  repo: string | null;
  workflow: string;
}

export interface CiHealth {
  overall: CiSummary;
  /** Workflows with a run in the period, a red stretch that ended in it, or one still red at `now`; by repository, then name. */
  workflows: WorkflowHealth[];
  /** Runs of the period with a negative duration or queue time (left out of those aggregates). */
  anomalies: CiRunMember[];
}

/** Every run as a member, grouped per workflow with its red stretches: what does not depend on the period. */
export interface PreparedCi {
  members: CiRunMember[];
  workflows: { repoId: number; repo: string | null; workflow: string; runs: CiRunMember[]; red: RedTime }[];
  red: RedTime;
}

export function prepareCi(runs: readonly WorkflowRunRecord[], options: MetricOptions, context: CiContext): PreparedCi {
  const members = runs.map((run) => toRunMember(run, options, context));
  const groups = new Map<string, CiRunMember[]>();
  for (const member of members) {
    const key = `${member.repoId}\u0000${member.workflow}`;
    const group = groups.get(key);
    if (group) group.push(member);
    else groups.set(key, [member]);
  }
  const all: RedTime = { stretches: [], ongoing: [] };
  const workflows: PreparedCi['workflows'] = [];
  for (const group of groups.values()) {
    const red = redStretches(group, options);
    all.stretches.push(...red.stretches);
    all.ongoing.push(...red.ongoing);
    const [first] = group as [CiRunMember];
    workflows.push({ repoId: first.repoId, repo: first.repo, workflow: first.workflow, runs: group, red });
  }
  workflows.sort((a, b) => (a.repo ?? '').localeCompare(b.repo ?? '') || a.repoId - b.repoId || a.workflow.localeCompare(b.workflow));
  all.stretches.sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime() || a.fixRunId - b.fixRunId);
  all.ongoing.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return { members, workflows, red: all };
}

export function summariseCi(prepared: PreparedCi, period: Period, options: MetricOptions): CiHealth {
  const workflows: WorkflowHealth[] = [];
  for (const w of prepared.workflows) {
    const summary = ciSummary(w.runs, w.red, period, options);
    if (summary.runs === 0 && summary.redTime.stretches.members.length === 0 && w.red.ongoing.length === 0) continue;
    workflows.push({ repoId: w.repoId, repo: w.repo, workflow: w.workflow, ...summary });
  }
  const overall = ciSummary(prepared.members, prepared.red, period, options);
  const anomalies = prepared.members.filter((m) => m.anomalies.length > 0 && inPeriod(m.at, period));
  return { overall, workflows, anomalies };
}

export function ciHealth(runs: WorkflowRunRecord[], period: Period, options: MetricOptions, context: CiContext): CiHealth {
  return summariseCi(prepareCi(runs, options, context), period, options);
}
