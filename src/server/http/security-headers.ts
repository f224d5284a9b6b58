/**
 * The headers every response carries. Pages get a Content Security Policy with a fresh nonce per
 * request: Next.js reads it from the request's own CSP header and puts it on every script it emits
 * (its bootstrap, the RSC payload, `next/script`), and `'strict-dynamic'` lets those load the
 * chunks they need, so no script that Leadline did not emit can run. Styles allow inline
 * attributes: React renders `style` props into the server HTML (recharts sizes its charts so),
 * and a nonce cannot cover an attribute. Everything that is not a page (tRPC answers, downloads,
 * assets) may run nothing and load nothing but inline styles and data: images.
 */

export type ResponseKind =
  /** An HTML page of the app. */
  | 'page'
  /** An archived HTML report shown in the reports page's preview frame (`?inline=1`). */
  | 'framed-report'
  /** Anything else: tRPC answers, downloads, assets. */
  | 'other';

export interface SecurityHeaderOptions {
  kind: ResponseKind;
  /** The page's script nonce (pages only). */
  nonce?: string;
  /** Served over https (the public URL is https, or a proxy in front says so): HSTS and upgrades. */
  https: boolean;
  /** `next dev` evaluates code for fast refresh and talks to its websocket. */
  dev: boolean;
}

/** A fresh nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ kind, nonce, https, dev }: SecurityHeaderOptions): string {
  if (kind !== 'page') {
    // The HTML report has no script and needs none: its styles are inline, its sparklines data: URLs.
    return [
      "default-src 'none'",
      "style-src 'unsafe-inline'",
      'img-src data:',
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${kind === 'framed-report' ? "'self'" : "'none'"}`,
    ].join('; ');
  }
  if (!nonce) throw new Error('a page needs a script nonce');
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    // Links lead to GitHub; the dashboard's address (an internal host, its filters) stays here.
    'referrer-policy': 'no-referrer',
    // For browsers that predate frame-ancestors.
    'x-frame-options': options.kind === 'framed-report' ? 'SAMEORIGIN' : 'DENY',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
    // A year, this host only: other services under the same domain are not ours to pin.
    ...(options.https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/** Served over https: the public URL says so, or the proxy in front of the app does. */
export function isHttps(publicUrl: string | null, forwardedProto: string | null): boolean {
  return publicUrl?.startsWith('https:') === true || forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}
