/**
 * GitHub Deployments (DORA source 1). Every green default-branch commit goes to `staging` (which the
 * metrics must ignore); `production` is deployed from the latest green commit twice a working day,
 * plus right after a hotfix merge (once its CI is green). Statuses are oldest first: queued → in_progress → success or
 * failure. A failed production deploy is redeployed within the hour; when a deploy succeeds the
 * previous successful one in that environment gets `inactive` (GitHub's auto_inactive).
 */
import type { FakeDeployment, FakeDeploymentStatus } from '../model';
import { Clock, DAY, HOUR, MINUTE, SECOND, isWeekday, iso } from './clock';
import type { RepoContext } from './context';
import type { MainCommit } from './history';
import { BOT } from './people';
import type { RunResult } from './workflow-runs';

/** A production deployment as the simulation ran it: the commit it shipped and how it ended. */
export interface ProductionDeploy {
  deployment: FakeDeployment;
  main: MainCommit;
  /** When its success or failure status was posted; null: still running at `now`. */
  finishedAt: number | null;
  failed: boolean;
}

export interface DeploymentsOutput {
  deployments: FakeDeployment[];
  /** Finish times of successful production deployments, oldest first (incidents close after one). */
  productionSuccesses: number[];
  /** Every production deployment, in the order they were made, for the truth. */
  production: ProductionDeploy[];
}

export function githubDeployments(ctx: RepoContext, history: MainCommit[], ci: Map<string, RunResult>, hotfixMerges: number[]): DeploymentsOutput {
  const rng = ctx.fork('deployments');
  const clock = new Clock(rng, 0);
  const { ids, now } = ctx;
  // Only commits whose CI finished green are deployable, from the moment CI finished.
  const green = history
    .slice(1)
    .flatMap((c) => {
      const r = ci.get(c.commit.sha);
      return r?.conclusion === 'success' && r.finishedAt !== null ? [{ main: c, readyAt: r.finishedAt }] : [];
    })
    .sort((a, b) => a.readyAt - b.readyAt);

  const deployments: FakeDeployment[] = [];
  const lastSuccess = new Map<string, FakeDeployment>();
  const productionSuccesses: number[] = [];
  const production: ProductionDeploy[] = [];
  const deploy = (environment: string, main: MainCommit, at: number, fails: boolean): number | null => {
    if (at > now) return null;
    const { sha } = main.commit;
    const id = ids.next('deployment');
    const steps: [FakeDeploymentStatus['state'], number][] = [
      ['queued', at + SECOND],
      ['in_progress', at + rng.int(5, 40) * SECOND],
    ];
    const finished = (steps[1] as [string, number])[1] + Math.max(MINUTE, rng.logNormal(4 * MINUTE, 0.4));
    steps.push([fails ? 'failure' : 'success', finished]);
    const statuses = steps.filter(([, t]) => t <= now).map(([state, t]) => ({ id: ids.next('deploymentStatus'), state, createdAt: iso(t) }));
    const deployment: FakeDeployment = {
      id,
      nodeId: ids.nodeId('deployment', id),
      sha,
      ref: ctx.profile.defaultBranch,
      task: 'deploy',
      environment,
      creatorLogin: BOT.actions,
      createdAt: iso(at),
      updatedAt: statuses.at(-1)?.createdAt ?? iso(at),
      statuses,
    };
    deployments.push(deployment);
    if (environment === 'production') production.push({ deployment, main, finishedAt: finished > now ? null : finished, failed: fails });
    if (fails || finished > now) return null;
    const previous = lastSuccess.get(environment);
    // Staging deploys can overlap: never mark the previous one inactive before it succeeded.
    const inactiveAt = Math.max(finished, Date.parse(previous?.updatedAt ?? '1970-01-01T00:00:00Z')) + SECOND;
    if (previous && inactiveAt <= now) {
      previous.statuses.push({ id: ids.next('deploymentStatus'), state: 'inactive', createdAt: iso(inactiveAt) });
      previous.updatedAt = iso(inactiveAt);
    }
    lastSuccess.set(environment, deployment);
    if (environment === 'production') productionSuccesses.push(finished);
    return finished;
  };

  for (const commit of green) deploy('staging', commit.main, commit.readyAt + rng.int(20, 90) * SECOND, rng.chance(0.03));

  // Production slots: late morning and mid-afternoon on working days, and soon after a hotfix merge.
  const slots: number[] = hotfixMerges.map((t) => t + 25 * MINUTE);
  for (let day = Math.floor(ctx.start / DAY) * DAY; day < now; day += DAY) {
    if (!isWeekday(day)) continue;
    if (rng.chance(0.85)) slots.push(clock.moment(day + 9 * HOUR, day + 10.5 * HOUR));
    if (rng.chance(0.85)) slots.push(clock.moment(day + 14 * HOUR, day + 15.5 * HOUR));
  }
  slots.sort((a, b) => a - b);
  const pinnedFailure = slots.find((t) => t > ctx.start + (now - ctx.start) * 0.3);
  let shipped: string | null = null;
  let cursor = -1;
  let busyUntil = -Infinity;
  for (const slot of slots) {
    if (slot < busyUntil) continue;
    while (cursor + 1 < green.length && (green[cursor + 1] as { readyAt: number }).readyAt <= slot) cursor++;
    const head = green[cursor];
    if (!head || head.main.commit.sha === shipped || slot > now) continue;
    const fails = slot === pinnedFailure || rng.chance(0.05);
    if (deploy('production', head.main, slot, fails) !== null) {
      shipped = head.main.commit.sha;
    } else if (fails) {
      // Roll forward by redeploying the same commit once the cause (a bad config) is fixed.
      const retry = slot + Math.max(15 * MINUTE, rng.logNormal(35 * MINUTE, 0.4));
      busyUntil = retry + 15 * MINUTE;
      if (deploy('production', head.main, retry, false) !== null) shipped = head.main.commit.sha;
    }
  }
  deployments.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  return { deployments, productionSuccesses: productionSuccesses.sort((a, b) => a - b), production };
}
