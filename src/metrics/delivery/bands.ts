/**
 * DORA 2023 performance bands, as DevLake implements them (docs/metrics.md#performance-bands-dora-2023-as-devlake-implements-them). The thresholds are
 * below, as data: the UI shows them next to the band.
 */

/** A DORA 2023 performance band. */
export type DoraBand = 'elite' | 'high' | 'medium' | 'low';

const HOUR = 3600;
const DAY = 24 * HOUR;

/** docs/metrics.md#performance-bands-dora-2023-as-devlake-implements-them */
export const DORA_2023_THRESHOLDS = {
  /** Median deploy-days per week ≥ 5: elite; ≥ 1: high; else median deploy-days per month ≥ 1: medium; else low. */
  deploymentFrequency: { eliteDeployDaysPerWeek: 5, highDeployDaysPerWeek: 1, mediumDeployDaysPerMonth: 1 },
  /** Median lead time < 1 day: elite; < 1 week: high; < 30 days: medium; else low. Seconds. */
  leadTime: { elite: DAY, high: 7 * DAY, medium: 30 * DAY },
  /** Change failure rate ≤ 5%: elite; ≤ 10%: high; ≤ 15%: medium; else low. */
  changeFailureRate: { elite: 0.05, high: 0.1, medium: 0.15 },
  /** Median recovery time < 1 hour: elite; < 1 day: high; < 1 week: medium; else low. Seconds. */
  recoveryTime: { elite: HOUR, high: DAY, medium: 7 * DAY },
} as const;

/** Rates are compared with this tolerance, so 3 of 20 (0.15000000000000002 or so) is exactly 15%. */
const RATE_TOLERANCE = 1e-9;

/** The four headline values the bands read. */
export interface DoraBandInput {
  /** null: no deployment data at all (no band). */
  medianDeployDaysPerWeek: number | null;
  medianDeployDaysPerMonth: number | null;
  /** Median lead time, seconds. */
  leadTimeSeconds: number | null;
  changeFailureRate: number | null;
  /** Median failed deployment recovery time, seconds. */
  recoverySeconds: number | null;
}

/** Each metric's band; null where the metric has no value. */
export interface DoraBands {
  deploymentFrequency: DoraBand | null;
  leadTime: DoraBand | null;
  changeFailureRate: DoraBand | null;
  recoveryTime: DoraBand | null;
}

const below = (value: number, limits: { elite: number; high: number; medium: number }): DoraBand =>
  value < limits.elite ? 'elite' : value < limits.high ? 'high' : value < limits.medium ? 'medium' : 'low';

/** Deployment frequency band from the median deploy-days per week (and per month). */
export function deploymentFrequencyBand(perWeek: number | null, perMonth: number | null): DoraBand | null {
  if (perWeek === null) return null;
  const t = DORA_2023_THRESHOLDS.deploymentFrequency;
  if (perWeek >= t.eliteDeployDaysPerWeek) return 'elite';
  if (perWeek >= t.highDeployDaysPerWeek) return 'high';
  return perMonth !== null && perMonth >= t.mediumDeployDaysPerMonth ? 'medium' : 'low';
}

/** Lead time band from the median lead time (seconds). */
export function leadTimeBand(seconds: number | null): DoraBand | null {
  return seconds === null ? null : below(seconds, DORA_2023_THRESHOLDS.leadTime);
}

/** Change failure rate band (0..1); the limits are inclusive. */
export function changeFailureRateBand(value: number | null): DoraBand | null {
  if (value === null) return null;
  const t = DORA_2023_THRESHOLDS.changeFailureRate;
  if (value <= t.elite + RATE_TOLERANCE) return 'elite';
  if (value <= t.high + RATE_TOLERANCE) return 'high';
  return value <= t.medium + RATE_TOLERANCE ? 'medium' : 'low';
}

/** Recovery time band from the median recovery time (seconds). */
export function recoveryTimeBand(seconds: number | null): DoraBand | null {
  return seconds === null ? null : below(seconds, DORA_2023_THRESHOLDS.recoveryTime);
}

/** The four bands; null where the metric has no value. */
export function doraBands(input: DoraBandInput): DoraBands {
  return {
    deploymentFrequency: deploymentFrequencyBand(input.medianDeployDaysPerWeek, input.medianDeployDaysPerMonth),
    leadTime: leadTimeBand(input.leadTimeSeconds),
    changeFailureRate: changeFailureRateBand(input.changeFailureRate),
    recoveryTime: recoveryTimeBand(input.recoverySeconds),
  };
}
