/**
 * One repository's truth, from the facts its simulation reported (truth-record.ts): the PR stories
 * cut at `now`, the delivery truth (truth-delivery.ts), the runs' attempts and the coverage
 * reported. Nothing here reads the materialised objects' contents, only their ids, which are
 * assigned as they are built.
 */
import { iso } from './clock';
import type { MaterializedPr } from './materialize-pr';
import { type DeliveryTruth, deliveryTruth, isoOrNull, mergedBy, sec } from './truth-delivery';
import type { RepoFacts } from './truth-record';
import type { CoverageTruth, DeploymentTruth, IncidentTruth, OrgTruth, PullRequestTruth, RunOutcomeClass, WorkflowRunTruth } from './truth-types';
import type { RunFacts } from './workflow-runs';

const earliest = (times: number[]) => (times.length === 0 ? null : Math.min(...times));

function pullRequestTruth(facts: RepoFacts, m: MaterializedPr, delivery: DeliveryTruth): PullRequestTruth {
  const { story } = m;
  const { now } = facts.ctx;
  const seen = (t: number) => t <= now;
  const startAt = Math.min(sec(story.createdAt), ...story.commits.filter((c) => seen(c.pushedAt)).map((c) => sec(c.authoredAt)));
  const readyAt = story.readyAt !== null && seen(story.readyAt) ? sec(story.readyAt) : null;
  const mergedAt = mergedBy(story, now);
  // Submitted by `now` by someone the simulation had review as a human other than the author.
  const reviews = story.reviews.flatMap((r) =>
    r.by === 'reviewer' && r.state !== 'PENDING' && r.submittedAt !== null && seen(r.submittedAt) ? [{ state: r.state, at: sec(r.submittedAt) }] : [],
  );
  const firstReview = earliest(reviews.map((r) => r.at));
  const firstApproval = earliest(reviews.filter((r) => r.state === 'APPROVED' && (mergedAt === null || r.at < mergedAt)).map((r) => r.at));
  const shipped = delivery.shippedBy.get(m);
  return {
    repo: facts.ctx.fullName,
    number: story.number,
    authorIsBot: story.authorIsBot,
    startAt: iso(startAt),
    readyAt: isoOrNull(readyAt),
    firstReviewAt: isoOrNull(firstReview !== null && readyAt !== null && firstReview < readyAt ? readyAt : firstReview),
    firstApprovalAt: isoOrNull(firstApproval),
    mergedAt: isoOrNull(mergedAt),
    deployedAt: isoOrNull(shipped?.finishedAt),
    deployedBy: shipped?.id ?? null,
  };
}

function deploymentTruths(facts: RepoFacts, delivery: DeliveryTruth): DeploymentTruth[] {
  return delivery.events.map((e) => {
    const reasons = delivery.reasons.get(e) ?? [];
    const ships = delivery.ships.get(e) ?? [];
    return {
      repo: facts.ctx.fullName,
      source: delivery.source,
      id: e.id,
      sha: e.sha,
      finishedAt: iso(e.finishedAt),
      outcome: e.success ? 'success' : 'failure',
      failed: reasons.length > 0,
      reasons,
      shipped: ships.map((m) => m.story.number).sort((a, b) => a - b),
      rework: ships.some((m) => m.story.revertOf !== null || m.story.kind === 'hotfix'),
      nextSuccessAt: isoOrNull(delivery.nextSuccess.get(e)?.finishedAt),
    };
  });
}

function incidentTruths(facts: RepoFacts, delivery: DeliveryTruth): IncidentTruth[] {
  return facts.incidents.map(({ plan, closedAt }) => ({
    repo: facts.ctx.fullName,
    number: plan.number,
    createdAt: iso(plan.createdAt),
    closedAt: isoOrNull(closedAt),
    deployments: (delivery.incidentDeployments.get(plan.number) ?? []).map((e) => e.id),
  }));
}

function outcomeClass(conclusion: RunFacts['conclusion']): RunOutcomeClass {
  if (conclusion === null) return 'pending';
  if (conclusion === 'success') return 'success';
  return conclusion === 'failure' || conclusion === 'timed_out' || conclusion === 'startup_failure' ? 'failure' : 'excluded';
}

function runTruth(repo: string, f: RunFacts): WorkflowRunTruth {
  const startedAt = f.started ? sec(f.startedAt) : null;
  const finishedAt = f.finishedAt === null ? null : sec(f.finishedAt);
  return {
    repo,
    id: f.run.id,
    workflow: f.run.name,
    event: f.run.event,
    headBranch: f.run.headBranch,
    headSha: f.run.headSha,
    conclusion: f.conclusion,
    outcome: outcomeClass(f.conclusion),
    flaky: f.flaky,
    attempts: f.attempts,
    createdAt: iso(f.createdAt),
    startedAt: isoOrNull(startedAt),
    finishedAt: isoOrNull(finishedAt),
    durationSeconds: startedAt === null || finishedAt === null ? null : (finishedAt - startedAt) / 1000,
    queueSeconds: startedAt === null ? null : (startedAt - sec(f.createdAt)) / 1000,
  };
}

export function repositoryTruth(facts: RepoFacts): OrgTruth {
  const repo = facts.ctx.fullName;
  const delivery = deliveryTruth(facts);
  const deployRuns = facts.delivery.source === 'workflow' ? facts.delivery.runs.map((r) => r.facts) : [];
  const coverage: CoverageTruth[] = facts.coverage.map((c) => ({ repo, sha: c.main.commit.sha, source: c.source, pct: c.pct, reportedAt: iso(c.reportedAt) }));
  return {
    pullRequests: [...facts.prs].sort((a, b) => a.story.number - b.story.number).map((m) => pullRequestTruth(facts, m, delivery)),
    deployments: deploymentTruths(facts, delivery),
    incidents: incidentTruths(facts, delivery),
    workflowRuns: [...facts.runs, ...deployRuns].sort((a, b) => a.createdAt - b.createdAt || a.run.id - b.run.id).map((f) => runTruth(repo, f)),
    coverage,
  };
}
