/**
 * One query's working set: the scope resolved, the records of every period it needs loaded once,
 * and the delivery facts derived once. Services then compute as many periods as they show.
 *
 * Loading and preparing dominate a dashboard request, and a dashboard asks the same question again
 * and again (the overview, then a card's explanation, then the overview again) while the data only
 * changes when a sync writes. So the records and delivery facts are remembered per database and
 * scope until the facts' fingerprint changes (any sync page, any run), and the prepared metrics
 * also per minute of `now` (waiting ages and in-progress weeks read the clock).
 */
import type { MetricOptions, Period } from '@/metrics/types';
import type { Db } from '@/server/db/client';
import { factsFingerprint } from '@/server/db/queries/sync-status';
import type { MetricSettings } from '@/server/metric-settings';
import {
  authorFilter,
  deriveDeliveryFacts,
  prepareMetrics,
  type AuthorFilter,
  type ComputedMetrics,
  type DeliveryFacts,
  type PeriodMetrics,
} from './compute-metrics';
import { loadMetricRecords, metricRecordsAsOf, type MetricRecords } from './load-metric-records';
import type { MetricsQuery } from './metrics-query.types';
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

interface Remembered {
  fingerprint: string;
  records: MetricRecords;
  facts: DeliveryFacts;
  prepared: Map<string, PeriodMetrics>;
}

const MAX_REMEMBERED = 16;
// On globalThis: Next.js bundles pages and the API route separately, each with its own copy of this
// module, and both should find what the other remembered.
const holder = globalThis as typeof globalThis & { __leadlineMetricMemo?: WeakMap<Db, Map<string, Remembered>> };
const remembered = (holder.__leadlineMetricMemo ??= new WeakMap());

function remember(db: Db, key: string, entry: Remembered): void {
  let byKey = remembered.get(db);
  if (!byKey) remembered.set(db, (byKey = new Map()));
  byKey.delete(key);
  byKey.set(key, entry);
  // Least recently used first: Map keeps insertion order.
  while (byKey.size > MAX_REMEMBERED) byKey.delete(byKey.keys().next().value!);
}

/** Forgets what was remembered for a database (the benchmark measures cold requests with it). */
export function forgetMetricContexts(db: Db): void {
  remembered.delete(db);
}

const patterns = (settings: MetricSettings) =>
  [settings.productionEnvironment, settings.deployWorkflow, settings.incidentLabel, settings.hotfixPattern].map(String).join(' ');

export interface MetricContextOptions {
  /** The earliest period start the caller will compute (default: the query's). */
  earliest?: Date;
  /**
   * Compute as of this instant instead of `now`: only the facts as they stood then, and every age
   * and "still waiting / red / open" judged then (a past week's report, as of the week's end).
   */
  asOf?: Date;
}

export async function metricContext(
  db: Db,
  query: MetricsQuery,
  settings: MetricSettings,
  now: Date,
  options: MetricContextOptions = {},
): Promise<MetricContext> {
  const asOf = options.asOf && options.asOf < now ? options.asOf : null;
  const scope = await resolveScope(db, query, settings, asOf ?? now);
  const from = options.earliest && options.earliest < scope.period.from ? options.earliest : scope.period.from;
  const withComments = query.preset === 'devlake';
  const key = JSON.stringify([scope.repoIds, from.toISOString(), withComments, patterns(settings), asOf?.toISOString() ?? null]);
  const fingerprint = await factsFingerprint(db);
  let entry = remembered.get(db)?.get(key);
  if (!entry || entry.fingerprint !== fingerprint) {
    const loaded = await loadMetricRecords(db, { repoIds: scope.repoIds, from, now }, { withComments });
    const records = asOf ? metricRecordsAsOf(loaded, asOf) : loaded;
    entry = { fingerprint, records, facts: deriveDeliveryFacts(records, settings), prepared: new Map() };
  }
  remember(db, key, entry);

  const metricOptions: MetricOptions = scope.options;
  const authors = authorFilter(scope.authors ?? undefined);
  const { options: o } = scope;
  const preparedKey = JSON.stringify([Math.floor(o.now.getTime() / 60_000), o.timeZone, o.businessTime, o.includeBots, o.botLogins, o.preset, scope.authors]);
  const { records, facts, prepared } = entry;
  return {
    scope,
    records,
    facts,
    repoNames: new Map(scope.repos.map((r) => [r.id, r.fullName])),
    authors,
    // Prepared on first use: a service that only lists PRs never pays for CI and coverage.
    compute: (period) => {
      let metrics = prepared.get(preparedKey);
      if (!metrics) {
        // Older minutes are never asked again; a few switches' worth of entries is plenty.
        if (prepared.size >= 8) prepared.clear();
        prepared.set(preparedKey, (metrics = prepareMetrics(records, facts, metricOptions, settings, authors)));
      }
      return metrics(period);
    },
  };
}
