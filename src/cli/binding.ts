/**
 * Which address the app listens on. Without sign-in, anyone who reaches the port reads every
 * synced title, login and incident and can start syncs with the server's token, so by default the
 * app listens on 127.0.0.1 only. Listening anywhere else without sign-in takes an explicit
 * LEADLINE_ALLOW_UNAUTHENTICATED=true, and is announced with a warning every start.
 */
import type { WebSettings } from '@/config/web';
import { ConfigError } from '@/config/env';

export interface Binding {
  hostname: string;
  /** What to print on start. */
  notice: string;
  /** Printed as a warning on start, when serving beyond this machine without sign-in. */
  warning: string | null;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;

/**
 * `requested`: the `--hostname`/`-H` option, else the HOSTNAME variable, as for `next start`.
 * `signIn`: whether sign-in is configured (not yet available: always false).
 */
export function chooseBinding(requested: string | undefined, port: number, web: WebSettings, signIn = false): Binding {
  const hostname = requested?.trim() || '127.0.0.1';
  const url = `http://${hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname}:${port}`;
  if (LOOPBACK.test(hostname)) {
    return {
      hostname,
      notice: `Serving on ${url}, reachable from this machine only${signIn ? '' : ' (no sign-in is configured; see the README, “Deploying for a team”)'}.`,
      warning: null,
    };
  }
  if (signIn) return { hostname, notice: `Serving on ${url}.`, warning: null };
  if (!web.allowUnauthenticated) {
    throw new ConfigError(
      `Refusing to listen on ${hostname} without sign-in: anyone who reaches port ${port} would read all synced data and could start syncs with the server's GitHub token. ` +
        'To serve it to others anyway (behind a VPN, or a proxy that signs people in), set LEADLINE_ALLOW_UNAUTHENTICATED=true and LEADLINE_PUBLIC_URL to the URL people open; ' +
        'or leave HOSTNAME unset to serve this machine only. See the README, “Deploying for a team”.',
    );
  }
  const unreachable = web.publicUrl
    ? ''
    : ' LEADLINE_PUBLIC_URL is not set, so requests under any name but localhost are refused (421): set it to the URL people open.';
  return {
    hostname,
    notice: `Serving on ${url}${web.publicUrl ? `, opened as ${web.publicUrl}` : ''}.`,
    warning: `WARNING: serving on ${hostname} with no sign-in (LEADLINE_ALLOW_UNAUTHENTICATED=true): everyone who reaches port ${port} sees all synced data and can start syncs.${unreachable}`,
  };
}
