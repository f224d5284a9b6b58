/**
 * Adherence to a team's agreements (docs/agreements.md#adherence): per agreement, the members it
 * applied to in the period, met / applied, the same per week, and the breaches.
 */
import { rate, weekly } from '../aggregate';
import type { RedTime } from '../ci/red-time';
import type { CoveragePoint } from '../coverage/point';
import type { PullRequestRecord } from '../records';
import type { Period } from '../types';
import {
  approvalMembers,
  coverageDropMembers,
  firstReviewMembers,
  prSizeMembers,
  redBranchMembers,
  reviewResponseMembers,
  type AgreementOptions,
  type TeamScope,
} from './members';
import type { AgreementAdherence, AgreementKey, AgreementMember, Agreements } from './types';

export interface AgreementRecords {
  pullRequests: readonly PullRequestRecord[];
  /** Default-branch red stretches of every workflow (ci/red-time.ts), calendar time. */
  red: RedTime;
  /** Every coverage point (coverage/coverage-metrics.ts), before the period included. */
  coveragePoints: readonly CoveragePoint[];
  repoNames: ReadonlyMap<number, string>;
}

/** The configured agreements in a fixed order, each with its target. */
export function configuredAgreements(agreements: Agreements): { agreement: AgreementKey; target: number | true }[] {
  const list: { agreement: AgreementKey; target: number | true }[] = [];
  if (agreements.firstReviewHours !== undefined) list.push({ agreement: 'firstReview', target: agreements.firstReviewHours });
  if (agreements.reviewResponseHours !== undefined) list.push({ agreement: 'reviewResponse', target: agreements.reviewResponseHours });
  if (agreements.maxChangedLines !== undefined) list.push({ agreement: 'prSize', target: agreements.maxChangedLines });
  if (agreements.approvalBeforeMerge) list.push({ agreement: 'approvalBeforeMerge', target: true });
  if (agreements.maxRedHours !== undefined) list.push({ agreement: 'redBranch', target: agreements.maxRedHours });
  if (agreements.maxCoverageDropPp !== undefined) list.push({ agreement: 'coverageDrop', target: agreements.maxCoverageDropPp });
  return list;
}

/** Every member of one agreement, whatever its week (coverage: the weeks of `period`). */
export function agreementMembers(
  agreement: AgreementKey,
  target: number | true,
  records: AgreementRecords,
  period: Period,
  team: TeamScope,
  options: AgreementOptions,
): AgreementMember[] {
  const n = target === true ? 0 : target;
  switch (agreement) {
    case 'firstReview':
      return firstReviewMembers(records.pullRequests, n, team, options);
    case 'reviewResponse':
      return reviewResponseMembers(records.pullRequests, n, team, options);
    case 'prSize':
      return prSizeMembers(records.pullRequests, n, team, options);
    case 'approvalBeforeMerge':
      return approvalMembers(records.pullRequests, team, options);
    case 'redBranch':
      return redBranchMembers(records.red, n, team, options);
    case 'coverageDrop':
      return coverageDropMembers(records.coveragePoints, records.repoNames, n, period, team, options);
  }
}

const byTime = (a: AgreementMember, b: AgreementMember) => a.at.getTime() - b.at.getTime() || a.key.localeCompare(b.key);

export function agreementAdherence(
  agreements: Agreements,
  records: AgreementRecords,
  period: Period,
  team: TeamScope,
  options: AgreementOptions,
): AgreementAdherence[] {
  return configuredAgreements(agreements).map(({ agreement, target }) => {
    const members = agreementMembers(agreement, target, records, period, team, options).sort(byTime);
    const adherence = rate(
      members,
      period,
      (m) => m.at,
      () => true,
      (m) => m.met,
    );
    return {
      agreement,
      target,
      adherence,
      weekly: weekly(
        members,
        period,
        options,
        (m) => m.at,
        (inWeek) => {
          const met = inWeek.filter((m) => m.met).length;
          return { met, applied: inWeek.length, value: inWeek.length ? met / inWeek.length : null };
        },
      ),
      breaches: adherence.members.filter((m) => !m.met),
    };
  });
}

/** What breaks an agreement right now (waiting past the target, still red), whatever week it started in. */
export function currentBreaches(agreements: Agreements, records: AgreementRecords, team: TeamScope, options: AgreementOptions): AgreementMember[] {
  const everything: Period = { from: new Date(0), to: new Date(options.now.getTime() + 1) };
  return configuredAgreements(agreements)
    .filter(({ agreement }) => agreement === 'firstReview' || agreement === 'reviewResponse' || agreement === 'redBranch')
    .flatMap(({ agreement, target }) => agreementMembers(agreement, target, records, everything, team, options))
    .filter((m) => m.ongoing && !m.met)
    .sort(byTime);
}
