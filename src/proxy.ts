/**
 * Every request passes here first (Next.js runs this before any page or route):
 * - one addressed to a name this install is not known by is refused (421, DNS rebinding), and a
 *   change (any non-GET) that is cross-site, from a foreign Origin or not JSON is refused
 *   (see src/server/http/request-guard.ts);
 * - every response gets the security headers, pages a Content Security Policy with a fresh script
 *   nonce that Next.js reads from the forwarded request (src/server/http/security-headers.ts);
 * - a dashboard URL whose filters cannot be read is answered with 400 and the reason, before any
 *   page renders (pages check again, and also catch what needs the database, like an unknown
 *   repository). The reason echoes the URL, so it is HTML-escaped.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { webSettings } from '@/config/web';
import { refuseRequest } from '@/server/http/request-guard';
import { isHttps, newNonce, securityHeaders, type ResponseKind } from '@/server/http/security-headers';
import { parseDashboardFilters } from '@/ui/filters/dashboard-filters';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The dashboard pages whose URL carries filters. */
const FILTERED_PAGES = /^\/(?:$|pulls$|repos\/)/;

let settings: ReturnType<typeof webSettings> | undefined;

export function proxy(request: NextRequest) {
  settings ??= webSettings();
  const { pathname } = request.nextUrl;
  const https = isHttps(settings.publicUrl, request.headers.get('x-forwarded-proto'));
  const dev = process.env.NODE_ENV === 'development';

  const refusal = refuseRequest(request, settings.publicUrl);
  if (refusal) {
    return new NextResponse(`${refusal.reason}\n`, {
      status: refusal.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', ...securityHeaders({ kind: 'other', https, dev }) },
    });
  }

  const kind: ResponseKind =
    pathname.startsWith('/api/') || pathname.startsWith('/_next/')
      ? /^\/api\/reports\/\d+\/html$/.test(pathname) && request.nextUrl.searchParams.get('inline') === '1'
        ? 'framed-report'
        : 'other'
      : 'page';
  const nonce = kind === 'page' ? newNonce() : undefined;
  const headers = securityHeaders({ kind, nonce, https, dev });

  if (FILTERED_PAGES.test(pathname)) {
    const parsed = parseDashboardFilters(request.nextUrl.searchParams);
    if (!parsed.ok) {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad filters · Leadline</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>These filters cannot be used</h1><p role="alert">${escapeHtml(parsed.reason)}</p><p><a href="${escapeHtml(pathname)}">Reset the filters</a></p></body></html>`;
      return new NextResponse(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });
    }
  }

  // Next.js takes the nonce for its scripts from the request's CSP header; the layout reads x-nonce.
  const forwarded = new Headers(request.headers);
  forwarded.delete('x-nonce');
  if (nonce) {
    forwarded.set('x-nonce', nonce);
    forwarded.set('content-security-policy', headers['content-security-policy']!);
  }
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every request, assets included (they get the headers too; only pages get a nonce).
  matcher: '/:path*',
};
