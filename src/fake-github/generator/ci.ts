/**
 * The `CI` workflow: one run per push to a PR (event pull_request, on the pushed head) and one per
 * commit on the default branch (event push). Mostly green; red, flaky (failed then re-run green),
 * cancelled (superseded by a newer push), timed-out and startup failures mixed in at realistic rates.
 * A red stretch on api's default branch ends with the direct push that fixes it (history.ts).
 */
import type { FakeWorkflowRun } from '../model';
import { HOUR, SECOND } from './clock';
import type { RepoContext } from './context';
import type { MainCommit } from './history';
import type { MaterializedPr } from './materialize-pr';
import { type Outcome, type RunFacts, type RunPlan, type RunResult, buildRun } from './workflow-runs';

export interface CiOutput {
  runs: FakeWorkflowRun[];
  /** By head sha: what CI concluded, for deployments (only green commits ship) and coverage. */
  results: Map<string, RunResult>;
  /** Every run as the simulation knows it, for the truth. */
  facts: RunFacts[];
}

const OUTCOMES: [Outcome, number][] = [
  ['success', 88],
  ['failure', 5.5],
  ['flaky', 4],
  ['flaky3', 0.6],
  ['rerunFailing', 0.8],
  ['timed_out', 0.3],
  ['startup_failure', 0.3],
];

export function ciRuns(ctx: RepoContext, prs: MaterializedPr[], history: MainCommit[]): CiOutput {
  const rng = ctx.fork('ci');
  const workflowId = ctx.ids.next('workflow');
  const base = { workflowId, name: 'CI', path: '.github/workflows/ci.yml', medianMinutes: ctx.profile.ciMinutes, timeoutMinutes: 30 };
  const plans: RunPlan[] = [];

  for (const { pr, pushes, story } of prs) {
    // pull_request runs start when the PR exists: the pushes before opening share one run.
    const created = pushes.map((p) => Math.max(p.at, story.createdAt) + rng.int(2, 15) * SECOND);
    pushes.forEach((push, i) => {
      const next = created[i + 1];
      plans.push({
        ...base,
        headBranch: pr.headRef,
        headSha: push.sha,
        event: 'pull_request',
        createdAt: created[i] as number,
        outcome: rng.weighted(OUTCOMES),
        supersededAt: next ?? null,
      });
    });
  }
  history.slice(1).forEach((main, i, commits) => {
    const fixing = commits.slice(i + 1, i + 3).some((c) => c.fixesRed);
    plans.push({
      ...base,
      headBranch: ctx.profile.defaultBranch,
      headSha: main.commit.sha,
      event: 'push',
      createdAt: main.at + rng.int(2, 10) * SECOND,
      // The two commits before the fix are red: a broken test merged, then another merge on top.
      outcome: main.fixesRed ? 'success' : fixing ? 'failure' : rng.weighted(OUTCOMES),
      supersededAt: null,
    });
  });

  // Pin one flaky run and one timed-out run at fixed points, whatever the dice said elsewhere.
  plans.sort((a, b) => a.createdAt - b.createdAt);
  const pinnable = plans.filter((p) => p.supersededAt === null && p.outcome === 'success' && p.createdAt < ctx.now - 6 * HOUR);
  const flaky = pinnable[Math.floor(pinnable.length * 0.37)];
  const timedOut = pinnable[Math.floor(pinnable.length * 0.58)];
  if (flaky) flaky.outcome = 'flaky';
  if (timedOut && timedOut !== flaky) timedOut.outcome = 'timed_out';

  const runs: FakeWorkflowRun[] = [];
  const results = new Map<string, RunResult>();
  const facts: RunFacts[] = [];
  for (const plan of plans) {
    const built = buildRun(rng, plan, ctx.now);
    if (!built) continue;
    runs.push(built.run);
    results.set(plan.headSha, built.result);
    facts.push(built.facts);
  }
  return { runs, results, facts };
}
