/**
 * Failed deployment recovery time (docs/metrics.md#failed-deployment-recovery-time). Two kinds of member, one distribution:
 * - `deployment`: a deployment that failed by its own outcome, a revert or a hotfix recovers when the
 *   next successful production deployment finishes: `next.finishedAt − finishedAt`;
 * - `incident`: an incident that made a deployment fail recovers when it is closed:
 *   `closedAt − createdAt`.
 * A deployment failed only by incidents is measured through its incidents (its next deployment says
 * nothing about the incident); one failed by its outcome and by an incident gives one member of each
 * kind. Each is attributed to the period of its recovery (the end); one not recovered at `now` is
 * ongoing, with its age.
 */
import { aggregate } from '../aggregate';
import type { IncidentRecord } from '../records';
import { span } from '../time';
import type { Aggregate, MetricOptions, Period } from '../types';
import type { DeploymentFailureMember, FailureReason } from './change-failure';

/** A failure and its recovery: a failed deployment to the next success, or an incident from open to close. */
export type RecoveryMember =
  | {
      kind: 'deployment';
      deploymentId: string;
      repoId: number;
      repo: string;
      label: string;
      reasons: FailureReason[];
      /** The failed deployment's `finishedAt`. */
      failedAt: Date;
      /** The next successful production deployment's `finishedAt`; null: not yet. */
      recoveredAt: Date | null;
      recoveredBy: string | null;
      seconds: number | null;
    }
  | {
      kind: 'incident';
      incidentId: number;
      number: number;
      repoId: number;
      title: string;
      /** The deployments it made fail. */
      deploymentIds: string[];
      /** `createdAt`. */
      failedAt: Date;
      /** `closedAt`; null while open. */
      recoveredAt: Date | null;
      seconds: number | null;
    };

/** A failure not recovered at `now`, with its age. */
export type OngoingRecovery = RecoveryMember & { ageSeconds: number | null };

/** Median recovery time of failures recovered in the period, and the ongoing ones. */
export interface RecoveryTime extends Aggregate<RecoveryMember> {
  /** Failures not recovered at `now`, whatever the period. */
  ongoing: OngoingRecovery[];
}

type SpanOptions = Pick<MetricOptions, 'businessTime' | 'timeZone'>;

/** Every recovery member, recovered or not (any period). */
export function recoveryMembers(failures: readonly DeploymentFailureMember[], incidents: readonly IncidentRecord[], options: SpanOptions): RecoveryMember[] {
  const members: RecoveryMember[] = [];
  const byIncident = new Map<number, string[]>();
  for (const f of failures) {
    if (!f.failed) continue;
    for (const i of f.incidents) byIncident.set(i.id, [...(byIncident.get(i.id) ?? []), f.deploymentId]);
    if (!f.reasons.some((r) => r !== 'incident')) continue;
    members.push({
      kind: 'deployment',
      deploymentId: f.deploymentId,
      repoId: f.repoId,
      repo: f.repo,
      label: f.label,
      reasons: f.reasons,
      failedAt: f.finishedAt,
      recoveredAt: f.nextSuccessAt,
      recoveredBy: f.nextSuccessfulDeploymentId,
      seconds: span(f.finishedAt, f.nextSuccessAt, options).seconds,
    });
  }
  for (const i of incidents) {
    const deploymentIds = byIncident.get(i.id);
    if (!deploymentIds) continue;
    members.push({
      kind: 'incident',
      incidentId: i.id,
      number: i.number,
      repoId: i.repoId,
      title: i.title,
      deploymentIds,
      failedAt: i.createdAt,
      recoveredAt: i.closedAt,
      seconds: span(i.createdAt, i.closedAt, options).seconds,
    });
  }
  return members;
}

/** Recovery time of the failures recovered in the period, and the ones still ongoing at `now`. */
export function recoveryTime(members: readonly RecoveryMember[], period: Period, options: SpanOptions & Pick<MetricOptions, 'now'>): RecoveryTime {
  const ongoing = members
    .filter((m) => m.failedAt <= options.now && (!m.recoveredAt || m.recoveredAt > options.now))
    .map((m) => ({ ...m, ageSeconds: span(m.failedAt, options.now, options).seconds }));
  return { ...aggregate(members, period, (m) => m.recoveredAt, (m) => m.seconds), ongoing };
}
