/**
 * DORA's four keys and deployment rework rate over a period (docs/metrics.md#delivery-dora), with
 * incident resolution time, a weekly series and the DORA 2023 bands. Input: detected production
 * deployments, the PRs (all of them: reverts and hotfixes are found among them), the PR → deployment
 * mapping and the incident issues, loaded past the period's end up to `now` (a deployment in the
 * period fails by what happens after it).
 */
import { weekly } from '../aggregate';
import { distribution } from '../percentiles';
import type { IncidentRecord, PullRequestRecord } from '../records';
import { inPeriod } from '../time';
import type { MetricOptions, Period, Rate, WeekPoint } from '../types';
import { doraBands, type DoraBands } from './bands';
import { changeFailureRate, deploymentFailures, type DeploymentFailureMember } from './change-failure';
import type { Deployment } from './deployment';
import { deploymentFrequency, type DeploymentFrequency } from './deployment-frequency';
import { incidentResolutionTime, type IncidentResolution } from './incidents';
import { leadTime, leadTimeMembers, type LeadTime, type LeadTimeMember } from './lead-time';
import type { DeploymentMapping, UnmappedPullRequest } from './map-pull-requests';
import { recoveryMembers, recoveryTime, type RecoveryMember, type RecoveryTime } from './recovery';
import { reworkMembers, reworkRate, type ReworkMember } from './rework';
import type { DeliverySettings } from './settings';
import { deploymentTimeline } from './timeline';

/** What the delivery numbers are computed from. */
export interface DeliveryInput {
  /** Production deployments (detected), pending ones included. */
  deployments: Deployment[];
  prs: PullRequestRecord[];
  mapping: DeploymentMapping;
  incidents: IncidentRecord[];
}

/** One week of the delivery numbers, each counted as in the period headline. */
export interface DeliveryWeek {
  deployments: number;
  deployDays: number;
  leadTimeP50: number | null;
  leadTimeN: number;
  productionDeployments: number;
  failedDeployments: number;
  changeFailureRate: number | null;
  recoveryP50: number | null;
  recoveryN: number;
  reworkDeployments: number;
  reworkRate: number | null;
}

/** The delivery numbers of a period, each with its members. */
export interface DeliveryMetrics {
  deploymentFrequency: DeploymentFrequency;
  leadTime: LeadTime;
  changeFailureRate: Rate<DeploymentFailureMember>;
  recoveryTime: RecoveryTime;
  reworkRate: Rate<ReworkMember>;
  incidentResolution: IncidentResolution;
  weekly: WeekPoint<DeliveryWeek>[];
  bands: DoraBands;
  /**
   * The mapping's loose ends in the period, for the "unmapped deployments/PRs" list: default-branch
   * PRs merged in the period that no deployment ships (yet), and successful deployments finished in
   * the period that shipped no PR.
   */
  unmapped: { pullRequests: UnmappedPullRequest[]; deployments: Deployment[] };
}

const ratio = (numerator: number, denominator: number) => (denominator ? numerator / denominator : null);

/** The per-deployment and per-PR verdicts, which do not depend on the period: computed once per query. */
export interface PreparedDelivery {
  input: DeliveryInput;
  failures: DeploymentFailureMember[];
  leads: LeadTimeMember[];
  recoveries: RecoveryMember[];
  rework: ReworkMember[];
}

export function prepareDelivery(input: DeliveryInput, options: MetricOptions, settings: DeliverySettings): PreparedDelivery {
  const timeline = deploymentTimeline(input.deployments, input.prs, input.mapping);
  const failures = deploymentFailures(timeline, input.prs, input.incidents, settings);
  return {
    input,
    failures,
    leads: leadTimeMembers(input.prs, input.mapping, options),
    recoveries: recoveryMembers(failures, input.incidents, options),
    rework: reworkMembers(timeline, settings),
  };
}

/** Deployment frequency, lead time, change failure rate, recovery time, rework rate and incident resolution for the period. */
export function summariseDelivery(prepared: PreparedDelivery, period: Period, options: MetricOptions, settings: DeliverySettings): DeliveryMetrics {
  const { input } = prepared;
  const frequency = deploymentFrequency(input.deployments, period, options);
  const lead = leadTime(prepared.leads, period);
  const cfr = changeFailureRate(prepared.failures, period);
  const recovery = recoveryTime(prepared.recoveries, period, options);
  const reworked = reworkRate(prepared.rework, period);

  return {
    deploymentFrequency: frequency,
    leadTime: lead,
    changeFailureRate: cfr,
    recoveryTime: recovery,
    reworkRate: reworked,
    incidentResolution: incidentResolutionTime(input.incidents, period, options, settings),
    weekly: deliveryWeekly(frequency, lead.members, cfr.members, recovery.members, reworked.members, period, options),
    bands: doraBands({
      medianDeployDaysPerWeek: input.deployments.length ? frequency.medianDeployDaysPerWeek : null,
      medianDeployDaysPerMonth: input.deployments.length ? frequency.medianDeployDaysPerMonth : null,
      leadTimeSeconds: lead.value.p50,
      changeFailureRate: cfr.value,
      recoverySeconds: recovery.value.p50,
    }),
    unmapped: unmappedInPeriod(input, period),
  };
}

/** The delivery numbers of one period (prepare + summarise). */
export function deliveryMetrics(input: DeliveryInput, period: Period, options: MetricOptions, settings: DeliverySettings): DeliveryMetrics {
  return summariseDelivery(prepareDelivery(input, options, settings), period, options, settings);
}

function unmappedInPeriod(input: DeliveryInput, period: Period): DeliveryMetrics['unmapped'] {
  const without = new Set(input.mapping.deploymentsWithoutPullRequests);
  return {
    pullRequests: input.mapping.unmappedPullRequests.filter((u) => inPeriod(u.mergedAt, period)),
    deployments: input.deployments.filter((d) => without.has(d.id) && inPeriod(d.finishedAt, period)),
  };
}

function deliveryWeekly(
  frequency: DeploymentFrequency,
  leads: LeadTimeMember[],
  failures: DeploymentFailureMember[],
  recoveries: RecoveryMember[],
  rework: ReworkMember[],
  period: Period,
  options: Pick<MetricOptions, 'now' | 'timeZone'>,
): WeekPoint<DeliveryWeek>[] {
  const lead = weekly(
    leads,
    period,
    options,
    (m) => m.deployedAt,
    (w) => distribution(w.map((m) => m.seconds)),
  );
  const cfr = weekly(
    failures,
    period,
    options,
    (m) => m.finishedAt,
    (w) => ({ n: w.length, failed: w.filter((m) => m.failed).length }),
  );
  const recovery = weekly(
    recoveries,
    period,
    options,
    (m) => m.recoveredAt,
    (w) => distribution(w.map((m) => m.seconds)),
  );
  const reworked = weekly(
    rework,
    period,
    options,
    (m) => m.finishedAt,
    (w) => ({ n: w.length, rework: w.filter((m) => m.rework).length }),
  );
  return frequency.weekly.map((point, i) => {
    const c = cfr[i]!.value;
    const r = reworked[i]!.value;
    return {
      ...point,
      value: {
        deployments: point.value.deployments,
        deployDays: point.value.deployDays,
        leadTimeP50: lead[i]!.value.p50,
        leadTimeN: lead[i]!.value.n,
        productionDeployments: c.n,
        failedDeployments: c.failed,
        changeFailureRate: ratio(c.failed, c.n),
        recoveryP50: recovery[i]!.value.p50,
        recoveryN: recovery[i]!.value.n,
        reworkDeployments: r.rework,
        reworkRate: ratio(r.rework, r.n),
      },
    };
  });
}
