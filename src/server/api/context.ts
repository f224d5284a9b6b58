/** The request context of the running server: who is asking, the process-wide database and the configured definitions. */
import { headers } from 'next/headers';
import { loadConfig } from '@/config/env';
import { getDatabase } from '@/server/db/instance';
import { identifyRequester } from '@/server/http/requester';
import { metricSettings } from '@/server/metric-settings';
import type { Context } from './trpc';

/** For a tRPC request; without one (a server component, a route handler), from the request being rendered. */
export async function createContext(request?: Request): Promise<Context> {
  const requester = identifyRequester(request?.headers ?? (await headers()));
  const { db } = await getDatabase();
  const config = loadConfig();
  return { db, config, settings: metricSettings(config), now: () => new Date(), requester };
}
