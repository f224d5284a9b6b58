/**
 * Per-requester limits for procedures that cost real work or leave something behind (making a
 * report loads five weeks of facts and archives a row). A fixed window per requester and
 * procedure, in this process's memory: one server process serves an install (PGlite allows no
 * other), and a restart forgetting the counts costs nothing. Kept on globalThis because Next.js
 * bundles the API route and the pages separately, each with its own copy of this module.
 */
import { TRPCError } from '@trpc/server';
import { middleware } from './trpc';

export interface RateLimit {
  /** Calls allowed per window. */
  max: number;
  windowMs: number;
}

const holder = globalThis as typeof globalThis & { __leadlineRateWindows?: Map<string, { startedAt: number; count: number }> };

/** `what` names what is counted, for the refusal: "At most 6 reports made per 60 s". */
export function rateLimited(what: string, limit: RateLimit) {
  return middleware(({ ctx, next }) => {
    const windows = (holder.__leadlineRateWindows ??= new Map());
    const now = ctx.now().getTime();
    const key = `${what}\u0000${ctx.requester.key}`;
    let window = windows.get(key);
    if (!window || now - window.startedAt >= limit.windowMs || now < window.startedAt) {
      window = { startedAt: now, count: 0 };
      windows.set(key, window);
    }
    if (window.count >= limit.max) {
      const waitS = Math.ceil((window.startedAt + limit.windowMs - now) / 1000);
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: `At most ${limit.max} ${what} per ${limit.windowMs / 1000} s; try again in ${waitS} s.` });
    }
    window.count += 1;
    return next();
  });
}

/** Forgets every window (tests). */
export function resetRateLimits(): void {
  holder.__leadlineRateWindows?.clear();
}
