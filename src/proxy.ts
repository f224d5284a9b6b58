/**
 * A dashboard URL whose filters cannot be read is answered here with 400 and the reason, before any
 * page renders (pages check again, and also catch what needs the database, like an unknown
 * repository). The reason echoes the URL, so it is HTML-escaped.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { parseDashboardFilters } from '@/ui/filters/dashboard-filters';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function proxy(request: NextRequest) {
  const parsed = parseDashboardFilters(request.nextUrl.searchParams);
  if (parsed.ok) return NextResponse.next();
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bad filters · Leadline</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}</style></head>
<body><h1>These filters cannot be used</h1><p role="alert">${escapeHtml(parsed.reason)}</p><p><a href="${escapeHtml(request.nextUrl.pathname)}">Reset the filters</a></p></body></html>`;
  return new NextResponse(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export const config = {
  matcher: ['/', '/pulls', '/repos/:path*'],
};
