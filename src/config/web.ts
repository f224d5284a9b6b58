/**
 * The settings of the web surface: where the app is reached from and whether it may be reached
 * without sign-in. Read by the start command, the proxy (on every request, so parsed once and
 * without the rest of the configuration) and `loadConfig`. No `node:*` import: the proxy loads it.
 */
import { z } from 'zod';

/** `https://leadline.example.com`: the one origin browsers reach the app at, besides localhost. */
export const ZPublicUrl = z
  .url({ protocol: /^https?$/, message: 'must be the http(s) URL people open, e.g. https://leadline.example.com' })
  .optional()
  .transform((u, ctx) => {
    if (u === undefined) return null;
    const url = new URL(u);
    if (url.pathname !== '/' || url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'must be an origin only (no path, query or fragment): Leadline is served at the root' });
      return z.NEVER;
    }
    return url.origin;
  });

export const ZAllowUnauthenticated = z
  .enum(['true', 'false'], { message: 'must be true or false' })
  .default('false')
  .transform((v) => v === 'true');

export interface WebSettings {
  /** The public origin (`https://host[:port]`), or null: localhost only. */
  publicUrl: string | null;
  /** Serving beyond this machine without sign-in was asked for explicitly. */
  allowUnauthenticated: boolean;
}

const ZWebEnv = z.object({
  LEADLINE_PUBLIC_URL: z.preprocess((v) => (v === '' ? undefined : v), ZPublicUrl),
  LEADLINE_ALLOW_UNAUTHENTICATED: z.preprocess((v) => (v === '' ? undefined : v), ZAllowUnauthenticated),
});

/** Throws a plain Error naming the variable when a value is bad (loadConfig reports it first, at start-up). */
export function webSettings(env: Record<string, string | undefined> = process.env): WebSettings {
  const parsed = ZWebEnv.safeParse({ LEADLINE_PUBLIC_URL: env.LEADLINE_PUBLIC_URL, LEADLINE_ALLOW_UNAUTHENTICATED: env.LEADLINE_ALLOW_UNAUTHENTICATED });
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { publicUrl: parsed.data.LEADLINE_PUBLIC_URL, allowUnauthenticated: parsed.data.LEADLINE_ALLOW_UNAUTHENTICATED };
}
