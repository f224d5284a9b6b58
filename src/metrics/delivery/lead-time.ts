/**
 * Lead time for changes (docs/metrics.md#lead-time-for-changes): per PR, `deployedAt − startAt` (startAt = min(first commit,
 * created)); the headline is the median over PRs deployed in the period (attributed to `deployedAt`).
 * Bot-authored PRs are left out unless `includeBots` (they still ship in deployments). A negative
 * span is null and listed as an anomaly. Under the DevLake preset a PR's lead time is DevLake's cycle
 * time of the deployed PR (docs/metrics.md#the-devlake-preset), the same value as the PR's `lead` phase.
 */
import { aggregate } from '../aggregate';
import { isBot } from '../bots';
import { devlakePullRequest } from '../pull-requests/devlake';
import { pullRequestTimestamps } from '../pull-requests/timestamps';
import type { PullRequestRecord } from '../records';
import { span } from '../time';
import type { Aggregate, MetricOptions, Period } from '../types';
import type { DeploymentMapping, MappingRule } from './map-pull-requests';

/** A shipped PR with its lead time `deployedAt − startAt` and the rule that mapped it. */
export interface LeadTimeMember {
  prId: number;
  repoId: number;
  repo: string;
  number: number;
  title: string;
  author: string | null;
  startAt: Date;
  mergedAt: Date;
  deployedAt: Date;
  deploymentId: string;
  rule: MappingRule;
  /** `deployedAt − startAt` (DevLake preset: its cycle time, whole minutes); null when negative. */
  seconds: number | null;
  negative: boolean;
}

/** Median lead time over PRs deployed in the period. */
export interface LeadTime extends Aggregate<LeadTimeMember> {
  /** Members of the period whose span is negative (left out of the numbers). */
  anomalies: LeadTimeMember[];
}

type LeadTimeOptions = Pick<MetricOptions, 'businessTime' | 'timeZone' | 'botLogins' | 'includeBots'> & Partial<Pick<MetricOptions, 'preset'>>;

/** Every shipped PR's lead time (any period; bots left out unless includeBots). */
export function leadTimeMembers(prs: readonly PullRequestRecord[], mapping: DeploymentMapping, options: LeadTimeOptions): LeadTimeMember[] {
  const byId = new Map(prs.map((p) => [p.id, p]));
  const members: LeadTimeMember[] = [];
  for (const s of mapping.shipped) {
    const pr = byId.get(s.prId);
    if (!pr || (!options.includeBots && isBot(pr.author, options))) continue;
    const startAt = pullRequestTimestamps(pr, options).startAt;
    const devlake = options.preset === 'devlake' ? devlakePullRequest(pr, s.deployedAt) : null;
    // DevLake's cycle is never negative (a negative part is missing and counts as 0) nor in business time.
    const lead = devlake ? { seconds: devlake.cycle * 60, negative: false } : span(startAt, s.deployedAt, options);
    members.push({
      prId: pr.id,
      repoId: pr.repoId,
      repo: pr.repo,
      number: pr.number,
      title: pr.title,
      author: pr.author.login,
      startAt,
      mergedAt: s.mergedAt,
      deployedAt: s.deployedAt,
      deploymentId: s.deploymentId,
      rule: s.rule,
      seconds: lead.seconds,
      negative: lead.negative,
    });
  }
  return members;
}

/** The median (p75, p90, n) lead time of PRs deployed in the period. */
export function leadTime(members: readonly LeadTimeMember[], period: Period): LeadTime {
  const result = aggregate(
    members,
    period,
    (m) => m.deployedAt,
    (m) => m.seconds,
  );
  return { ...result, anomalies: result.members.filter((m) => m.negative) };
}
