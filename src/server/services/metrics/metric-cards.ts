/**
 * The headline cards a dashboard page opens with (the overview for its scope, a repository's page
 * for that repository alone): each metric's headline for the period against the period of equal
 * length just before it, its DORA band and its weekly series.
 */
import { DORA_BAND_OF, METRIC_CATALOGUE, type MetricKey } from '@/metrics/catalogue';
import type { ComputedMetrics } from './compute-metrics';
import type { MetricContext } from './metric-context';
import { metricView } from './metric-views';
import type { MetricCard } from './team-health.types';

/** The cards, in the order a tech lead reads them. */
export const OVERVIEW_CARDS: readonly MetricKey[] = [
  'timeToFirstReview',
  'reviewTurnaround',
  'cycleTime',
  'deploymentFrequency',
  'leadTime',
  'changeFailureRate',
  'recoveryTime',
  'ciSuccessRate',
  'coverage',
];

export function metricCard(key: MetricKey, current: ComputedMetrics, previous: ComputedMetrics, context: Pick<MetricContext, 'scope' | 'repoNames'>): MetricCard {
  const definition = METRIC_CATALOGUE[key];
  const view = metricView(key, current, context.scope.options, context.repoNames);
  const before = metricView(key, previous, context.scope.options, context.repoNames).headline.value;
  const value = view.headline.value;
  const change = value !== null && before !== null ? value - before : null;
  const band = DORA_BAND_OF[key];
  return {
    key,
    ...definition,
    headline: view.headline,
    previous: before,
    change,
    improved: change === null || change === 0 ? null : definition.better === 'lower' ? change < 0 : change > 0,
    band: band ? current.delivery.bands[band] : null,
    weekly: view.weekly,
  };
}

/** Every card of OVERVIEW_CARDS, in its order. */
export function metricCards(current: ComputedMetrics, previous: ComputedMetrics, context: Pick<MetricContext, 'scope' | 'repoNames'>): MetricCard[] {
  return OVERVIEW_CARDS.map((key) => metricCard(key, current, previous, context));
}
