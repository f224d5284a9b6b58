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
import type { StoryReviewer } from './story';
import type {
  CoverageTruth,
  DeploymentTruth,
  IncidentTruth,
  OrgTruth,
  PullRequestTruth,
  ReviewRequestTruth,
  RunOutcomeClass,
  WorkflowRunTruth,
} from './truth-types';
import type { RunFacts } from './workflow-runs';

const earliest = (times: number[]) => (times.length === 0 ? null : Math.min(...times));
const same = (a: string | null, b: string | null) => a !== null && b !== null && a.toLowerCase() === b.toLowerCase();
const reviewerKey = (r: StoryReviewer) => (r.kind === 'team' ? `team:${r.slug}` : r.login);

/**
 * Review turnaround's requests (METRICS.md): the clock starts at the request, or at readyAt if that
 * is later; a person's request is answered by their first review after the start, a team's by any
 * human non-author's; removed first: withdrawn; else waiting while open, unanswered once ended.
 */
function reviewRequestTruths(m: MaterializedPr, now: number, readyAt: number | null, reviews: { login: string | null; at: number }[]): ReviewRequestTruth[] {
  const { story } = m;
  const seen = story.events.filter((e) => e.at <= now);
  const actorIsBot = (login: string | null) => login !== null && (/\[bot\]$/i.test(login) || (story.authorIsBot && same(login, story.authorLogin)));
  const ended = story.end !== null && story.end.at <= now;
  return seen.flatMap((e): ReviewRequestTruth[] => {
    if (e.type !== 'ReviewRequestedEvent' || actorIsBot(e.actorLogin)) return [];
    const key = reviewerKey(e.reviewer);
    // A request naming the deleted account, or a bot, nobody can answer: left out.
    if (key === null || /\[bot\]$/i.test(key)) return [];
    const requestedAt = sec(e.at);
    const startsAt = readyAt !== null && requestedAt < readyAt ? readyAt : requestedAt;
    const answers = e.reviewer.kind === 'team' ? reviews : reviews.filter((r) => same(r.login, key));
    const respondedAt = earliest(answers.filter((r) => r.at > startsAt).map((r) => r.at));
    const removal = seen.find((x) => x.type === 'ReviewRequestRemovedEvent' && reviewerKey(x.reviewer) === key && sec(x.at) >= requestedAt);
    const removedAt = removal ? sec(removal.at) : null;
    if (removedAt !== null && (respondedAt === null || removedAt < respondedAt)) {
      return [{ reviewer: key, requestedAt: iso(requestedAt), startsAt: iso(startsAt), status: 'withdrawn', respondedAt: null, removedAt: iso(removedAt) }];
    }
    const status = respondedAt !== null ? 'answered' : ended ? 'unanswered' : 'waiting';
    return [{ reviewer: key, requestedAt: iso(requestedAt), startsAt: iso(startsAt), status, respondedAt: isoOrNull(respondedAt), removedAt: null }];
  });
}

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
  const effectiveFirstReview = firstReview !== null && readyAt !== null && firstReview < readyAt ? readyAt : firstReview;
  const pushed = story.commits.filter((c) => seen(c.pushedAt));
  const humanReviews = story.reviews.flatMap((r) =>
    r.by === 'reviewer' && r.state !== 'PENDING' && r.submittedAt !== null && seen(r.submittedAt) ? [{ login: r.authorLogin, at: sec(r.submittedAt) }] : [],
  );
  // DevLake's first review: any comment or submitted review (with a user) by anyone but the author.
  const notAuthor = (login: string | null) => !same(login, story.authorLogin);
  const comments = [...facts.prComments.filter((c) => c.issueNumber === story.number && c.at <= now), ...m.reviewComments.filter((c) => c.at <= now)].flatMap(
    (c) => (notAuthor(c.authorLogin) ? [sec(c.at)] : []),
  );
  const devlakeReviews = story.reviews.flatMap((r) =>
    r.state !== 'PENDING' && r.submittedAt !== null && seen(r.submittedAt) && r.authorLogin !== null && notAuthor(r.authorLogin) ? [sec(r.submittedAt)] : [],
  );
  const endedAt = story.end !== null && seen(story.end.at) ? sec(story.end.at) : null;
  return {
    repo: facts.ctx.fullName,
    number: story.number,
    authorIsBot: story.authorIsBot,
    startAt: iso(startAt),
    readyAt: isoOrNull(readyAt),
    firstReviewAt: isoOrNull(effectiveFirstReview),
    firstApprovalAt: isoOrNull(firstApproval),
    mergedAt: isoOrNull(mergedAt),
    deployedAt: isoOrNull(shipped?.finishedAt),
    deployedBy: shipped?.id ?? null,
    createdAt: iso(story.createdAt),
    closedAt: isoOrNull(endedAt),
    mergedByAuthor: mergedAt !== null && same(story.end?.byLogin ?? null, story.authorLogin),
    size: story.size.additions + story.size.deletions,
    reviewedByMerge: mergedAt !== null && reviews.some((r) => r.at <= mergedAt),
    changesRequested: reviews.filter((r) => r.state === 'CHANGES_REQUESTED').length,
    commitsAfterFirstReview: effectiveFirstReview === null ? null : pushed.filter((c) => sec(c.authoredAt) > effectiveFirstReview).length,
    reviewRequests: reviewRequestTruths(m, now, readyAt, humanReviews),
    devlake: {
      firstCommitAt: isoOrNull(earliest(pushed.map((c) => sec(c.authoredAt)))),
      firstCommentAt: isoOrNull(earliest([...comments, ...devlakeReviews])),
    },
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
      revertedAt: isoOrNull(earliest(ships.flatMap((m) => delivery.revertedAt.get(m.story) ?? []))),
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
    attemptLog: f.attemptLog.map((a, i) => {
      const done = finishedAt !== null || i < f.attemptLog.length - 1;
      return { startedAt: iso(sec(a.start)), finishedAt: done ? iso(sec(a.end)) : null, conclusion: done ? a.conclusion : null };
    }),
  };
}

export function repositoryTruth(facts: RepoFacts): OrgTruth {
  const repo = facts.ctx.fullName;
  const delivery = deliveryTruth(facts);
  const deployRuns = facts.delivery.source === 'workflow' ? facts.delivery.runs.map((r) => r.facts) : [];
  const coverage: CoverageTruth[] = facts.coverage.map((c) => ({
    repo,
    sha: c.main.commit.sha,
    source: c.source,
    pct: c.pct,
    reportedAt: iso(c.reportedAt),
    committedAt: c.main.commit.committedAt,
  }));
  return {
    pullRequests: [...facts.prs].sort((a, b) => a.story.number - b.story.number).map((m) => pullRequestTruth(facts, m, delivery)),
    deployments: deploymentTruths(facts, delivery),
    incidents: incidentTruths(facts, delivery),
    workflowRuns: [...facts.runs, ...deployRuns].sort((a, b) => a.createdAt - b.createdAt || a.run.id - b.run.id).map((f) => runTruth(repo, f)),
    coverage,
  };
}
