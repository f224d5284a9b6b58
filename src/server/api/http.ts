/** tRPC over the Fetch API, as the Next route handler serves it (and tests call it, without a server). */
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { readBodyWithin } from '@/server/http/body-limit';
import { MAX_BODY_BYTES, refuseUnlessJson } from '@/server/http/request-guard';
import { appRouter } from './root';
import type { Context } from './trpc';

export const TRPC_ENDPOINT = '/api/trpc';

/** Calls per batched request (the browser's client batches at most 10: src/ui/trpc/react.tsx). */
export const MAX_BATCH_SIZE = 16;

export async function handleTrpcRequest(req: Request, createContext: (req: Request) => Promise<Context>): Promise<Response> {
  // The proxy refuses these before they get here; checked again so the endpoint is safe on its own.
  const notJson = refuseUnlessJson(req);
  if (notJson) return Response.json({ error: { message: notJson.reason } }, { status: notJson.status });
  if (req.body) {
    const read = await readBodyWithin(req, MAX_BODY_BYTES);
    if ('tooLarge' in read) {
      return Response.json({ error: { message: `The request body is larger than ${MAX_BODY_BYTES} bytes, the most accepted.` } }, { status: 413 });
    }
    req = new Request(req.url, { method: req.method, headers: req.headers, body: read.body as BodyInit, signal: req.signal });
  }
  return fetchRequestHandler({
    endpoint: TRPC_ENDPOINT,
    req,
    router: appRouter,
    maxBatchSize: MAX_BATCH_SIZE,
    createContext: () => createContext(req),
    onError({ error, path }) {
      // Client errors (bad input, a miss) are the client's business; anything else is ours to see.
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        console.error(`tRPC ${path ?? '<no path>'} failed: ${error.message}`, error.cause ?? '');
      }
    },
  });
}
