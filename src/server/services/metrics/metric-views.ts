/**
 * A metric's view over a computed period (headline, weekly series, member columns and rows), as its
 * registry entry defines it (registry/).
 */
import type { MetricKey } from '@/metrics/catalogue';
import type { ComputedMetrics } from './compute-metrics';
import { METRIC_REGISTRY, type MetricView, type WeekOptions } from './registry/metric-registry';

export type { MetricView } from './registry/metric-registry';

export function metricView(key: MetricKey, c: ComputedMetrics, options: WeekOptions, repoNames: ReadonlyMap<number, string>): MetricView {
  return METRIC_REGISTRY[key].view(c, options, repoNames);
}
