/**
 * Computes the overview's default view (the last 4 complete weeks, every repository) in the
 * background, so the first person to open the dashboard after a start or a sync does not wait for
 * the facts to load: metricContext remembers them until the next sync writes.
 */
import { weekOf, weeksBefore } from '@/metrics/weeks';
import type { Db } from '@/server/db/client';
import type { Logger } from '@/server/logger';
import type { MetricSettings } from '@/server/metric-settings';
import { getTeamHealth } from './get-team-health';
import { ZMetricsQuery } from './metrics-query.types';

export async function warmOverview(db: Db, settings: MetricSettings, now: Date, logger: Logger): Promise<void> {
  const current = weekOf(now, settings.timeZone);
  const from = weeksBefore(current, 4, settings.timeZone)[0]!.from;
  const to = current.from;
  try {
    await getTeamHealth(db, ZMetricsQuery.parse({ from, to }), settings, now);
  } catch (error) {
    // Only a head start: the page computes it anyway, and reports its own errors.
    logger.warn(`could not precompute the overview: ${error instanceof Error ? error.message : String(error)}`);
  }
}
