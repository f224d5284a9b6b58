/**
 * Which `Host` a request may name. A page on any website can make a browser send requests to
 * 127.0.0.1 under the website's own name (DNS rebinding: the name first resolves to the attacker,
 * then to this machine), and the browser then lets that page read the answers. The defence is to
 * answer only requests addressed to a name this install is known by: the loopback names, and the
 * public URL it is configured with.
 */

/** Names that always mean this machine (browsers resolve `*.localhost` to loopback themselves). */
function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** A Host header as URL parts, or null when it is not a plain `name[:port]`. */
function parseHost(host: string): URL | null {
  if (!/^[\w.-]+(?::\d{1,5})?$|^\[[\da-f:.]+\](?::\d{1,5})?$/i.test(host)) return null;
  try {
    return new URL(`http://${host}`);
  } catch {
    return null;
  }
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

export function isAllowedHost(host: string | null, publicUrl: string | null): boolean {
  const parsed = host ? parseHost(host) : null;
  if (!parsed) return false;
  if (isLoopbackName(parsed.hostname)) return true;
  if (!publicUrl) return false;
  const wanted = new URL(publicUrl);
  if (parsed.hostname !== wanted.hostname) return false;
  // A reverse proxy may pass the public name with or without its port.
  return parsed.port === '' || parsed.port === (wanted.port || DEFAULT_PORTS[wanted.protocol]);
}

/** Why a Host is refused, in words that say what to change. */
export function hostRefusal(host: string | null, publicUrl: string | null): string {
  const named = host ? `"${host}"` : 'no host';
  return publicUrl
    ? `This Leadline answers only at ${publicUrl} and on localhost; the request named ${named}. Open ${publicUrl}, or change LEADLINE_PUBLIC_URL.`
    : `This Leadline answers only on localhost; the request named ${named}. To serve it under another name, set LEADLINE_PUBLIC_URL to the URL people open (see the README, “Deploying for a team”).`;
}
