/** The request context of the running server: the process-wide database and the configured definitions. */
import { loadConfig } from '@/config/env';
import { getDatabase } from '@/server/db/instance';
import { metricSettings } from '@/server/metric-settings';
import type { Context } from './trpc';

export async function createContext(): Promise<Context> {
  const { db } = await getDatabase();
  const config = loadConfig();
  return { db, config, settings: metricSettings(config), now: () => new Date() };
}
