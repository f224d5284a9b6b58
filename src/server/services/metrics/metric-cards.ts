/**
 * The headline cards a dashboard page opens with (the overview for its scope, a repository's page
 * for that repository alone): each metric's headline for the period against the period of equal
 * length just before it, its DORA band and its weekly series.
 */
import type { MetricKey } from '@/metrics/catalogue';
import { coverageChange, levelsOf } from '@/metrics/coverage/coverage-change';
import type { RepositoryLevel } from '@/metrics/coverage/coverage-metrics';
import type { ComputedMetrics } from './compute-metrics';
import type { MetricScope } from './resolve-scope';
import { metricView } from './metric-views';
import { METRIC_REGISTRY, metricsShownIn } from './registry/metric-registry';
import type { MetricCard } from './team-health.types';

/** The cards, in the order a tech lead reads them (each metric's `shownIn.overview`). */
export const OVERVIEW_CARDS: readonly MetricKey[] = metricsShownIn('overview');

/**
 * A change over the same repositories (docs/metrics.md#all-repositories): the mean of each
 * repository's level change between the two periods' ends, naming those with a level in one only.
 */
function sameRepositoryChange(
  levels: (c: ComputedMetrics) => readonly RepositoryLevel[],
  previous: ComputedMetrics,
  current: ComputedMetrics,
  repoNames: ReadonlyMap<number, string>,
): { change: number | null; leftOut: string[] } {
  const { change, leftOut } = coverageChange(levelsOf(levels(previous)), levelsOf(levels(current)));
  return { change, leftOut: leftOut.map((id) => repoNames.get(id) ?? `repository ${id}`).sort() };
}

/** What a card reads from the query's context. */
export interface CardContext {
  scope: Pick<MetricScope, 'options'>;
  repoNames: ReadonlyMap<number, string>;
}

export function metricCard(key: MetricKey, current: ComputedMetrics, previous: ComputedMetrics, context: CardContext): MetricCard {
  const { definition, band, levels } = METRIC_REGISTRY[key];
  const view = metricView(key, current, context.scope.options, context.repoNames);
  const before = metricView(key, previous, context.scope.options, context.repoNames).headline.value;
  const value = view.headline.value;
  const { change, leftOut } = levels
    ? sameRepositoryChange(levels, previous, current, context.repoNames)
    : { change: value !== null && before !== null ? value - before : null, leftOut: [] };
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
