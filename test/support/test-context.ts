import { loadConfig, type Config } from '@/config/env';
import type { Db } from '@/server/db/client';
import type { Context } from '@/server/api/trpc';
import { ANONYMOUS } from '@/server/http/requester';
import { metricSettings, type MetricSettings } from '@/server/metric-settings';

/** A tRPC context on a test database with the default definitions (UTC, default patterns). */
export function testContext(db: Db, settings: Partial<MetricSettings> = {}, now: Date = new Date(), config: Config = loadConfig({})): Context {
  return {
    requester: ANONYMOUS,
    db,
    config,
    settings: { ...metricSettings(config), ...settings },
    now: () => now,
    syncClient: { graphqlIntervalMs: 0, retries: 0, backoffMs: 0 },
  };
}
