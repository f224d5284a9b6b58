/**
 * The proxy (src/proxy.ts) called as Next.js calls it, with a NextRequest: which requests it
 * refuses and why, and the headers it puts on what it lets through. The same checks against the
 * running server, through a real browser's requests, are in test/e2e/web-surface.test.ts.
 */
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isAllowedHost } from '@/server/http/allowed-hosts';
import { contentSecurityPolicy } from '@/server/http/security-headers';

async function loadProxy(env: Record<string, string> = {}) {
  // The proxy reads its settings once per process: a fresh module per case.
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import('@/proxy')).proxy;
}

function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit } = {}) {
  const host = new URL(url).host;
  return new NextRequest(url, { method: init.method ?? 'GET', headers: { host, ...init.headers }, body: init.body });
}

const JSON_POST = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the Host allow-list', () => {
  it('allows the loopback names on any port, and the public URL by name (with or without its port)', () => {
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:8080', '[::1]:3000', 'leadline.localhost:3000']) expect(isAllowedHost(host, null)).toBe(true);
    expect(isAllowedHost('leadline.example.com', 'https://leadline.example.com')).toBe(true);
    expect(isAllowedHost('leadline.example.com:443', 'https://leadline.example.com')).toBe(true);
    expect(isAllowedHost('LEADLINE.example.com', 'https://leadline.example.com')).toBe(true);
    expect(isAllowedHost('leadline.example.com:8443', 'https://leadline.example.com:8443')).toBe(true);
  });

  it('refuses any other name, a public name on another port, and malformed or missing hosts', () => {
    for (const host of ['evil.example', '192.168.1.5:3000', '127.0.0.2', 'localhost.evil.example', 'leadline.example.com'])
      expect(isAllowedHost(host, null)).toBe(false);
    expect(isAllowedHost('leadline.example.com:3000', 'https://leadline.example.com')).toBe(false);
    expect(isAllowedHost('other.example.com', 'https://leadline.example.com')).toBe(false);
    for (const host of [null, '', 'localhost/x', 'user@localhost', 'localhost:99999x']) expect(isAllowedHost(host, null)).toBe(false);
  });

  it('answers a request naming a foreign host with 421 and says what to set', async () => {
    const proxy = await loadProxy();
    const response = proxy(request('http://rebound.example:3000/'));
    expect(response.status).toBe(421);
    const text = await response.text();
    expect(text).toContain('"rebound.example:3000"');
    expect(text).toContain('LEADLINE_PUBLIC_URL');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');

    const publicProxy = await loadProxy({ LEADLINE_PUBLIC_URL: 'https://leadline.example.com' });
    expect(publicProxy(request('https://leadline.example.com/')).status).toBe(200);
    const refused = publicProxy(request('http://192.168.1.5:3000/api/trpc/repositories.list'));
    expect(refused.status).toBe(421);
    expect(await refused.text()).toContain('only at https://leadline.example.com and on localhost');
  });
});

describe('changes (any non-GET request)', () => {
  it('refuses a cross-site form post to tRPC: the content type, and the site, each suffice', async () => {
    const proxy = await loadProxy();
    const form = new FormData();
    form.set('anything', '1');
    // What a plain <form method=post enctype=multipart/form-data action=http://localhost:3000/api/trpc/sync.start> sends.
    const crossSite = proxy(
      request('http://localhost:3000/api/trpc/sync.start', {
        method: 'POST',
        body: form,
        headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      }),
    );
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('cross-site POST');
    // Without the browser's headers, the content type alone is refused.
    for (const body of [form, new URLSearchParams({ a: '1' }), 'text']) {
      const response = proxy(request('http://localhost:3000/api/trpc/sync.start', { method: 'POST', body }));
      expect(response.status).toBe(415);
      expect(await response.text()).toMatch(/JSON only .* sent "(multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)"/);
    }
  });

  it('refuses a foreign or opaque Origin, and accepts the own one, the public URL and none', async () => {
    const proxy = await loadProxy({ LEADLINE_PUBLIC_URL: 'https://leadline.example.com' });
    const post = (origin: string | null, host = 'localhost:3000') =>
      proxy(request(`http://${host}/api/trpc/reports.generate`, { ...JSON_POST, headers: { ...JSON_POST.headers, host, ...(origin ? { origin } : {}) } }));
    for (const origin of ['https://evil.example', 'http://localhost:4000', 'null', 'http://127.0.0.1:3000']) {
      const response = post(origin);
      expect(response.status, origin).toBe(403);
      expect(await response.text()).toContain(`origin ${JSON.stringify(origin)}`);
    }
    expect(post('http://localhost:3000').status).toBe(200);
    expect(post('https://leadline.example.com', 'leadline.example.com').status).toBe(200);
    // A script or curl sends no Origin: no browser, no cross-site request.
    expect(post(null).status).toBe(200);
  });

  it('refuses a body announced larger than the limit with 413', async () => {
    const proxy = await loadProxy();
    const response = proxy(
      request('http://localhost:3000/api/trpc/reports.generate', {
        ...JSON_POST,
        headers: { ...JSON_POST.headers, 'content-length': String(10 * 1024 * 1024) },
      }),
    );
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('10485760 bytes');
  });

  it('lets reads through whatever their origin (a GET changes nothing)', async () => {
    const proxy = await loadProxy();
    expect(
      proxy(request('http://localhost:3000/api/trpc/repositories.list', { headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } }))
        .status,
    ).toBe(200);
  });
});

describe('headers', () => {
  it('gives a page a policy with a fresh nonce, forwarded to Next.js on the request', async () => {
    const proxy = await loadProxy();
    const first = proxy(request('http://localhost:3000/pulls'));
    const second = proxy(request('http://localhost:3000/pulls'));
    const csp = first.headers.get('content-security-policy')!;
    const nonce = /'nonce-([A-Za-z0-9+/=]{24})'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(second.headers.get('content-security-policy')).not.toContain(nonce);
    expect(csp).toContain("script-src 'self' 'nonce-");
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // NextResponse.next() forwards overridden request headers as x-middleware-request-*.
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('strict-transport-security')).toBeNull();
  });

  it('gives tRPC and downloads a policy that runs nothing; the inline report may be framed by the app only', async () => {
    const proxy = await loadProxy();
    for (const path of ['/api/trpc/repositories.list', '/api/reports/1/html', '/api/reports/1/csv']) {
      const response = proxy(request(`http://localhost:3000${path}`));
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy({ kind: 'other', https: false, dev: false }));
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-middleware-request-x-nonce')).toBeNull();
    }
    const framed = proxy(request('http://localhost:3000/api/reports/1/html?inline=1'));
    expect(framed.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    expect(framed.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('adds HSTS behind https: a https public URL, or a proxy in front saying so', async () => {
    const plain = await loadProxy();
    const forwarded = plain(request('http://localhost:3000/', { headers: { 'x-forwarded-proto': 'https' } }));
    expect(forwarded.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(forwarded.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    const configured = await loadProxy({ LEADLINE_PUBLIC_URL: 'https://leadline.example.com' });
    expect(configured(request('https://leadline.example.com/api/trpc/x')).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  it('answers bad dashboard filters with 400, escaped, with the headers', async () => {
    const proxy = await loadProxy();
    const response = proxy(request('http://localhost:3000/?period=<script>'));
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).not.toContain('<script>');
    expect(response.headers.get('content-security-policy')).toContain("'nonce-");
    const farFuture = proxy(request('http://localhost:3000/pulls?from=9999-01-01&to=9999-01-31'));
    expect(farFuture.status).toBe(400);
    expect(await farFuture.text()).toContain('dates must fall in the years 2000 to 2099');
  });
});
