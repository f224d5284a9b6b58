/**
 * The hook through which a repository's simulation hands what it knows to generateOrgWithTruth
 * (src/fake-github/truth.ts): the PR stories, the default branch, the runs' attempts, which commit
 * each production deployment, Deploy run or release shipped, the incidents and the coverage reported.
 *
 * generateOrg installs no listener, so it builds no facts and its output cannot change; the truth
 * installs one for the duration of one synchronous generateOrg call (withTruthListener).
 */
import type { CoverageReport } from './coverage';
import type { RepoContext } from './context';
import type { DeployRun } from './deploy-workflow';
import type { ProductionDeploy } from './deployments';
import type { MainCommit } from './history';
import type { IssuePlan } from './issues';
import type { CommentDraft, MaterializedPr } from './materialize-pr';
import type { PublishedRelease } from './releases';
import type { RunFacts } from './workflow-runs';

/** How the repository delivers (repos.ts `delivery`), with what each deployment shipped. */
export type DeliveryFacts =
  | { source: 'deployments'; production: ProductionDeploy[] }
  | { source: 'workflow'; runs: DeployRun[] }
  | { source: 'release'; published: PublishedRelease[] }
  | { source: 'merge' };

export interface RepoFacts {
  ctx: RepoContext;
  /** Every PR that exists at `now`, with its story (the whole simulated life, beyond `now` too). */
  prs: MaterializedPr[];
  /** The default branch, oldest first: a deployment of history[k] ships every merge at index <= k. */
  history: MainCommit[];
  /** CI runs (Deploy runs are in `delivery`). */
  runs: RunFacts[];
  delivery: DeliveryFacts;
  /** Incidents that exist at `now`, with their issue number and when they were closed (null: open). */
  incidents: { plan: IssuePlan; closedAt: number | null }[];
  coverage: CoverageReport[];
  /** Conversation comments on PRs by `now`, bots' included (the review comments are on each PR). */
  prComments: CommentDraft[];
}

type Listener = (facts: RepoFacts) => void;

let listener: Listener | null = null;

/** Called by generateRepository once a repository is complete; builds the facts only when listened to. */
export function reportTruth(facts: () => RepoFacts): void {
  listener?.(facts());
}

/** Runs `generate` (synchronous) with `listen` receiving every repository's facts. */
export function withTruthListener<T>(listen: Listener, generate: () => T): T {
  const previous = listener;
  listener = listen;
  try {
    return generate();
  } finally {
    listener = previous;
  }
}
