/**
 * The dashboard in a real browser (Debian's chromium) against `next start` on the synced synthetic
 * org, once per database it is served from: the numbers it shows are the generator's true values,
 * filters live in the URL, every card opens members that add up, the repository page and PR
 * explorer work, the CSV holds the rows shown, and no page talks to anything but its own server.
 * Screenshots land in test-results/screenshots/ (the last pass's, when there are two).
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgWithTruth, type OrgTruth } from '@/fake-github/truth';
import { localDay, periodOf } from '@/ui/filters/dashboard-filters';
import { expectedFromTruth, median } from '../support/truth-expectations';
import { e2eWorld, foreignRequests, launchBrowser, openPage, screenshot, type WatchedPage } from './browser';

const world = e2eWorld();
// A skipped suite is still collected, and collecting reads these: a skipped run gets placeholders no test uses.
const { servers, now, seed } = world ?? { servers: [{ database: 'pglite', baseUrl: 'http://skipped.invalid' }], now: new Date(0), seed: 0 };

// Once per database the setup serves the org from: PGlite, and Postgres when TEST_DATABASE_URL is set.
describe.skipIf(!world).each(servers)('the dashboard in a browser, on $database', ({ baseUrl }) => {
  let browser: Browser;
  let truth: OrgTruth;
  const pages: WatchedPage[] = [];
  // The last complete ISO week (UTC, the default zone), as the custom range of its seven days.
  const week = periodOf({ period: '1w' }, now, 'UTC');
  const range = `from=${localDay(week.from, 'UTC')}&to=${localDay(new Date(week.to.getTime() - 1), 'UTC')}`;
  const open = async (options?: Parameters<typeof openPage>[1]) => {
    const watched = await openPage(browser, options);
    pages.push(watched);
    return watched;
  };
  const cardValue = async (w: WatchedPage, key: string) => {
    const card = w.page.locator(`[data-metric="${key}"]`);
    const [value, n] = await Promise.all([card.getAttribute('data-value'), card.getAttribute('data-n')]);
    return { value: value === '' || value === null ? null : Number(value), n: Number(n) };
  };

  beforeAll(async () => {
    truth = generateOrgWithTruth({ now, seed }).truth;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the true values of the chosen week on the overview', async () => {
    const w = await open();
    const response = await w.page.goto(`${baseUrl}/?${range}`);
    expect(response?.status()).toBe(200);
    const expected = expectedFromTruth(truth, week);
    expect(expected.counts.cycle).toBeGreaterThan(5);
    expect(await cardValue(w, 'timeToFirstReview')).toEqual({ value: expected.timeToFirstReview, n: expected.counts.pickup });
    expect(await cardValue(w, 'cycleTime')).toEqual({ value: expected.cycleTime, n: expected.counts.cycle });
    expect(await cardValue(w, 'leadTime')).toEqual({ value: expected.leadTime, n: expected.counts.lead });
    expect((await cardValue(w, 'deploymentFrequency')).value).toBe(expected.deployments);
    expect((await cardValue(w, 'changeFailureRate')).value).toBe(expected.changeFailureRate);
    expect((await cardValue(w, 'ciSuccessRate')).value).toBeCloseTo(expected.ciSuccessRate!, 12);
    await screenshot(w.page, 'overview');
    await screenshot(
      (
        await (async () => {
          const dark = await open({ colorScheme: 'dark', width: 900 });
          await dark.page.goto(`${baseUrl}/?${range}`);
          return dark;
        })()
      ).page,
      'overview-dark-narrow',
    );
    expect(w.errors).toEqual([]);
  });

  it('puts a changed filter in the URL and changes the numbers', async () => {
    const w = await open();
    await w.page.goto(`${baseUrl}/?${range}`);
    await w.page.getByLabel('Include bot PRs').click();
    await w.page.waitForURL(/bots=1/);
    await w.page.locator(`[data-metric="cycleTime"][data-n="${expectedFromTruth(truth, week, { includeBots: true }).counts.cycle}"]`).waitFor();
    const withBots = expectedFromTruth(truth, week, { includeBots: true });
    expect(withBots.counts.cycle).toBeGreaterThan(expectedFromTruth(truth, week).counts.cycle);
    expect(await cardValue(w, 'cycleTime')).toEqual({ value: withBots.cycleTime, n: withBots.counts.cycle });
    expect(new URL(w.page.url()).searchParams.get('from')).toBe(localDay(week.from, 'UTC'));
  });

  it('opens a card to its members, whose values add up to the number', async () => {
    const w = await open();
    await w.page.goto(`${baseUrl}/?${range}`);
    const card = await cardValue(w, 'cycleTime');
    await w.page.locator('[data-metric="cycleTime"]').click();
    await w.page.waitForURL(/explain=cycleTime/);
    const panel = w.page.locator('[data-explain="cycleTime"]');
    await panel.waitFor();
    const values = await panel.locator('tr[data-counted="true"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-value'))));
    expect(values).toHaveLength(card.n);
    expect(median(values)).toBe(card.value);
    expect(await panel.getByText('merged_at − start_at').count()).toBeGreaterThan(0);
    await screenshot(w.page, 'explanation');
    await w.page.keyboard.press('Escape');
    await w.page.waitForURL((url) => !url.searchParams.has('explain'));
  });

  it('renders a repository page with its deployments and CI workflows', async () => {
    const w = await open();
    const response = await w.page.goto(`${baseUrl}/repos/acme/api?${range}`);
    expect(response?.status()).toBe(200);
    await expect(w.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('acme/api');
    const finished = truth.deployments.filter(
      (d) => d.repo === 'acme/api' && Date.parse(d.finishedAt) >= week.from.getTime() && Date.parse(d.finishedAt) < week.to.getTime(),
    );
    for (const d of finished) expect(await w.page.locator(`tr[data-deployment="${d.id}"]`).count(), d.id).toBe(1);
    expect(await w.page.locator('tr[data-workflow]').count()).toBeGreaterThan(0);
    await screenshot(w.page, 'repository');
    expect(w.errors).toEqual([]);
  });

  it('lists PRs in the explorer and downloads exactly the rows shown as CSV', async () => {
    const w = await open();
    await w.page.goto(`${baseUrl}/pulls?${range}`);
    const table = w.page.locator('table.pulls');
    const all = Number(await table.getAttribute('data-rows'));
    expect(all).toBeGreaterThanOrEqual(expectedFromTruth(truth, week).counts.cycle);
    await w.page.getByPlaceholder('title, author, label, #number').fill('fix');
    await w.page.waitForFunction((n) => Number(document.querySelector('table.pulls')?.getAttribute('data-rows')) < n, all);
    const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pr')));
    expect(shown.length).toBeGreaterThan(0);
    const [download] = await Promise.all([w.page.waitForEvent('download'), w.page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(csv[0]).toMatch(/^repo,number,title,/);
    expect(
      csv.slice(1).map((line) => {
        const [repo, number] = line.split(',');
        return `${repo}#${number}`;
      }),
    ).toEqual(shown);
    await screenshot(w.page, 'pull-requests');
  });

  it('shows the sync status, and says why Sync now is off without credentials', async () => {
    const w = await open();
    await w.page.goto(`${baseUrl}/sync`);
    for (const repo of ['acme/api', 'acme/web']) expect(await w.page.getByRole('rowheader', { name: repo }).count()).toBe(1);
    expect(await w.page.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
    await expect(w.page.getByRole('status').textContent()).resolves.toContain('No GitHub credentials are configured');
    expect(w.errors).toEqual([]);
  });

  it('makes a weekly report from the reports page, previews it and serves its files', async () => {
    const w = await open();
    await w.page.goto(`${baseUrl}/reports`);
    await w.page.getByRole('button', { name: 'Make the report' }).click();
    await w.page.waitForURL(/\/reports\?id=\d+/);
    const id = new URL(w.page.url()).searchParams.get('id');
    const preview = w.page.frameLocator('iframe.report-preview');
    await expect(preview.locator('h1').textContent()).resolves.toMatch(/^Delivery report, week \d{4}-W\d{2}/);
    for (const [format, type] of [
      ['md', 'text/markdown'],
      ['csv', 'text/csv'],
      ['json', 'application/json'],
      ['html', 'text/html'],
    ] as const) {
      const response = await w.page.request.get(`${baseUrl}/api/reports/${id}/${format}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain(type);
      expect(response.headers()['content-disposition']).toMatch(new RegExp(`attachment; filename="leadline-\\d{4}-W\\d{2}\\.${format}"`));
    }
    await screenshot(w.page, 'reports');
    expect(w.errors).toEqual([]);
  });

  it('answers a filter it cannot read with 400 and the reason', async () => {
    const w = await open();
    const response = await w.page.goto(`${baseUrl}/?period=3x`);
    expect(response?.status()).toBe(400);
    await expect(w.page.getByRole('alert').textContent()).resolves.toContain('period: use one of');
  });

  it('made no request to anything but its own server', () => {
    const requests = pages.flatMap((p) => p.requests);
    expect(requests.length).toBeGreaterThan(20);
    expect(foreignRequests(requests, baseUrl)).toEqual([]);
  });
});
