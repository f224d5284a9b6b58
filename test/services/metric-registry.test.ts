/**
 * The metric registry (src/server/services/metrics/registry/): every metric has one entry, the
 * places that show metrics read a well-formed order from it, and every view reads "no data" as no
 * number rather than zero. The numbers themselves are proven by the truth tests (team-health,
 * pull-requests-and-repository) and the report tests, which go through the registry.
 */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/config/env';
import { METRIC_KEYS } from '@/metrics/catalogue';
import { DEFAULT_OPTIONS } from '@/metrics/types';
import { metricSettings } from '@/server/metric-settings';
import { computeMetrics, deriveDeliveryFacts } from '@/server/services/metrics/compute-metrics';
import type { MetricRecords } from '@/server/services/metrics/load-metric-records';
import { OVERVIEW_CARDS } from '@/server/services/metrics/metric-cards';
import { metricView } from '@/server/services/metrics/metric-views';
import { METRIC_REGISTRY, type Placement } from '@/server/services/metrics/registry/metric-registry';
import { REPORT_METRICS, REPOSITORY_METRICS } from '@/server/services/reports/build-weekly-report';

const PLACES: Placement[] = ['overview', 'report', 'reportByRepository'];

describe('the metric registry', () => {
  it('has one entry per metric key, carrying its key and catalogue definition', () => {
    expect(Object.keys(METRIC_REGISTRY).sort()).toEqual([...METRIC_KEYS].sort());
    for (const key of METRIC_KEYS) {
      expect(METRIC_REGISTRY[key].key).toBe(key);
      expect(METRIC_REGISTRY[key].definition.label).not.toBe('');
      expect(typeof METRIC_REGISTRY[key].view).toBe('function');
    }
  });

  it.each(PLACES)('numbers the metrics shown in %s 1, 2, 3… with no gap and no repeat', (place) => {
    const positions = METRIC_KEYS.flatMap((key) => METRIC_REGISTRY[key].shownIn?.[place] ?? []).sort((a, b) => a - b);
    expect(positions.length).toBeGreaterThan(0);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
  });

  it('shows the metrics the README and docs/reports.md list, in their order', () => {
    // README, "Overview": nine headline cards, in this order (a repository's page shows the same).
    expect(OVERVIEW_CARDS).toEqual([
      'timeToFirstReview',
      'reviewTurnaround',
      'cycleTime',
      'deploymentFrequency',
      'leadTime',
      'changeFailureRate',
      'recoveryTime',
      'ciSuccessRate',
      'coverage',
    ]);
    // docs/reports.md, "Headline numbers" and "Per repository".
    expect(REPORT_METRICS).toEqual([
      'timeToFirstReview',
      'reviewTurnaround',
      'cycleTime',
      'deploymentFrequency',
      'leadTime',
      'changeFailureRate',
      'recoveryTime',
      'ciSuccessRate',
      'ciDuration',
      'coverage',
      'unreviewedMerges',
    ]);
    expect(REPOSITORY_METRICS).toEqual([
      'cycleTime',
      'timeToFirstReview',
      'deploymentFrequency',
      'changeFailureRate',
      'ciSuccessRate',
      'ciDuration',
      'coverage',
    ]);
  });

  it('gives the DORA band to the four DORA metrics only', () => {
    const banded = METRIC_KEYS.filter((key) => METRIC_REGISTRY[key].band !== undefined);
    expect(banded).toEqual(['deploymentFrequency', 'leadTime', 'changeFailureRate', 'recoveryTime']);
    for (const key of banded) expect(METRIC_REGISTRY[key].band).toBe(key);
  });

  it('reads no data as no number (deployment frequency: zero a week), no rows and distinct columns in every view', () => {
    const now = new Date('2026-11-23T12:00:00Z');
    const records: MetricRecords = {
      repositories: [],
      pullRequests: [],
      githubDeployments: [],
      releases: [],
      incidents: [],
      workflowRuns: [],
      commits: [],
      artifacts: [],
    };
    const settings = metricSettings(loadConfig({}));
    const options = { ...DEFAULT_OPTIONS, now };
    // Two complete ISO weeks (Mon 2026-11-09 to Mon 2026-11-23).
    const period = { from: new Date('2026-11-09T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') };
    const computed = computeMetrics(records, deriveDeliveryFacts(records, settings), period, options, settings);
    for (const key of METRIC_KEYS) {
      const view = metricView(key, computed, options, new Map());
      // Deployment frequency is a median over the period's weeks (docs/metrics.md#deployment-frequency):
      // 2 weeks with 0 deployments each → median 0 over n = 2 weeks. Every other metric has no member, so no value.
      const none = key === 'deploymentFrequency' ? { value: 0, n: 2 } : { value: null, n: 0 };
      expect({ key, value: view.headline.value, n: view.headline.n, rows: view.rows() }).toEqual({ key, ...none, rows: [] });
      expect(
        view.weekly.map((w) => w.value ?? null).filter((v) => v !== null && v !== 0),
        key,
      ).toEqual([]);
      const columns = view.columns.map((c) => c.key);
      expect(new Set(columns).size, key).toBe(columns.length);
    }
  });
});
