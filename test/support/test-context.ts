import { loadConfig, type Config } from '../../src/config/env';
import type { Db } from '../../src/server/db/client';
import type { Context } from '../../src/server/api/trpc';
import { metricSettings, type MetricSettings } from '../../src/server/metric-settings';

/** A tRPC context on a test database with the default definitions (UTC, default patterns). */
export function testContext(db: Db, settings: Partial<MetricSettings> = {}, now: Date = new Date(), config: Config = loadConfig({})): Context {
  return { db, config, settings: { ...metricSettings(config), ...settings }, now: () => now, syncClient: { graphqlIntervalMs: 0, retries: 0, retryAfterBaseValue: 1 } };
}
