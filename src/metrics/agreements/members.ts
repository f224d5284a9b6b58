/**
 * Each agreement's members (docs/agreements.md#what-applies-and-what-meets): which items an
 * agreement applied to, whether they met it, and whether they are breaking it right now.
 *
 * One rule for the timed agreements: an item applies once its outcome is known, that is once it was
 * answered (reviewed, fixed) or once the target has passed without an answer. An item still inside
 * its target is pending and counts nowhere yet, so this week's adherence never shows a PR as met
 * that may still break the agreement an hour later.
 */
import type { RedTime } from '../ci/red-time';
import type { CoveragePoint } from '../coverage/point';
import { coverageTrend } from '../coverage/trend';
import type { PullRequestRecord } from '../records';
import { isCountedPullRequest, sameLogin } from '../pull-requests/pull-request-ref';
import { reviewRequests } from '../pull-requests/review-turnaround';
import { pullRequestTimestamps } from '../pull-requests/timestamps';
import { businessSeconds } from '../time';
import type { MetricOptions, Period } from '../types';
import { isoWeekKey } from '../weeks';
import type { AgreementMember } from './types';

export type AgreementOptions = Pick<MetricOptions, 'now' | 'timeZone' | 'botLogins' | 'includeBots'>;

/** Who and what a team's agreements cover. */
export interface TeamScope {
  /** The team's logins: its PRs are theirs, its review requests are to them. */
  members: readonly string[];
  /** The repositories whose default branch and coverage the team answers for (`owner/name`); null: every one given. */
  repos: readonly string[] | null;
}

const HOUR = 3600;
const isMember = (login: string | null | undefined, team: TeamScope) => team.members.some((m) => sameLogin(m, login));
const ownsRepo = (repo: string, team: TeamScope) => team.repos === null || team.repos.some((r) => r.toLowerCase() === repo.toLowerCase());
const prSubject = (pr: PullRequestRecord) => ({ type: 'pull-request' as const, repo: pr.repo, number: pr.number, title: pr.title, author: pr.author.login });

function teamPullRequests(prs: readonly PullRequestRecord[], team: TeamScope, options: AgreementOptions): PullRequestRecord[] {
  return prs.filter((pr) => isCountedPullRequest(pr, options) && isMember(pr.author.login, team) && ownsRepo(pr.repo, team));
}

/**
 * First review within N business hours of ready for review. Applies to a member's PR once it was
 * reviewed, or once N business hours passed unreviewed (while open, or before it was merged or closed).
 * Attributed to its ready time.
 */
export function firstReviewMembers(prs: readonly PullRequestRecord[], hours: number, team: TeamScope, options: AgreementOptions): AgreementMember[] {
  const limit = hours * HOUR;
  return teamPullRequests(prs, team, options).flatMap((pr): AgreementMember[] => {
    const { readyAt, firstReviewAt } = pullRequestTimestamps(pr, options);
    if (!readyAt || readyAt > options.now) return [];
    const ended = pr.mergedAt ?? pr.closedAt;
    const until = firstReviewAt ?? (pr.state === 'open' ? options.now : ended!);
    const waited = until > readyAt ? businessSeconds(readyAt, until, options.timeZone) : 0;
    if (!firstReviewAt && waited <= limit) return []; // pending, or ended unreviewed inside the target
    // Waiting: new commits pushed while it waits change its state (a nudge about it is due again).
    const head = pr.commits.reduce<{ sha: string; authoredAt: Date } | null>((a, c) => (!a || c.authoredAt >= a.authoredAt ? c : a), null);
    const state = firstReviewAt ? `reviewed:${firstReviewAt.toISOString()}` : pr.state === 'open' ? `waiting:${head?.sha ?? ''}` : `ended:${pr.state}`;
    return [
      {
        agreement: 'firstReview',
        at: readyAt,
        week: isoWeekKey(readyAt, options.timeZone),
        met: waited <= limit,
        measured: waited,
        ongoing: !firstReviewAt && pr.state === 'open',
        key: `first-review:${pr.repo}#${pr.number}@${readyAt.toISOString()}`,
        state,
        subject: prSubject(pr),
      },
    ];
  });
}

/**
 * Each review request answered within N business hours of t (the request, or ready for review when
 * it came first; docs/metrics.md#review-turnaround). Every `review_requested` event is its own
 * request, re-requests included. Applies to requests to a team member (or to a GitHub team on a
 * member's PR) once answered, or once N business hours passed without an answer, a withdrawal or the
 * PR's end. Attributed to t.
 */
export function reviewResponseMembers(prs: readonly PullRequestRecord[], hours: number, team: TeamScope, options: AgreementOptions): AgreementMember[] {
  const limit = hours * HOUR;
  return prs
    .filter((pr) => isCountedPullRequest(pr, options) && ownsRepo(pr.repo, team))
    .flatMap((pr) =>
      reviewRequests(pr, { ...options, businessTime: true }).flatMap((request): AgreementMember[] => {
        const ours = request.team !== null ? isMember(pr.author.login, team) : isMember(request.reviewer, team);
        if (!ours || request.startsAt > options.now) return [];
        const until = request.respondedAt ?? request.removedAt ?? request.endedAt ?? options.now;
        const waited = until > request.startsAt ? businessSeconds(request.startsAt, until, options.timeZone) : 0;
        if (request.status !== 'answered' && waited <= limit) return [];
        return [
          {
            agreement: 'reviewResponse',
            at: request.startsAt,
            week: isoWeekKey(request.startsAt, options.timeZone),
            met: request.status === 'answered' && waited <= limit,
            measured: waited,
            ongoing: request.status === 'waiting',
            key: `review-request:${pr.repo}#${pr.number}:${request.team ? `team:${request.team}` : request.reviewer}@${request.requestedAt.toISOString()}`,
            state: request.status,
            subject: {
              type: 'review-request',
              repo: pr.repo,
              number: pr.number,
              title: pr.title,
              author: pr.author.login,
              reviewer: request.reviewer,
              team: request.team,
            },
          },
        ];
      }),
    );
}

/** PRs at most N changed lines: applies to a member's PR when it is merged (attributed to the merge). */
export function prSizeMembers(prs: readonly PullRequestRecord[], maxLines: number, team: TeamScope, options: AgreementOptions): AgreementMember[] {
  return teamPullRequests(prs, team, options).flatMap((pr): AgreementMember[] => {
    if (!pr.mergedAt || pr.mergedAt > options.now) return [];
    const lines = pr.additions + pr.deletions;
    return [
      {
        agreement: 'prSize',
        at: pr.mergedAt,
        week: isoWeekKey(pr.mergedAt, options.timeZone),
        met: lines <= maxLines,
        measured: lines,
        ongoing: false,
        key: `pr-size:${pr.repo}#${pr.number}`,
        state: 'merged',
        subject: prSubject(pr),
      },
    ];
  });
}

/**
 * No merge without an approving review: applies to a member's PR when it is merged; met when someone
 * other than the author (not a bot) approved it before the merge (docs/metrics.md#the-timestamps-of-a-pr).
 */
export function approvalMembers(prs: readonly PullRequestRecord[], team: TeamScope, options: AgreementOptions): AgreementMember[] {
  return teamPullRequests(prs, team, options).flatMap((pr): AgreementMember[] => {
    if (!pr.mergedAt || pr.mergedAt > options.now) return [];
    const { firstApprovalAt } = pullRequestTimestamps(pr, options);
    return [
      {
        agreement: 'approvalBeforeMerge',
        at: pr.mergedAt,
        week: isoWeekKey(pr.mergedAt, options.timeZone),
        met: firstApprovalAt !== null,
        measured: null,
        ongoing: false,
        key: `approval:${pr.repo}#${pr.number}`,
        state: 'merged',
        subject: prSubject(pr),
      },
    ];
  });
}

/**
 * Default branch red at most N hours: one member per red stretch of a workflow on a team
 * repository's default branch (docs/metrics.md#ci-health-github-actions), in calendar hours.
 * Applies once the stretch ended, or once it has been red for more than N hours; attributed to the
 * failing run that turned it red.
 */
export function redBranchMembers(red: RedTime, hours: number, team: TeamScope, options: AgreementOptions): AgreementMember[] {
  const limit = hours * HOUR;
  const stretches = [
    ...red.stretches.map((s) => ({ ...s, end: s.endedAt, ongoing: false })),
    ...red.ongoing.map((s) => ({ ...s, end: options.now, ongoing: true })),
  ];
  return stretches.flatMap((s): AgreementMember[] => {
    const repo = s.repo ?? String(s.repoId);
    if (!ownsRepo(repo, team)) return [];
    const seconds = (s.end.getTime() - s.startedAt.getTime()) / 1000;
    if (s.ongoing && seconds <= limit) return [];
    const runId = s.failingRunIds[0]!;
    return [
      {
        agreement: 'redBranch',
        at: s.startedAt,
        week: isoWeekKey(s.startedAt, options.timeZone),
        met: seconds <= limit,
        measured: seconds,
        ongoing: s.ongoing,
        key: `red-branch:${repo}:${s.workflow}@${s.startedAt.toISOString()}`,
        // Still red: another failing run changes its state (a nudge about it is due again).
        state: s.ongoing ? `red:${s.failingRunIds.at(-1)}` : 'green',
        subject: { type: 'red-branch', repo, workflow: s.workflow, branch: s.branch, runId },
      },
    ];
  });
}

/**
 * Coverage never drops more than N pp in a week: one member per team repository and week with a
 * week-over-week change (docs/metrics.md#test-coverage: the week's last point against the level
 * before the week); met when the change is at least −N. Attributed to the week's last covered commit.
 */
export function coverageDropMembers(
  points: readonly CoveragePoint[],
  repoNames: ReadonlyMap<number, string>,
  maxDropPp: number,
  period: Period,
  team: TeamScope,
  options: AgreementOptions,
): AgreementMember[] {
  const byRepo = new Map<number, CoveragePoint[]>();
  for (const p of points) byRepo.set(p.repoId, [...(byRepo.get(p.repoId) ?? []), p]);
  return [...byRepo.entries()].flatMap(([repoId, repoPoints]) => {
    const repo = repoNames.get(repoId) ?? String(repoId);
    if (!ownsRepo(repo, team)) return [];
    return coverageTrend(repoPoints, period, options).weekly.flatMap(({ week, value }): AgreementMember[] => {
      if (value.change === null || !value.last || !value.previous) return [];
      return [
        {
          agreement: 'coverageDrop',
          at: value.last.committedAt,
          week,
          met: value.change >= -maxDropPp,
          measured: value.change,
          ongoing: false,
          key: `coverage:${repo}:${week}`,
          state: value.last.sha,
          subject: { type: 'coverage-week', repo, sha: value.last.sha, fromPct: value.previous.pct, toPct: value.last.pct },
        },
      ];
    });
  });
}
