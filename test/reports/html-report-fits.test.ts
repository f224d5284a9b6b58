/**
 * The HTML report's tables fit where it is read: a 1000 px browser window, and an A4 page when
 * printed (its @page margins leave 210 − 2 × 14 mm = 182 mm ≈ 687 CSS px; measured in Chromium's
 * print media emulation at that width). The report is a wide one: every per-repository column the
 * report has, long repository names, and the widest values each unit can print.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_CATALOGUE, type MetricKey } from '@/metrics/catalogue';
import { renderHtml } from '@/reports/render-html';
import type { WeeklyReport } from '@/reports/weekly-report.types';
import { REPORT_METRICS, REPOSITORY_METRICS } from '@/server/services/reports/build-weekly-report';

/** The widest value of each unit a report prints: "−23.8 h" and "100 %" are wider than most. */
const WIDE_VALUE = { duration: 85_680, ratio: 1, percent: 100, count: 188.5 } as const;
const wide = (key: MetricKey) => WIDE_VALUE[METRIC_CATALOGUE[key].unit];

// GitHub allows 39-character owners and 100-character repository names; these are long real-looking ones.
const REPOS = [
  'acme-platform-engineering/payments-reconciliation-service',
  'acme/web',
  'acme-platform-engineering/infrastructure-terraform-modules',
  'acme/api',
];

const report: WeeklyReport = {
  version: 1,
  week: { key: '2026-W45', from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') },
  timeZone: 'America/New_York',
  generatedAt: new Date('2026-11-10T08:00:00Z'),
  preset: 'default',
  scope: { repos: REPOS, team: null, authors: null },
  summary: ['Failed deployment recovery time got worse: 23.8 h, +23.8 h (+100 %) against the previous week.'],
  headlines: REPORT_METRICS.map((key) => {
    const { label, unit, better, formula } = METRIC_CATALOGUE[key];
    return {
      key,
      label,
      unit,
      better,
      formula,
      value: wide(key),
      p90: wide(key),
      n: 1888,
      previousWeek: 0,
      changeVsPreviousWeek: -wide(key),
      changeLeftOut: [],
      fourWeekAverage: 0,
      changeVsFourWeekAverage: -wide(key),
      improved: false,
      band: 'medium' as const,
      trend: ['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45'].map((week, i) => ({ week, value: i * wide(key) })),
    };
  }),
  repositories: REPOS.map((repo) => ({
    repo,
    url: `https://github.com/${repo}`,
    metrics: REPOSITORY_METRICS.map((key) => ({ key, value: wide(key), p90: wide(key), n: 1888, previousWeek: 0 })),
  })),
  attention: { waitingForFirstReview: [], waitingReviewRequests: [], redDefaultBranches: [], coverageDrops: [], unreviewedMerges: [] },
  agreements: [
    {
      team: 'platform-and-payments-reliability',
      agreements: [
        {
          agreement: 'firstReview',
          label: 'First review within 8 business hours of ready for review',
          target: 8,
          adherence: 1,
          met: 1888,
          applied: 1888,
          previousWeek: 0,
          changeVsPreviousWeek: 1,
          breaches: [],
        },
      ],
    },
  ],
  slowestPullRequests: [],
};

/** Each table's laid-out width against the width its container gives it. */
function tableWidths(page: Page): Promise<{ caption: string; width: number; room: number }[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')].map((table) => ({
      caption: table.previousElementSibling?.textContent ?? '',
      width: table.getBoundingClientRect().width,
      room: table.parentElement!.clientWidth,
    })),
  );
}

describe.skipIf(!existsSync('/usr/bin/chromium'))('the HTML report in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    { where: 'a 1000 px window', width: 1000, media: 'screen' as const },
    // 182 mm × 96 px / 25.4 mm = 687.9 px: the printable width of A4 inside the report's @page margins.
    { where: 'an A4 page, printed', width: 687, media: 'print' as const },
  ])('fits its tables in $where', async ({ width, media, where }) => {
    const page = await browser.newPage({ viewport: { width, height: 1000 } });
    try {
      await page.emulateMedia({ media });
      await page.setContent(renderHtml(report), { waitUntil: 'load' });
      const tables = await tableWidths(page);
      expect(tables.map((t) => t.caption)).toEqual(['Headline numbers', 'Per repository', 'Team platform-and-payments-reliability']);
      // Every column is there: the repository's name and one per metric.
      expect(await page.locator('table').nth(1).locator('thead th').count()).toBe(1 + REPOSITORY_METRICS.length);
      for (const t of tables) expect(t.width, `${t.caption}: ${t.width} px in ${t.room} px`).toBeLessThanOrEqual(t.room + 0.5);
      const page_ = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(page_.scroll, `the page is ${page_.scroll} px wide in ${page_.client} px`).toBeLessThanOrEqual(page_.client);
      const dir = path.resolve('test-results', 'screenshots');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, `weekly-report-${where.replace(/\W+/g, '-')}.png`), fullPage: true });
    } finally {
      await page.close();
    }
  });
});
