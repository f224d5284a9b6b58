/**
 * How metric values read: durations in the unit that suits them, rates and coverage as percentages,
 * changes with a sign. Pure, shared by server and client components (and the e2e tests).
 */
import type { MetricUnit } from '@/metrics/catalogue';

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 42 s, 18 min, 3.5 h, 2.1 d: the largest unit that keeps the number at least 1. */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const abs = Math.abs(seconds);
  if (abs < 60) return `${integer.format(seconds)} s`;
  if (abs < 3600) return `${integer.format(seconds / 60)} min`;
  if (abs < 86_400) return `${oneDecimal.format(seconds / 3600)} h`;
  return `${oneDecimal.format(seconds / 86_400)} d`;
}

/** A 0–1 ratio as a percentage: 0.125 → "12.5 %". */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${oneDecimal.format(ratio * 100)} %`;
}

/** A 0–100 percentage: 81.634 → "81.6 %". */
export function formatPercent(pct: number | null): string {
  return pct === null ? '—' : `${oneDecimal.format(pct)} %`;
}

export function formatMetricValue(unit: MetricUnit, value: number | null): string {
  switch (unit) {
    case 'duration':
      return formatDuration(value);
    case 'ratio':
      return formatRatio(value);
    case 'percent':
      return formatPercent(value);
    case 'count':
      return value === null ? '—' : oneDecimal.format(value);
  }
}

/** A change in the metric's unit, signed: "+2.5 h", "−3.1 pp" (rates and coverage in percentage points). */
export function formatChange(unit: MetricUnit, change: number | null): string {
  if (change === null) return '—';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  const abs = Math.abs(change);
  switch (unit) {
    case 'duration':
      return `${sign}${formatDuration(abs)}`;
    case 'ratio':
      return `${sign}${oneDecimal.format(abs * 100)} pp`;
    case 'percent':
      return `${sign}${oneDecimal.format(abs)} pp`;
    case 'count':
      return `${sign}${oneDecimal.format(abs)}`;
  }
}

/** Hours with one decimal, for chart axes of durations. */
export function toHours(seconds: number | null): number | null {
  return seconds === null ? null : Math.round((seconds / 3600) * 10) / 10;
}
