/**
 * tRPC's one initialisation: context, transformer, error shape, and the procedure builders every
 * router uses. Routers validate input, call one service and map its misses; nothing else.
 */
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z } from 'zod';
import type { Db } from '@/server/db/client';
import { AppError } from '@/server/errors';
import type { Config } from '@/config/env';
import type { Requester } from '@/server/http/requester';
import type { MetricSettings } from '@/server/metric-settings';
import type { Clock } from '@/server/github/clock';

export interface Context {
  /** Who is asking (src/server/http/requester.ts): what sign-in will narrow, and what limits count by. */
  requester: Requester;
  db: Db;
  /** The configured parts of the metric definitions (zone, bots, deployment patterns). */
  settings: MetricSettings;
  /** The clock every "now" is read from (tests fix it). */
  now: () => Date;
  /** The whole configuration, for what needs more than the definitions (a sync). Server-side only. */
  config: Config;
  /** GitHub client tuning for a sync started from the app (tests talk to a local fake and need no pacing, and hold waits on their own clock). */
  syncClient?: { graphqlIntervalMs?: number; retries?: number; backoffMs?: number; clock?: Clock };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Input that fails its schema is a 400 whose message lists each issue by path, one per line,
    // instead of tRPC's default JSON dump of the issue array. (A failing *output* schema is our
    // bug, a 500, and is not described to the client.)
    const inputError = error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError ? error.cause : null;
    // Internal errors can quote configuration (an invalid DATABASE_URL, say); outside development
    // their text stays in the server log and the client gets a generic message.
    const hidden = error.code === 'INTERNAL_SERVER_ERROR' && process.env.NODE_ENV === 'production';
    return {
      ...shape,
      message: inputError ? z.prettifyError(inputError) : hidden ? 'Internal server error' : shape.message,
      data: {
        ...shape.data,
        zodError: inputError ? z.flattenError(inputError) : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
/** Services report a caller's mistake as an AppError; here it becomes the matching tRPC error once. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    throw new TRPCError({ code: result.error.cause.code, message: result.error.cause.message, cause: result.error.cause });
  }
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);
