/**
 * Delivery truth from the simulation: which production deployment first shipped each merge, and
 * which deployments are change failures and why.
 *
 * The simulation knows what each deployment shipped because it chose the commit: a production
 * Deployment, Deploy run or release of default-branch commit k ships every merge at index <= k
 * (history.ts is first-parent history), and under merge-as-deploy each merge ships itself. A merge
 * is shipped by the first (by finish) successful deployment that carried it. Change failures
 * follow docs/metrics.md#change-failure-rate over the deployments the simulation made: (a) its own failure, (b) an
 * incident the simulation opened between its finish and the next success's finish, (c) it shipped
 * a PR whose revert (a story with `revertOf`) was merged by `now`, (d) the next success shipped a
 * hotfix story.
 */
import { iso } from './clock';
import type { MainCommit } from './history';
import type { MaterializedPr } from './materialize-pr';
import type { PrStory } from './story';
import type { RepoFacts } from './truth-record';
import type { ChangeFailureReason, DeliverySource } from './truth-types';

/** Whole seconds, as the ISO timestamps show them: all truth comparisons are made on these. */
export const sec = (ms: number) => Math.floor(ms / 1000) * 1000;

/** A finished production deployment as the simulation made it. */
export interface ShipEvent {
  id: string;
  sha: string;
  /** History index of the deployed commit. */
  index: number;
  finishedAt: number;
  success: boolean;
  /** Order the simulation made them in: ties of finishedAt keep it. */
  seq: number;
  /** Merge-as-deploy: the PR whose merge this is. */
  own: MaterializedPr | null;
}

export interface DeliveryTruth {
  source: DeliverySource;
  /** Finished deployments in finish order. */
  events: ShipEvent[];
  shippedBy: Map<MaterializedPr, ShipEvent>;
  ships: Map<ShipEvent, MaterializedPr[]>;
  nextSuccess: Map<ShipEvent, ShipEvent | null>;
  reasons: Map<ShipEvent, ChangeFailureReason[]>;
  /** Incident issue number → the deployments it makes failed. */
  incidentDeployments: Map<number, ShipEvent[]>;
  /** A reverted story → when its first revert was merged (by `now`). */
  revertedAt: Map<PrStory, number>;
}

/** When the story merged, if by `now` (whole seconds). */
export function mergedBy(story: PrStory, now: number): number | null {
  return story.end?.kind === 'merged' && story.end.at <= now ? sec(story.end.at) : null;
}

function shipEvents(facts: RepoFacts): ShipEvent[] {
  const index = new Map(facts.history.map((c, i) => [c, i]));
  const at = (c: MainCommit) => index.get(c) as number;
  const { delivery } = facts;
  switch (delivery.source) {
    case 'deployments':
      return delivery.production.flatMap((d, seq) =>
        d.finishedAt === null
          ? []
          : [
              {
                id: `github-deployment:${d.deployment.id}`,
                sha: d.main.commit.sha,
                index: at(d.main),
                finishedAt: sec(d.finishedAt),
                success: !d.failed,
                seq,
                own: null,
              },
            ],
      );
    case 'workflow':
      return delivery.runs.flatMap(({ main, facts: run }, seq) => {
        const c = run.conclusion;
        // Only a run with an outcome is a deployment attempt (a cancelled run is not; none occur).
        if (run.finishedAt === null || !(c === 'success' || c === 'failure' || c === 'timed_out' || c === 'startup_failure')) return [];
        return [
          {
            id: `workflow-run:${run.run.id}`,
            sha: main.commit.sha,
            index: at(main),
            finishedAt: sec(run.finishedAt),
            success: c === 'success',
            seq,
            own: null,
          },
        ];
      });
    case 'release':
      return delivery.published.map((r, seq) => ({
        id: `release:${r.release.id}`,
        sha: r.target.commit.sha,
        index: at(r.target),
        finishedAt: sec(r.publishedAt),
        success: true,
        seq,
        own: null,
      }));
    case 'merge':
      return facts.history.flatMap((c, i) =>
        c.merged ? [{ id: `merge:${c.merged.pr.id}`, sha: c.commit.sha, index: i, finishedAt: sec(c.at), success: true, seq: i, own: c.merged }] : [],
      );
  }
}

export function deliveryTruth(facts: RepoFacts): DeliveryTruth {
  const { now } = facts.ctx;
  const events = shipEvents(facts).sort((a, b) => a.finishedAt - b.finishedAt || a.seq - b.seq);
  const successes = events.filter((e) => e.success);

  const shippedBy = new Map<MaterializedPr, ShipEvent>();
  const ships = new Map<ShipEvent, MaterializedPr[]>(events.map((e) => [e, []]));
  facts.history.forEach((c, i) => {
    if (!c.merged) return;
    const by = facts.delivery.source === 'merge' ? successes.find((e) => e.own === c.merged) : successes.find((e) => e.index >= i);
    if (!by) return;
    shippedBy.set(c.merged, by);
    ships.get(by)?.push(c.merged);
  });

  const nextSuccess = new Map<ShipEvent, ShipEvent | null>();
  events.forEach((e, i) => nextSuccess.set(e, events.slice(i + 1).find((n) => n.success) ?? null));

  // Stories reverted by a revert merged by `now`.
  const revertedAt = new Map<PrStory, number>();
  for (const { story } of facts.prs) {
    const at = story.revertOf ? mergedBy(story, now) : null;
    if (story.revertOf && at !== null) revertedAt.set(story.revertOf, Math.min(at, revertedAt.get(story.revertOf) ?? Infinity));
  }
  const reverted = new Set(revertedAt.keys());
  const incidents = facts.incidents.map(({ plan }) => ({ number: plan.number, at: sec(plan.createdAt) }));
  const incidentDeployments = new Map<number, ShipEvent[]>(incidents.map((i) => [i.number, []]));
  const reasons = new Map<ShipEvent, ChangeFailureReason[]>();
  for (const e of events) {
    const next = nextSuccess.get(e) ?? null;
    const out: ChangeFailureReason[] = [];
    if (!e.success) out.push('failure');
    const hit = incidents.filter((i) => i.at > e.finishedAt && i.at < (next?.finishedAt ?? Infinity));
    if (hit.length > 0) out.push('incident');
    for (const i of hit) incidentDeployments.get(i.number)?.push(e);
    if ((ships.get(e) ?? []).some((m) => reverted.has(m.story))) out.push('revert');
    if (next && (ships.get(next) ?? []).some((m) => m.story.kind === 'hotfix')) out.push('hotfix');
    reasons.set(e, out);
  }
  return { source: facts.delivery.source, events, shippedBy, ships, nextSuccess, reasons, incidentDeployments, revertedAt };
}

export function isoOrNull(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : iso(ms);
}
