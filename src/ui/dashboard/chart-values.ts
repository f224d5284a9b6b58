/** Metric values as chart axes read them: durations in hours, rates and coverage in percent. */
import type { MetricUnit } from '@/metrics/catalogue';

export function chartValue(unit: MetricUnit, value: number | null): number | null {
  if (value === null) return null;
  switch (unit) {
    case 'duration':
      return Math.round((value / 3600) * 100) / 100;
    case 'ratio':
      return Math.round(value * 1000) / 10;
    case 'percent':
    case 'count':
      return Math.round(value * 100) / 100;
  }
}

export function axisUnit(unit: MetricUnit): string {
  return unit === 'duration' ? 'h' : unit === 'count' ? '' : '%';
}
