/**
 * Incidents (docs/metrics.md#change-failure-rate (b) and #failed-deployment-recovery-time): issues with a label matching
 * the incident pattern (default `incident`). Resolution time = `closedAt − createdAt`, attributed to
 * the period of `closedAt`; an incident still open at `now` is listed with its age.
 */
import { aggregate } from '../aggregate';
import type { IncidentRecord } from '../records';
import { span } from '../time';
import type { Aggregate, MetricOptions, Period } from '../types';
import { matches, type DeliverySettings } from './settings';

/** An issue with a label matching the incident pattern. */
export function isIncident(issue: Pick<IncidentRecord, 'labels'>, settings: Pick<DeliverySettings, 'incidentLabel'>): boolean {
  return issue.labels.some((l) => matches(settings.incidentLabel, l));
}

/** An incident with its resolution time `closedAt − createdAt`. */
export interface IncidentMember {
  incidentId: number;
  repoId: number;
  number: number;
  title: string;
  createdAt: Date;
  closedAt: Date | null;
  /** `closedAt − createdAt`; null while open or when negative. */
  seconds: number | null;
}

/** An incident not closed at `now`, with its age. */
export interface OpenIncident extends IncidentMember {
  /** `now − createdAt`. */
  ageSeconds: number | null;
}

/** Median resolution time of incidents closed in the period, and the open ones. */
export interface IncidentResolution extends Aggregate<IncidentMember> {
  /** Incidents opened at or before `now` and not closed by then, whatever the period. */
  open: OpenIncident[];
}

/** Incident resolution time: `closedAt − createdAt` per incident closed in the period. */
export function incidentResolutionTime(
  issues: readonly IncidentRecord[],
  period: Period,
  options: Pick<MetricOptions, 'now' | 'businessTime' | 'timeZone'>,
  settings: Pick<DeliverySettings, 'incidentLabel'>,
): IncidentResolution {
  const members: IncidentMember[] = issues
    .filter((i) => isIncident(i, settings))
    .map((i) => ({
      incidentId: i.id,
      repoId: i.repoId,
      number: i.number,
      title: i.title,
      createdAt: i.createdAt,
      closedAt: i.closedAt,
      seconds: span(i.createdAt, i.closedAt, options).seconds,
    }));
  const open = members
    .filter((m) => m.createdAt <= options.now && (!m.closedAt || m.closedAt > options.now))
    .map((m) => ({ ...m, ageSeconds: span(m.createdAt, options.now, options).seconds }));
  return {
    ...aggregate(
      members,
      period,
      (m) => m.closedAt,
      (m) => m.seconds,
    ),
    open,
  };
}
