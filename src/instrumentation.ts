/**
 * Runs once when the server starts: the overview's default view is computed in the background, so
 * the first visit does not wait for the stored facts to load (see warm-overview.ts).
 */
export async function register(): Promise<void> {
  // Only in a serving Node.js process: not at the edge, and not while `next build` prerenders.
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const [{ loadConfig }, { getDatabase }, { metricSettings }, { warmOverview }, { consoleLogger }] = await Promise.all([
    import('@/config/env'),
    import('@/server/db/instance'),
    import('@/server/metric-settings'),
    import('@/server/services/metrics/warm-overview'),
    import('@/server/logger'),
  ]);
  void (async () => {
    try {
      const config = loadConfig();
      const { db } = await getDatabase();
      await warmOverview(db, metricSettings(config), new Date(), consoleLogger);
    } catch (error) {
      // A bad configuration is reported by the first request, with the page that explains it.
      consoleLogger.warn(`not precomputing the overview: ${error instanceof Error ? error.message : String(error)}`);
    }
  })();
}
