/**
 * Where @octokit/auth-app keeps a GitHub App's installation token between requests. Its own cache
 * keeps a token 59 minutes by the system clock, whatever `expires_at` GitHub gave; this one reads
 * `expires_at` on the client's clock and forgets the token a margin before it, so a sync that outlives
 * its token (or a test that moves the clock) exchanges the JWT for a fresh one instead of being refused.
 */
import type { Clock } from './clock';

/** Renew this long before GitHub's expiry: no request should leave with a token about to lapse. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

export function installationTokenCache(clock: Clock): { get(key: string): string; set(key: string, value: string): void } {
  const entries = new Map<string, string>();
  return {
    get(key) {
      const value = entries.get(key);
      // auth-app's Cache type wants a string; it takes any falsy answer for "none".
      if (value === undefined) return '';
      // auth-app's format: token|createdAt|expiresAt|repositorySelection|permissions|singleFileName
      const expiresAt = Date.parse(value.split('|')[2] ?? '');
      if (!Number.isFinite(expiresAt) || expiresAt - RENEW_BEFORE_EXPIRY_MS <= clock.now()) {
        entries.delete(key);
        return '';
      }
      return value;
    },
    set(key, value) {
      entries.set(key, value);
    },
  };
}
