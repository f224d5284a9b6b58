/**
 * Every catalogue metric worked out from the generator's truth alone (src/fake-github/truth.ts),
 * with the definitions of docs/metrics.md, for one window, one set of repositories and one set of
 * switches: never from stored rows, never through src/metrics. `TRUTH_OF` says, per metric, which
 * truth fields it is computed from; it is a Record over every MetricKey, so a metric added to the
 * catalogue does not compile here until its truth exists.
 */
import type { MetricKey } from '@/metrics/catalogue';
import type { DeploymentTruth, IncidentTruth, OrgTruth, PullRequestTruth, WorkflowRunTruth } from '@/fake-github/truth';
import { median } from './truth-expectations';
import type { ZonedCalendar } from './zoned-time';

/** What a headline says, as far as the truth can tell: the number and what it was computed over. */
export interface Expected {
  value: number | null;
  /** Distributions: values counted; rates: the denominator; coverage: repositories with a level; frequency: weeks. */
  n: number;
  /** Rates only. */
  numerator?: number;
}

export interface Window {
  from: Date;
  to: Date;
}

export interface TruthScope {
  /** `owner/name`s; the truth is narrowed to them. */
  repos: ReadonlySet<string>;
  includeBots: boolean;
  businessTime: boolean;
  preset: 'default' | 'devlake';
  calendar: ZonedCalendar;
  now: Date;
  /** Repository → its default branch (red time reads only runs there). */
  defaultBranch: ReadonlyMap<string, string>;
}

/**
 * The truth of the scope's repositories (PRs by bots only with the switch), with the scope's rules,
 * for one window at a time (`at`): what does not depend on the window is worked out once.
 */
export class TruthView {
  private window: Window = { from: new Date(0), to: new Date(0) };
  private memo = new Map<string, unknown>();
  readonly prs: PullRequestTruth[];
  readonly deployments: DeploymentTruth[];
  readonly incidents: IncidentTruth[];
  readonly runs: WorkflowRunTruth[];
  readonly coverage: OrgTruth['coverage'];

  constructor(
    truth: OrgTruth,
    readonly scope: TruthScope,
  ) {
    const mine = <T extends { repo: string }>(items: T[]) => items.filter((i) => scope.repos.has(i.repo));
    this.prs = mine(truth.pullRequests).filter((p) => scope.includeBots || !p.authorIsBot);
    this.deployments = mine(truth.deployments);
    this.incidents = mine(truth.incidents);
    this.runs = mine(truth.workflowRuns);
    this.coverage = mine(truth.coverage);
  }

  /** This view, narrowed to the window. */
  at(window: Window): this {
    this.window = window;
    return this;
  }

  get windowed(): Window {
    return this.window;
  }

  /** Computed once per view (it does not depend on the window). */
  once<T>(key: string, compute: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, compute());
    return this.memo.get(key) as T;
  }

  inWindow(iso: string | null): iso is string {
    if (iso === null) return false;
    const t = Date.parse(iso);
    return t >= this.window.from.getTime() && t < this.window.to.getTime();
  }

  /** end − start in seconds (business seconds with the switch); null without both ends or when negative. */
  span(start: string | null, end: string | null, business = this.scope.businessTime): number | null {
    if (start === null || end === null) return null;
    const [a, b] = [Date.parse(start), Date.parse(end)];
    if (b < a) return null;
    return (business ? this.scope.calendar.businessMs(a, b) : b - a) / 1000;
  }

  /** DevLake's span: whole minutes rounded up, in seconds; null without both ends or when negative after rounding. */
  devlakeSpan(start: string | null, end: string | null): number | null {
    if (start === null || end === null) return null;
    const minutes = Math.ceil((Date.parse(end) - Date.parse(start)) / 60_000);
    return minutes < 0 ? null : (minutes === 0 ? 0 : minutes) * 60;
  }
}

const distribution = (values: (number | null)[]): Expected => {
  const known = values.filter((v): v is number => v !== null);
  return { value: median(known), n: known.length };
};

const rate = <T>(members: T[], hit: (m: T) => boolean): Expected => {
  const numerator = members.filter(hit).length;
  return { value: members.length ? numerator / members.length : null, n: members.length, numerator };
};

// ---- pull requests ------------------------------------------------------------------------------

const merged = (v: TruthView) => v.prs.filter((p) => v.inWindow(p.mergedAt));
const deployed = (v: TruthView) => v.prs.filter((p) => v.inWindow(p.deployedAt));

/** DevLake's per-PR values (merged PRs only), docs/metrics.md "The DevLake preset". */
function devlake(v: TruthView, p: PullRequestTruth) {
  const coding = v.devlakeSpan(p.devlake.firstCommitAt, p.createdAt);
  const merge = v.devlakeSpan(p.createdAt, p.mergedAt);
  const deploy = v.devlakeSpan(p.mergedAt, p.deployedAt);
  const cycle = (coding ?? 0) + (merge ?? 0) + (deploy ?? 0);
  return {
    coding,
    pickup: v.devlakeSpan(p.createdAt, p.devlake.firstCommentAt),
    review: v.devlakeSpan(p.devlake.firstCommentAt, p.mergedAt),
    merge,
    cycle,
    deploy,
    lead: p.deployedAt === null ? null : cycle,
  };
}

type Phase = 'coding' | 'pickup' | 'review' | 'merge' | 'cycle' | 'deploy' | 'lead';

/** The phase's members by its attribution instant (docs/metrics.md "The phases"), under either preset. */
function phase(v: TruthView, name: Phase): Expected {
  if (v.scope.preset === 'devlake') {
    const mergedPrs = v.prs.filter((p) => p.mergedAt !== null);
    const members =
      name === 'pickup'
        ? mergedPrs.filter((p) => v.inWindow(p.devlake.firstCommentAt))
        : name === 'deploy' || name === 'lead'
          ? mergedPrs.filter((p) => v.inWindow(p.deployedAt))
          : mergedPrs.filter((p) => v.inWindow(p.mergedAt));
    return distribution(members.map((p) => devlake(v, p)[name]));
  }
  switch (name) {
    case 'coding':
      return distribution(merged(v).map((p) => v.span(p.startAt, p.readyAt)));
    case 'pickup':
      return distribution(v.prs.filter((p) => v.inWindow(p.firstReviewAt)).map((p) => v.span(p.readyAt, p.firstReviewAt)));
    case 'review':
      return distribution(merged(v).map((p) => v.span(p.firstReviewAt, p.firstApprovalAt)));
    case 'merge':
      return distribution(merged(v).map((p) => v.span(p.firstApprovalAt ?? p.firstReviewAt ?? p.readyAt, p.mergedAt)));
    case 'cycle':
      return distribution(merged(v).map((p) => v.span(p.startAt, p.mergedAt)));
    case 'deploy':
      return distribution(deployed(v).map((p) => v.span(p.mergedAt, p.deployedAt)));
    case 'lead':
      return distribution(deployed(v).map((p) => v.span(p.startAt, p.deployedAt)));
  }
}

// ---- delivery -----------------------------------------------------------------------------------

const finished = (v: TruthView) => v.deployments.filter((d) => v.inWindow(d.finishedAt));

/**
 * One recovery per failed deployment (METRICS.md): to the next success's finish; failed only
 * through incidents, from its first incident's opening to its last one's close (null while one is open).
 */
function recoveries(v: TruthView): { recoveredAt: string | null; seconds: number | null }[] {
  return v.once('recoveries', () => allRecoveries(v));
}

function allRecoveries(v: TruthView): { recoveredAt: string | null; seconds: number | null }[] {
  const incidentsOf = new Map<string, IncidentTruth[]>();
  for (const i of v.incidents) for (const id of i.deployments) incidentsOf.set(id, [...(incidentsOf.get(id) ?? []), i]);
  return v.deployments
    .filter((d) => d.failed)
    .map((d) => {
      if (d.reasons.some((r) => r !== 'incident')) return { recoveredAt: d.nextSuccessAt, seconds: v.span(d.finishedAt, d.nextSuccessAt) };
      const incidents = incidentsOf.get(d.id) ?? [];
      const opened = incidents.map((i) => i.createdAt).sort()[0] ?? null;
      const closed = incidents.some((i) => i.closedAt === null)
        ? null
        : (incidents
            .map((i) => i.closedAt!)
            .sort()
            .at(-1) ?? null);
      return { recoveredAt: closed, seconds: v.span(opened, closed) };
    });
}

// ---- CI -----------------------------------------------------------------------------------------

const withOutcome = (v: TruthView) => v.runs.filter((r) => v.inWindow(r.createdAt) && (r.outcome === 'success' || r.outcome === 'failure'));

/** Red stretches per workflow on the default branch (push-like events), by finish: every one ended by `now`. */
function allRedStretches(v: TruthView): { endedAt: string; seconds: number }[] {
  const now = v.scope.now.getTime();
  const byWorkflow = new Map<string, WorkflowRunTruth[]>();
  for (const r of v.runs) {
    if (r.headBranch !== v.scope.defaultBranch.get(r.repo) || r.event.startsWith('pull_request')) continue;
    if (r.finishedAt === null || Date.parse(r.finishedAt) > now || (r.outcome !== 'success' && r.outcome !== 'failure')) continue;
    const key = `${r.repo} ${r.workflow}`;
    byWorkflow.set(key, [...(byWorkflow.get(key) ?? []), r]);
  }
  const stretches: { endedAt: string; seconds: number }[] = [];
  for (const runs of byWorkflow.values()) {
    let redSince: string | null = null;
    for (const r of [...runs].sort((a, b) => Date.parse(a.finishedAt!) - Date.parse(b.finishedAt!))) {
      if (r.outcome === 'failure') redSince ??= r.finishedAt;
      else if (redSince !== null) {
        stretches.push({ endedAt: r.finishedAt!, seconds: v.span(redSince, r.finishedAt)! });
        redSince = null;
      }
    }
  }
  return stretches;
}

/** The stretches that ended in the window. */
const redStretches = (v: TruthView) =>
  v
    .once('red', () => allRedStretches(v))
    .filter((r) => v.inWindow(r.endedAt))
    .map((r) => r.seconds);

// ---- coverage -----------------------------------------------------------------------------------

/** Mean over repositories of the last covered commit before the window's end (12 significant digits, as shown). */
function coverageLevel(v: TruthView): Expected {
  const levels = [...v.scope.repos].flatMap((repo) => {
    const before = v.coverage.filter((c) => c.repo === repo && Date.parse(c.committedAt) < v.windowed.to.getTime());
    // Stable sort: commits of the same second stay in history order (oldest first).
    const last = before
      .map((c, i) => ({ c, i }))
      .sort((a, b) => Date.parse(a.c.committedAt) - Date.parse(b.c.committedAt) || a.i - b.i)
      .at(-1);
    return last ? [last.c.pct] : [];
  });
  const mean = levels.length ? Number((levels.reduce((a, b) => a + b, 0) / levels.length).toPrecision(12)) : null;
  return { value: mean, n: levels.length };
}

// ---- the table ----------------------------------------------------------------------------------

export interface MetricTruth {
  /** The truth fields the expected value is computed from. */
  fields: string;
  expected: (v: TruthView) => Expected;
}

export const TRUTH_OF: Record<MetricKey, MetricTruth> = {
  timeToFirstReview: { fields: 'pullRequests.readyAt, firstReviewAt (devlake: createdAt, devlake.firstCommentAt)', expected: (v) => phase(v, 'pickup') },
  reviewTurnaround: {
    fields: 'pullRequests.reviewRequests[].startsAt, respondedAt, status',
    expected: (v) => {
      const answered = v.prs.flatMap((p) => p.reviewRequests.filter((r) => r.status === 'answered' && v.inWindow(r.respondedAt)));
      return distribution(answered.map((r) => v.span(r.startsAt, r.respondedAt)));
    },
  },
  codingTime: { fields: 'pullRequests.startAt, readyAt, mergedAt (devlake: devlake.firstCommitAt, createdAt)', expected: (v) => phase(v, 'coding') },
  reviewTime: { fields: 'pullRequests.firstReviewAt, firstApprovalAt, mergedAt (devlake: devlake.firstCommentAt)', expected: (v) => phase(v, 'review') },
  mergeTime: { fields: 'pullRequests.firstApprovalAt, firstReviewAt, readyAt, mergedAt (devlake: createdAt)', expected: (v) => phase(v, 'merge') },
  cycleTime: { fields: 'pullRequests.startAt, mergedAt (devlake: coding + merge + deploy)', expected: (v) => phase(v, 'cycle') },
  deployTime: { fields: 'pullRequests.mergedAt, deployedAt', expected: (v) => phase(v, 'deploy') },
  deploymentFrequency: {
    fields: 'deployments.finishedAt, outcome',
    // Successful deployments per week, median over the weeks overlapping the window (empty weeks count 0).
    expected: (v) => {
      const weeks = v.scope.calendar.weeks(v.windowed.from, v.windowed.to);
      const success = finished(v)
        .filter((d) => d.outcome === 'success')
        .map((d) => Date.parse(d.finishedAt));
      return distribution(weeks.map((w) => success.filter((t) => t >= w.from.getTime() && t < w.to.getTime()).length));
    },
  },
  leadTime: { fields: 'pullRequests.startAt, deployedAt (devlake: the cycle of a deployed PR)', expected: (v) => phase(v, 'lead') },
  changeFailureRate: { fields: 'deployments.finishedAt, failed', expected: (v) => rate(finished(v), (d) => d.failed) },
  recoveryTime: {
    fields: 'deployments.failed, reasons, finishedAt, nextSuccessAt; incidents.deployments, createdAt, closedAt',
    expected: (v) =>
      distribution(
        recoveries(v)
          .filter((r) => v.inWindow(r.recoveredAt))
          .map((r) => r.seconds),
      ),
  },
  reworkRate: { fields: 'deployments.finishedAt, rework', expected: (v) => rate(finished(v), (d) => d.rework) },
  incidentResolution: {
    fields: 'incidents.createdAt, closedAt',
    expected: (v) => distribution(v.incidents.filter((i) => v.inWindow(i.closedAt)).map((i) => v.span(i.createdAt, i.closedAt))),
  },
  ciSuccessRate: { fields: 'workflowRuns.createdAt, outcome', expected: (v) => rate(withOutcome(v), (r) => r.outcome === 'success') },
  ciFlakyRate: { fields: 'workflowRuns.createdAt, outcome, flaky', expected: (v) => rate(withOutcome(v), (r) => r.flaky) },
  ciDuration: { fields: 'workflowRuns.startedAt, finishedAt', expected: (v) => distribution(withOutcome(v).map((r) => v.span(r.startedAt, r.finishedAt))) },
  ciQueueTime: { fields: 'workflowRuns.createdAt, startedAt', expected: (v) => distribution(withOutcome(v).map((r) => v.span(r.createdAt, r.startedAt))) },
  ciRedTime: { fields: 'workflowRuns.workflow, headBranch, event, outcome, finishedAt', expected: (v) => distribution(redStretches(v)) },
  coverage: { fields: 'coverage.committedAt, pct', expected: coverageLevel },
  unreviewedMerges: { fields: 'pullRequests.mergedAt, reviewedByMerge', expected: (v) => rate(merged(v), (p) => !p.reviewedByMerge) },
  selfMerges: {
    fields: 'pullRequests.mergedAt, mergedByAuthor, firstApprovalAt',
    expected: (v) => rate(merged(v), (p) => p.mergedByAuthor && p.firstApprovalAt === null),
  },
  prSize: { fields: 'pullRequests.mergedAt, size', expected: (v) => distribution(merged(v).map((p) => p.size)) },
  prRework: { fields: 'pullRequests.mergedAt, commitsAfterFirstReview', expected: (v) => distribution(merged(v).map((p) => p.commitsAfterFirstReview)) },
  reviewRounds: { fields: 'pullRequests.mergedAt, changesRequested', expected: (v) => distribution(merged(v).map((p) => p.changesRequested)) },
};
