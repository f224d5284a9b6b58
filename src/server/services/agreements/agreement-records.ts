/**
 * The facts agreements are judged on, from one metric context: every loaded PR (the team is picked
 * by the agreement, not by the query's author filter), the default branches' red stretches in
 * calendar time, and every coverage point.
 */
import type { AgreementRecords } from '@/metrics/agreements/adherence';
import type { AgreementOptions, TeamScope } from '@/metrics/agreements/members';
import { prepareCi } from '@/metrics/ci/ci-health';
import { coveragePoints } from '@/metrics/coverage/coverage-metrics';
import type { TeamSettings } from '@/config/teams-file';
import { AppError } from '@/server/errors';
import type { MetricContext } from '../metrics/metric-context';

export function agreementRecords(context: MetricContext, timeZone: string): AgreementRecords {
  const { records, repoNames } = context;
  const options = { ...context.scope.options, timeZone, businessTime: false };
  const defaultBranchByRepo = new Map(records.repositories.map((r) => [r.id, r.defaultBranch]));
  return {
    pullRequests: records.pullRequests,
    red: prepareCi(records.workflowRuns, options, { defaultBranchByRepo, repoNames }).red,
    coveragePoints: coveragePoints(records.commits, options, records.artifacts),
    repoNames,
  };
}

export function teamScope(team: TeamSettings): TeamScope {
  return { members: team.members, repos: team.repos };
}

/** Weeks and business hours in the team's zone (else the configured one). */
export function agreementOptions(context: MetricContext, team: TeamSettings): AgreementOptions {
  const { options } = context.scope;
  return { now: options.now, timeZone: team.timeZone ?? options.timeZone, botLogins: options.botLogins, includeBots: false };
}

/** The named team, or every team with at least one agreement. */
export function teamsWithAgreements(teams: Record<string, TeamSettings>, only: string | undefined): [string, TeamSettings][] {
  if (only !== undefined) {
    const team = teams[only];
    if (!team) {
      const known = Object.keys(teams);
      throw new AppError(
        'BAD_REQUEST',
        `Unknown team ${only}: ${known.length ? `the configured teams are ${known.join(', ')}` : 'no teams are configured (LEADLINE_TEAMS_FILE)'}`,
      );
    }
    return [[only, team]];
  }
  return Object.entries(teams)
    .filter(([, team]) => Object.keys(team.agreements).length > 0)
    .sort(([a], [b]) => a.localeCompare(b));
}
