/**
 * "Where does this number come from?": one metric over the query's period with every member it
 * was computed from, each with its own value, and the formula in words. A chart point is explained
 * by asking for its week as the period.
 */
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import type { MetricKey } from '@/metrics/catalogue';
import { metricContext, previousPeriod } from './metric-context';
import type { MetricExplanation } from './metric-view.types';
import { metricView } from './metric-views';
import { METRIC_REGISTRY } from './registry/metric-registry';
import type { MetricsQuery } from './metrics-query.types';

export async function explainMetric(db: Db, query: MetricsQuery, key: MetricKey, settings: MetricSettings, now: Date): Promise<MetricExplanation> {
  // The overview's window (it compares with the previous period), so opening a card reuses its load.
  const context = await metricContext(db, query, settings, now, { earliest: previousPeriod({ from: query.from, to: query.to }).from });
  const view = metricView(key, context.compute(context.scope.period), context.scope.options, context.repoNames);
  return {
    key,
    ...METRIC_REGISTRY[key].definition,
    preset: query.preset,
    period: context.scope.period,
    headline: view.headline,
    columns: view.columns,
    rows: view.rows(),
  };
}
