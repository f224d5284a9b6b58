/**
 * The generator's truth as it stood at an instant (docs/metrics.md "Weeks and reports": a report of
 * a past week is as of that week's end), cut test-side from the truth records, never through
 * src/metrics: what had not happened by then has not happened. A PR opened later does not exist; a
 * merge, review, ready or deployment later has not happened; a run stands as its latest attempt
 * started by then left it (no outcome while it ran); a deployment finished later is pending, and its
 * change-failure reasons are those known then (an incident opened by then, a revert merged by then,
 * a hotfix in a next success finished by then); an incident closed later is open; a coverage report
 * posted later does not count.
 */
import type { DeploymentTruth, IncidentTruth, OrgTruth, PullRequestTruth, WorkflowRunTruth } from '@/fake-github/truth';

const by = (iso: string | null, asOf: number): boolean => iso !== null && Date.parse(iso) <= asOf;
const until = (iso: string | null, asOf: number): string | null => (by(iso, asOf) ? iso : null);
const ms = Date.parse;
/** `iso` after `from` and before `to` (no `to`: any time after). */
const between = (iso: string, from: string, to: string | null) => ms(iso) > ms(from) && (to === null || ms(iso) < ms(to));
const FAILURE = ['failure', 'timed_out', 'startup_failure'];

function pullRequestAsOf(p: PullRequestTruth, asOf: number): PullRequestTruth {
  const mergedAt = until(p.mergedAt, asOf);
  return {
    ...p,
    readyAt: until(p.readyAt, asOf),
    firstReviewAt: until(p.firstReviewAt, asOf),
    firstApprovalAt: until(p.firstApprovalAt, asOf),
    mergedAt,
    closedAt: until(p.closedAt, asOf),
    deployedAt: until(p.deployedAt, asOf),
    deployedBy: by(p.deployedAt, asOf) ? p.deployedBy : null,
    mergedByAuthor: mergedAt !== null && p.mergedByAuthor,
    reviewedByMerge: mergedAt !== null && p.reviewedByMerge,
    reviewRequests: p.reviewRequests
      .filter((r) => by(r.requestedAt, asOf))
      .map((r) => {
        if (r.status === 'answered' && by(r.respondedAt, asOf)) return r;
        if (r.status === 'withdrawn' && by(r.removedAt, asOf)) return r;
        return { ...r, status: p.closedAt !== null && by(p.closedAt, asOf) ? 'unanswered' : 'waiting', respondedAt: null, removedAt: null };
      }),
    devlake: { ...p.devlake, firstCommentAt: until(p.devlake.firstCommentAt, asOf) },
  };
}

function runAsOf(r: WorkflowRunTruth, asOf: number): WorkflowRunTruth {
  // The first attempt stands for the run while it was queued.
  const started = r.attemptLog.filter((a, i) => i === 0 || by(a.startedAt, asOf));
  const latest = started.at(-1);
  if (!latest) return r;
  const done = by(latest.finishedAt, asOf);
  const conclusion = done ? latest.conclusion : null;
  const outcome = conclusion === null ? 'pending' : conclusion === 'success' ? 'success' : FAILURE.includes(conclusion) ? 'failure' : 'excluded';
  const startedAt = until(latest.startedAt, asOf);
  const finishedAt = done ? latest.finishedAt : null;
  return {
    ...r,
    conclusion,
    outcome,
    flaky: conclusion === 'success' && started.slice(0, -1).some((a) => a.conclusion === 'failure'),
    attempts: started.filter((a) => by(a.startedAt, asOf)).length,
    startedAt,
    finishedAt,
    durationSeconds: startedAt !== null && finishedAt !== null ? (Date.parse(finishedAt) - Date.parse(startedAt)) / 1000 : null,
    queueSeconds: startedAt !== null ? (Date.parse(startedAt) - Date.parse(r.createdAt)) / 1000 : null,
    attemptLog: started,
  };
}

/** Deployments finished by `asOf`, with outcomes and reasons as known then (a deploy run: its attempts then). */
function deploymentsAsOf(truth: OrgTruth, runs: Map<number, WorkflowRunTruth>, asOf: number): DeploymentTruth[] {
  const finished = truth.deployments.flatMap((d): DeploymentTruth[] => {
    if (d.source !== 'workflow') return by(d.finishedAt, asOf) ? [d] : [];
    const run = runs.get(Number(d.id.slice('workflow-run:'.length)));
    if (!run || (run.outcome !== 'success' && run.outcome !== 'failure')) return [];
    return [{ ...d, finishedAt: run.finishedAt!, outcome: run.outcome }];
  });
  return finished.map((d) => {
    const mine = finished.filter((x) => x.repo === d.repo);
    const next = mine.filter((x) => x.outcome === 'success' && ms(x.finishedAt) > ms(d.finishedAt)).sort((a, b) => ms(a.finishedAt) - ms(b.finishedAt))[0];
    const nextSuccessAt = next?.finishedAt ?? null;
    const incident = truth.incidents.some((i) => i.repo === d.repo && by(i.createdAt, asOf) && between(i.createdAt, d.finishedAt, nextSuccessAt));
    const reasons: DeploymentTruth['reasons'] = [];
    if (d.outcome === 'failure') reasons.push('failure');
    if (incident) reasons.push('incident');
    if (by(d.revertedAt, asOf)) reasons.push('revert');
    // The hotfix the real next success shipped, if that success had finished by then and is still the next.
    if (d.reasons.includes('hotfix') && nextSuccessAt !== null && nextSuccessAt === d.nextSuccessAt) reasons.push('hotfix');
    return { ...d, nextSuccessAt, reasons, failed: reasons.length > 0, revertedAt: until(d.revertedAt, asOf) };
  });
}

/** Incidents opened by `asOf` (open if closed later), with the deployments they made fail then. */
function incidentsAsOf(truth: OrgTruth, deployments: DeploymentTruth[], asOf: number): IncidentTruth[] {
  return truth.incidents
    .filter((i) => by(i.createdAt, asOf))
    .map((i) => ({
      ...i,
      closedAt: until(i.closedAt, asOf),
      deployments: deployments
        .filter((d) => d.repo === i.repo && d.reasons.includes('incident') && between(i.createdAt, d.finishedAt, d.nextSuccessAt))
        .map((d) => d.id),
    }));
}

export function truthAsOf(truth: OrgTruth, at: Date): OrgTruth {
  const asOf = at.getTime();
  const workflowRuns = truth.workflowRuns.filter((r) => by(r.createdAt, asOf)).map((r) => runAsOf(r, asOf));
  const deployments = deploymentsAsOf(truth, new Map(workflowRuns.map((r) => [r.id, r])), asOf);
  return {
    pullRequests: truth.pullRequests.filter((p) => by(p.createdAt, asOf)).map((p) => pullRequestAsOf(p, asOf)),
    deployments,
    incidents: incidentsAsOf(truth, deployments, asOf),
    workflowRuns,
    coverage: truth.coverage.filter((c) => by(c.committedAt, asOf) && by(c.reportedAt, asOf)),
  };
}
