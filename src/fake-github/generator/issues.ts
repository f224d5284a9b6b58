/**
 * Issues: ordinary bug reports and requests, and incidents (label `incident`) opened shortly after a
 * bad deployment and closed a little after the hotfix shipped. Issues share the PR number sequence.
 */
import type { FakeIssue } from '../model';
import { Clock, DAY, HOUR, MINUTE, iso } from './clock';
import type { RepoContext } from './context';
import type { CommentDraft } from './materialize-pr';
import type { IncidentPlan } from './scenarios';
import type { StoryComment } from './story';
import { issueTitle } from './titles';

export interface IssuePlan {
  title: string;
  labels: string[];
  authorLogin: string | null;
  createdAt: number;
  /** Ordinary issues know it up front; an incident's depends on when its fix shipped. */
  closedAt: number | null;
  comments: StoryComment[];
  incident: IncidentPlan | null;
  number: number;
}

export function planIssues(ctx: RepoContext, incidents: IncidentPlan[]): IssuePlan[] {
  const rng = ctx.fork('issues');
  const clock = new Clock(rng);
  const plans: IssuePlan[] = [];
  const chatter = (from: number, to: number, voices: (string | null)[]): StoryComment[] =>
    Array.from({ length: rng.int(0, 3) }, () => {
      const at = from + rng.next() * Math.max(MINUTE, to - from);
      return { authorLogin: rng.pick(voices), at, updatedAt: at };
    }).sort((a, b) => a.at - b.at);

  for (let k = Math.round(ctx.weeks * 1.5 * ctx.profile.activity); k > 0; k--) {
    const createdAt = clock.moment(ctx.start, ctx.now);
    const { ghost, engineers } = ctx.people;
    const author = createdAt < ghost.activeUntil && rng.chance(0.1) ? ghost.login : rng.pick(engineers).login;
    const { title, label } = issueTitle(rng, ctx.profile.name);
    const closedAt = rng.chance(0.6) ? clock.delay(createdAt, 3 * DAY, 1.2, 30 * DAY) : null;
    const voices = [author, ...ctx.team(createdAt).map((p) => p.login)];
    plans.push({
      title,
      labels: [label],
      authorLogin: author,
      createdAt,
      closedAt,
      comments: chatter(createdAt, closedAt ?? createdAt + 2 * DAY, voices),
      incident: null,
      number: 0,
    });
  }
  for (const incident of incidents) {
    const voices = [incident.authorLogin, ...ctx.team(incident.createdAt).map((p) => p.login)];
    plans.push({
      title: `Incident: ${incident.title}`,
      labels: ['incident'],
      authorLogin: incident.authorLogin,
      createdAt: incident.createdAt,
      closedAt: null,
      comments: chatter(incident.createdAt + 5 * MINUTE, incident.createdAt + 2 * HOUR, voices),
      incident,
      number: 0,
    });
  }
  return plans;
}

/** `shippedAt(t)`: when the first production deployment at or after t finished (null: not yet). */
export function materializeIssues(
  ctx: RepoContext,
  plans: IssuePlan[],
  shippedAt: (mergedAt: number) => number | null,
): { issues: FakeIssue[]; comments: CommentDraft[]; incidents: { plan: IssuePlan; closedAt: number | null }[] } {
  const rng = ctx.fork('issues-close');
  const { ids, now } = ctx;
  const issues: FakeIssue[] = [];
  const comments: CommentDraft[] = [];
  const incidents: { plan: IssuePlan; closedAt: number | null }[] = [];
  for (const plan of plans) {
    if (plan.createdAt > now) continue;
    let closedAt = plan.closedAt;
    const fix = plan.incident?.resolvedBy.end;
    if (plan.incident) {
      // Closed once the on-call engineer has watched the hotfix in production for a while.
      const shipped = fix?.kind === 'merged' ? shippedAt(fix.at) : null;
      closedAt = shipped === null ? null : shipped + rng.int(20, 60) * MINUTE;
    }
    if (closedAt !== null && closedAt > now) closedAt = null;
    if (plan.incident) incidents.push({ plan, closedAt });
    const own = plan.comments
      .filter((c) => c.at <= now && (closedAt === null || c.at <= closedAt))
      .map((c) => ({ issueNumber: plan.number, authorLogin: c.authorLogin, at: c.at, updatedAt: c.updatedAt }));
    comments.push(...own);
    const id = ids.next('issue');
    issues.push({
      id,
      number: plan.number,
      title: plan.title,
      state: closedAt === null ? 'open' : 'closed',
      labels: plan.labels,
      authorLogin: plan.authorLogin,
      createdAt: iso(plan.createdAt),
      updatedAt: iso(Math.max(plan.createdAt, closedAt ?? 0, ...own.map((c) => c.updatedAt))),
      closedAt: closedAt === null ? null : iso(closedAt),
    });
  }
  return { issues: issues.sort((a, b) => b.number - a.number), comments, incidents };
}
