/**
 * Every metric in one place: `Record<MetricKey, …>`, so a key without its view, or a view without
 * its key, does not compile. The overview's cards, the explanation panel, a repository's page and the
 * weekly report all read their metrics, and the order they show them in, from here.
 */
import { METRIC_CATALOGUE, METRIC_KEYS, type MetricDefinition, type MetricKey } from '@/metrics/catalogue';
import { CI_ENTRIES } from './ci-entries';
import { COVERAGE_ENTRIES } from './coverage-entries';
import { DELIVERY_ENTRIES } from './delivery-entries';
import type { MetricEntry, Placement } from './metric-entry';
import { PULL_REQUEST_ENTRIES } from './pull-request-entries';

export type { MetricEntry, MetricView, Placement, WeekOptions } from './metric-entry';

const ENTRIES: Readonly<Record<MetricKey, MetricEntry>> = { ...PULL_REQUEST_ENTRIES, ...DELIVERY_ENTRIES, ...CI_ENTRIES, ...COVERAGE_ENTRIES };

/** A metric's registry entry with its catalogue definition (label, unit, direction, formula in words). */
export type RegisteredMetric = MetricEntry & { key: MetricKey; definition: MetricDefinition };

export const METRIC_REGISTRY: Readonly<Record<MetricKey, RegisteredMetric>> = Object.fromEntries(
  METRIC_KEYS.map((key) => [key, { ...ENTRIES[key], key, definition: METRIC_CATALOGUE[key] }]),
) as Record<MetricKey, RegisteredMetric>;

/** The metrics shown in a place, in their order there. */
export function metricsShownIn(place: Placement): MetricKey[] {
  return METRIC_KEYS.flatMap((key) => {
    const position = ENTRIES[key].shownIn?.[place];
    return position === undefined ? [] : [{ key, position }];
  })
    .sort((a, b) => a.position - b.position)
    .map((m) => m.key);
}
