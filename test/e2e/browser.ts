/**
 * Debian's chromium through playwright-core, for the browser tests: one browser per file, pages
 * that remember every request they make (a page may talk only to its own server), and screenshots
 * under test-results/screenshots/ for a reviewer to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import type { E2eServer } from './global-setup';

export const SCREENSHOTS = path.resolve('test-results', 'screenshots');

/**
 * The apps the setup serves, one per database, each synced from the same org at `now` (a suite that
 * should run on every database: `describe.each(servers)`); `baseUrl` is the first (PGlite). null
 * when the browser tests are skipped.
 */
export function e2eWorld(): { baseUrl: string; servers: E2eServer[]; now: Date; seed: number } | null {
  const world = inject('e2e');
  return 'skipped' in world ? null : { baseUrl: world.servers[0]!.baseUrl, servers: world.servers, now: new Date(world.now), seed: world.seed };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface WatchedPage {
  page: Page;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
}

export async function openPage(browser: Browser, options: { colorScheme?: 'light' | 'dark'; width?: number } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1400, height: 1000 },
    colorScheme: options.colorScheme ?? 'light',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const watched: WatchedPage = { page, requests: [], errors: [] };
  page.on('request', (r) => watched.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && r.request().resourceType() !== 'document') watched.errors.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => watched.errors.push(String(e)));
  return watched;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, caret: 'initial' });
  return file;
}

/** Requests that left the app's own origin (data: and blob: URLs stay in the page). */
export function foreignRequests(requests: readonly string[], baseUrl: string): string[] {
  const origin = new URL(baseUrl).origin;
  return requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
}
