/**
 * The web surface of the running server (`next start`, through src/proxy.ts for real): the
 * security headers on a page, a tRPC answer and a download; requests that name a foreign Host,
 * come from a foreign Origin, or post a form cross-site (from a real browser page on another
 * origin) are refused and start nothing; and requests past the bounds are 4xx, never 500.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eWorld, launchBrowser, openPage } from './browser';

const world = e2eWorld();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** node:http, not fetch: fetch will not send a Host of our choosing. */
function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const expectCommonHeaders = (answer: Answer) => {
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
  expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  // Served over plain http on 127.0.0.1: no HSTS (see test/web/proxy.test.ts for https).
  expect(answer.headers['strict-transport-security']).toBeUndefined();
};

describe.skipIf(!world)('the web surface of the running server', () => {
  const { baseUrl } = world!;
  const trpc = (path: string, input?: unknown) =>
    `${baseUrl}/api/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`}`;
  const data = <T>(answer: Answer) => superjson.deserialize<T>((JSON.parse(answer.text) as { result: { data: never } }).result.data);
  const syncRuns = async () => data<{ runs: unknown[]; progress: { live: unknown } }>(await send(trpc('sync.status')));
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('puts the headers on a page, with a fresh nonce on every script Next.js emits', async () => {
    const [first, second] = [await send(`${baseUrl}/pulls`), await send(`${baseUrl}/pulls`)];
    expect(first.status).toBe(200);
    expectCommonHeaders(first);
    const csp = first.headers['content-security-policy'] as string;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(second.headers['content-security-policy']).not.toContain(nonce);
    const scripts = [...first.text.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(3);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it('runs the pages under that policy: no violation, charts drawn, the page interactive', async () => {
    const w = await openPage(browser);
    const violations: string[] = [];
    await w.page.exposeFunction('reportViolation', (v: string) => violations.push(v));
    await w.page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await w.page.goto(`${baseUrl}/`);
    await w.page.locator('.recharts-surface').first().waitFor();
    // Hydrated: a client-side filter change updates the URL.
    await w.page.getByLabel('Include bot PRs').click();
    await w.page.waitForURL(/bots=1/);
    expect(violations).toEqual([]);
    expect(w.errors).toEqual([]);
  });

  it('puts the headers on a tRPC answer and on a download', async () => {
    const answer = await send(trpc('repositories.list'));
    expect(answer.status).toBe(200);
    expectCommonHeaders(answer);
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");

    const { weeks } = data<{ weeks: { key: string }[] }>(await send(trpc('reports.page')));
    const generated = await send(`${baseUrl}/api/trpc/reports.generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl },
      body: JSON.stringify(superjson.serialize({ week: weeks[0]!.key })),
    });
    expect(generated.status).toBe(200);
    const { id } = data<{ id: number }>(generated);
    const download = await send(`${baseUrl}/api/reports/${id}/csv`);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expectCommonHeaders(download);
    expect(download.headers['content-security-policy']).toContain("default-src 'none'");
    const preview = await send(`${baseUrl}/api/reports/${id}/html?inline=1`);
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it('refuses a request that names a foreign Host (DNS rebinding) with 421', async () => {
    for (const host of ['rebinding.example', `rebinding.example:${new URL(baseUrl).port}`, '192.168.1.5']) {
      const answer = await send(`${baseUrl}/`, { headers: { host } });
      expect(answer.status, host).toBe(421);
      expect(answer.text).toContain(`the request named "${host}"`);
      const api = await send(trpc('repositories.list'), { headers: { host } });
      expect(api.status).toBe(421);
      expect(api.text).not.toContain('acme');
    }
  });

  it('refuses a change from a foreign Origin, and a form posted cross-site by a real browser; no sync starts', async () => {
    const before = await syncRuns();
    const foreign = await send(`${baseUrl}/api/trpc/sync.start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{}',
    });
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain('origin "https://evil.example"');

    // Another website (here: another server on this machine, another origin) whose page posts plain forms at the API.
    const attacker = createServer((_req, res) => {
      res.setHeader('content-type', 'text/html');
      res.end(
        `<form method="post" action="${baseUrl}/api/trpc/sync.start" enctype="multipart/form-data"><input name="x" value="1"></form>` +
          `<form method="post" action="${baseUrl}/api/trpc/reports.generate"><input name="week" value="2026-W01"></form>`,
      );
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    try {
      const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
      for (const index of [0, 1]) {
        const w = await openPage(browser);
        await w.page.goto(attackerUrl);
        const [response] = await Promise.all([
          w.page.waitForResponse((r) => r.url().startsWith(`${baseUrl}/api/trpc/`)),
          w.page.evaluate((i) => document.forms[i]!.submit(), index),
        ]);
        expect(response.status()).toBe(403);
        expect(await response.text()).toMatch(/^Refused a (same-site|cross-site) POST/);
      }
    } finally {
      attacker.close();
    }
    // The same form without a browser's headers is refused for its content type.
    const form = await send(`${baseUrl}/api/trpc/sync.start`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(form.status).toBe(415);
    expect(await syncRuns()).toEqual(before);
  });

  it('answers requests past the bounds with 4xx and the reason, never 500', async () => {
    const batch = await send(`${baseUrl}/api/trpc/${Array(17).fill('repositories.list').join(',')}?batch=1&input={}`);
    expect(batch.status).toBe(400);
    expect(batch.text).toContain('Batch call exceeds maximum size');

    const body = Buffer.alloc(300 * 1024, 'x');
    const big = await send(`${baseUrl}/api/trpc/reports.generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      body,
    });
    expect(big.status).toBe(413);

    const hugeId = await send(`${baseUrl}/api/reports/1099511627776/md`);
    expect(hugeId.status).toBe(400);
    expect(hugeId.text).toContain('no report id exceeds 2147483647');

    const farFuture = await send(trpc('metrics.teamHealth', { from: new Date('9999-01-01T00:00:00Z'), to: new Date('9999-02-01T00:00:00Z') }));
    expect(farFuture.status).toBe(400);
    expect(farFuture.text).toContain('dates must fall in the years 2000 to 2099');
    const farFuturePage = await send(`${baseUrl}/pulls?from=9999-01-01&to=9999-01-31`);
    expect(farFuturePage.status).toBe(400);
  });
});
