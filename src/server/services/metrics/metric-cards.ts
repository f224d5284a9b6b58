/**
 * The headline cards a dashboard page opens with (the overview for its scope, a repository's page
 * for that repository alone): each metric's headline for the period against the period of equal
 * length just before it, its DORA band and its weekly series.
 */
import { DORA_BAND_OF, METRIC_CATALOGUE, type MetricKey } from '@/metrics/catalogue';
import { coverageChange, levelsOf } from '@/metrics/coverage/coverage-change';
import type { ComputedMetrics } from './compute-metrics';
import type { MetricScope } from './resolve-scope';
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

/**
 * Coverage's change compares the same repositories (docs/metrics.md#all-repositories): the mean of
 * each repository's level change between the two periods' ends, naming those with a level in one only.
 */
function coverageChangeBetween(previous: ComputedMetrics, current: ComputedMetrics, repoNames: ReadonlyMap<number, string>): { change: number | null; leftOut: string[] } {
  const { change, leftOut } = coverageChange(levelsOf(previous.coverage.overall.latestLevels), levelsOf(current.coverage.overall.latestLevels));
  return { change, leftOut: leftOut.map((id) => repoNames.get(id) ?? `repository ${id}`).sort() };
}

/** What a card reads from the query's context. */
export interface CardContext {
  scope: Pick<MetricScope, 'options'>;
  repoNames: ReadonlyMap<number, string>;
}

export function metricCard(key: MetricKey, current: ComputedMetrics, previous: ComputedMetrics, context: CardContext): MetricCard {
  const definition = METRIC_CATALOGUE[key];
  const view = metricView(key, current, context.scope.options, context.repoNames);
  const before = metricView(key, previous, context.scope.options, context.repoNames).headline.value;
  const value = view.headline.value;
  const { change, leftOut } =
    key === 'coverage'
      ? coverageChangeBetween(previous, current, context.repoNames)
      : { change: value !== null && before !== null ? value - before : null, leftOut: [] };
  const band = DORA_BAND_OF[key];
  return {
    key,
    ...definition,
    headline: view.headline,
    previous: before,
    change,
    changeLeftOut: leftOut,
    improved: change === null || change === 0 ? null : definition.better === 'lower' ? change < 0 : change > 0,
    band: band ? current.delivery.bands[band] : null,
    weekly: view.weekly,
  };
}

/** Every card of OVERVIEW_CARDS, in its order. */
export function metricCards(current: ComputedMetrics, previous: ComputedMetrics, context: CardContext): MetricCard[] {
  return OVERVIEW_CARDS.map((key) => metricCard(key, current, previous, context));
}
