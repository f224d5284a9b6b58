/** tRPC over the Fetch API, as the Next route handler serves it (and tests call it, without a server). */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { appRouter } from './root';
import type { Context } from './trpc';

export const TRPC_ENDPOINT = '/api/trpc';

export function handleTrpcRequest(req: Request, createContext: () => Promise<Context>): Promise<Response> {
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    createContext,
    onError({ error, path }) {
      // Client errors (bad input, a miss) are the client's business; anything else is ours to see.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        console.error(`tRPC ${path ?? '<no path>'} failed: ${error.message}`, error.cause ?? '');
      }
    },
  });
}
