/**
 * The `Deploy` workflow of a repository without GitHub Deployments (DORA source 2): every push to
 * the default branch deploys it. A failed deploy is sometimes re-run (the latest attempt decides the
 * outcome) and one failure is pinned so change failure rate and recovery time have data.
 */
import { HOUR, SECOND } from './clock';
import type { RepoContext } from './context';
import type { MainCommit } from './history';
import { type Outcome, type RunFacts, type RunPlan, buildRun } from './workflow-runs';

/** A Deploy run with the default-branch commit it deployed (which carries every merge before it). */
export interface DeployRun {
  main: MainCommit;
  /** The run (`facts.run`) and what the simulation knows of it. */
  facts: RunFacts;
}

export function deployWorkflowRuns(ctx: RepoContext, history: MainCommit[]): DeployRun[] {
  const rng = ctx.fork('deploy-workflow');
  const workflowId = ctx.ids.next('workflow');
  const plans: (RunPlan & { main: MainCommit })[] = history.slice(1).map((main) => ({
    main,
    workflowId,
    name: 'Deploy',
    path: '.github/workflows/deploy.yml',
    headBranch: ctx.profile.defaultBranch,
    headSha: main.commit.sha,
    event: 'push',
    createdAt: main.at + rng.int(3, 20) * SECOND,
    outcome: rng.weighted<Outcome>([
      ['success', 91],
      ['failure', 5],
      ['flaky', 3],
      ['timed_out', 0.5],
    ]),
    medianMinutes: 4,
    timeoutMinutes: 20,
    supersededAt: null,
  }));
  const settled = plans.filter((p) => p.createdAt < ctx.now - 6 * HOUR);
  const pinned = settled[Math.floor(settled.length * 0.45)];
  if (pinned) pinned.outcome = 'failure';
  return plans.flatMap(({ main, ...plan }) => {
    const built = buildRun(rng, plan, ctx.now);
    return built ? [{ main, facts: built.facts }] : [];
  });
}
