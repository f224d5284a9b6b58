/**
 * Failed deployment recovery time (docs/metrics.md#failed-deployment-recovery-time): one value per
 * failed deployment, never more.
 * - A deployment failed by its own outcome, a revert or a hotfix (whether or not an incident also
 *   made it fail) recovers when the next successful production deployment finishes:
 *   `next.finishedAt − finishedAt`.
 * - A deployment failed only through incidents (change failure rule b) recovers when its last
 *   incident closes, measured from its first incident's `createdAt`: the next deployment says
 *   nothing about whether the incident was resolved.
 * An incident's own open → close time is incident resolution time (incidents.ts), never a member
 * here: counting it as well would give one failure two values and pull the median toward the
 * (usually short) incident. Each member is attributed to the period of its recovery (the end); one
 * not recovered at `now` is ongoing, with its age.
 */
import { aggregate } from '../aggregate';
import type { IncidentRecord } from '../records';
import { span } from '../time';
import type { Aggregate, MetricOptions, Period } from '../types';
import type { DeploymentFailureMember, FailureReason } from './change-failure';

/** How a failed deployment's recovery is measured. */
export type RecoveryMeasure = 'next-success' | 'incidents';

/** A failed deployment and its recovery. */
export interface RecoveryMember {
  deploymentId: string;
  repoId: number;
  repo: string;
  label: string;
  reasons: FailureReason[];
  /** `next-success`: failed by its outcome, a revert or a hotfix; `incidents`: failed only through incidents. */
  measuredBy: RecoveryMeasure;
  /** Where the clock starts: the deployment's `finishedAt`, or (`incidents`) its first incident's `createdAt`. */
  failedAt: Date;
  /** The next successful deployment's `finishedAt`, or (`incidents`) its last incident's `closedAt`; null: not yet. */
  recoveredAt: Date | null;
  /** The next successful deployment's id (`next-success`); null otherwise or while none. */
  recoveredBy: string | null;
  /** The incidents that made it fail (any measure), with their close times. */
  incidents: { id: number; number: number; createdAt: Date; closedAt: Date | null }[];
  seconds: number | null;
}

/** A failure not recovered at `now`, with its age. */
export type OngoingRecovery = RecoveryMember & { ageSeconds: number | null };

/** Median recovery time of failed deployments recovered in the period, and the ongoing ones. */
export interface RecoveryTime extends Aggregate<RecoveryMember> {
  /** Failures not recovered at `now`, whatever the period. */
  ongoing: OngoingRecovery[];
}

type SpanOptions = Pick<MetricOptions, 'businessTime' | 'timeZone'>;

/** When the last of the incidents closed; null while any is open. */
function lastClose(incidents: readonly { closedAt: Date | null }[]): Date | null {
  let last: Date | null = null;
  for (const i of incidents) {
    if (!i.closedAt) return null;
    if (!last || i.closedAt > last) last = i.closedAt;
  }
  return last;
}

/** One recovery member per failed deployment, recovered or not (any period). */
export function recoveryMembers(
  failures: readonly DeploymentFailureMember[],
  incidentRecords: readonly IncidentRecord[],
  options: SpanOptions,
): RecoveryMember[] {
  const closedAt = new Map(incidentRecords.map((i) => [i.id, i.closedAt]));
  return failures
    .filter((f) => f.failed)
    .map((f): RecoveryMember => {
      const incidents = f.incidents.map((i) => ({ ...i, closedAt: closedAt.get(i.id) ?? null }));
      const base = { deploymentId: f.deploymentId, repoId: f.repoId, repo: f.repo, label: f.label, reasons: f.reasons, incidents };
      if (f.reasons.some((r) => r !== 'incident')) {
        return {
          ...base,
          measuredBy: 'next-success',
          failedAt: f.finishedAt,
          recoveredAt: f.nextSuccessAt,
          recoveredBy: f.nextSuccessfulDeploymentId,
          seconds: span(f.finishedAt, f.nextSuccessAt, options).seconds,
        };
      }
      // Failed only through incidents (so it has at least one): from the first opening to the last close.
      const first = incidents.reduce((a, b) => (b.createdAt < a.createdAt ? b : a)).createdAt;
      const recoveredAt = lastClose(incidents);
      return { ...base, measuredBy: 'incidents', failedAt: first, recoveredAt, recoveredBy: null, seconds: span(first, recoveredAt, options).seconds };
    });
}

/** Recovery time of the failed deployments recovered in the period, and the ones still ongoing at `now`. */
export function recoveryTime(members: readonly RecoveryMember[], period: Period, options: SpanOptions & Pick<MetricOptions, 'now'>): RecoveryTime {
  const ongoing = members
    .filter((m) => m.failedAt <= options.now && (!m.recoveredAt || m.recoveredAt > options.now))
    .map((m) => ({ ...m, ageSeconds: span(m.failedAt, options.now, options).seconds }));
  return {
    ...aggregate(
      members,
      period,
      (m) => m.recoveredAt,
      (m) => m.seconds,
    ),
    ongoing,
  };
}
