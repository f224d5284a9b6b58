/**
 * One query's working set: the scope resolved, the records of every period it needs loaded once,
 * and the delivery facts derived once. Services then compute as many periods as they show.
 */
import type { MetricOptions, Period } from '@/metrics/types';
import type { Db } from '@/server/db/client';
import type { MetricSettings } from '@/server/metric-settings';
import { authorFilter, deriveDeliveryFacts, prepareMetrics, type PeriodMetrics, type AuthorFilter, type ComputedMetrics, type DeliveryFacts } from './compute-metrics';
import { loadMetricRecords, type MetricRecords } from './load-metric-records';
import type { TMetricsQueryParsed } from './metrics-query.types';
import { resolveScope, type MetricScope } from './resolve-scope';

export interface MetricContext {
  scope: MetricScope;
  records: MetricRecords;
  facts: DeliveryFacts;
  repoNames: Map<number, string>;
  compute: (period: Period) => ComputedMetrics;
  /** The author filter of the scope (null: everyone). */
  authors: AuthorFilter;
}

/** The period of equal length that ends where `period` starts. */
export function previousPeriod(period: Period): Period {
  return { from: new Date(2 * period.from.getTime() - period.to.getTime()), to: period.from };
}

export async function metricContext(
  db: Db,
  query: TMetricsQueryParsed,
  settings: MetricSettings,
  now: Date,
  options: { earliest?: Date } = {},
): Promise<MetricContext> {
  const scope = await resolveScope(db, query, settings, now);
  const from = options.earliest && options.earliest < scope.period.from ? options.earliest : scope.period.from;
  const records = await loadMetricRecords(db, { repoIds: scope.repoIds, from, now }, { withComments: query.preset === 'devlake' });
  const facts = deriveDeliveryFacts(records, settings);
  const metricOptions: MetricOptions = scope.options;
  const authors = authorFilter(scope.authors ?? undefined);
  let prepared: PeriodMetrics | undefined;
  return {
    scope,
    records,
    facts,
    repoNames: new Map(scope.repos.map((r) => [r.id, r.fullName])),
    authors,
    // Prepared on first use: a service that only lists PRs never pays for CI and coverage.
    compute: (period) => (prepared ??= prepareMetrics(records, facts, metricOptions, settings, authors))(period),
  };
}
