/**
 * Reports embed text from GitHub (PR titles, logins, workflow names): whatever it holds is rendered
 * inert. A title that is HTML, a spreadsheet formula or Markdown link syntax comes out as text in
 * HTML, Markdown and CSV. The HTML report also opens in headless Chromium without a console error
 * (a screenshot is written to test-results/screenshots/ for review).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { toCsv } from '@/formatting/csv';
import { renderCsv } from '@/reports/render-csv';
import { renderHtml } from '@/reports/render-html';
import { renderMarkdown } from '@/reports/render-markdown';
import type { WeeklyReport } from '@/reports/weekly-report.types';

const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://x")';
const LINK = '[click me](http://evil.example) ![img](http://evil.example/i.png)';

const pr = (number: number, title: string) => ({ repo: 'acme/api', number, title, author: 'mallory', url: `https://github.com/acme/api/pull/${number}` });

const report: WeeklyReport = {
  version: 1,
  week: { key: '2026-W45', from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') },
  timeZone: 'UTC',
  generatedAt: new Date('2026-11-10T08:00:00Z'),
  preset: 'default',
  scope: { repos: ['acme/api'], team: null, authors: null },
  summary: ['Cycle time improved: 1.2 d, −4.9 h (−17 %) against the previous week.'],
  headlines: [
    {
      key: 'cycleTime',
      label: 'Cycle time',
      unit: 'duration',
      better: 'lower',
      formula: 'merged_at − start_at',
      value: 103_680,
      p90: 400_000,
      n: 12,
      previousWeek: 121_320,
      changeVsPreviousWeek: -17_640,
      changeLeftOut: [],
      fourWeekAverage: 110_000,
      changeVsFourWeekAverage: -6_320,
      improved: true,
      band: null,
      trend: [
        { week: '2026-W41', value: 100_000 },
        { week: '2026-W42', value: 120_000 },
        { week: '2026-W43', value: 90_000 },
        { week: '2026-W44', value: 121_320 },
        { week: '2026-W45', value: 103_680 },
      ],
    },
    {
      // A repository left out of the coverage change is named in a note: its name is GitHub's text too.
      key: 'coverage',
      label: 'Test coverage',
      unit: 'percent',
      better: 'higher',
      formula: 'line coverage',
      value: 81,
      p90: null,
      n: 2,
      previousWeek: 78,
      changeVsPreviousWeek: 3,
      changeLeftOut: [`acme/${XSS}`],
      fourWeekAverage: null,
      changeVsFourWeekAverage: null,
      improved: true,
      band: null,
      trend: [],
    },
  ],
  repositories: [
    { repo: 'acme/api', url: 'https://github.com/acme/api', metrics: [{ key: 'cycleTime', value: 103_680, p90: 400_000, n: 12, previousWeek: 121_320 }] },
  ],
  attention: {
    waitingForFirstReview: [{ ...pr(1, XSS), waitingSeconds: 3600 }],
    waitingReviewRequests: [{ ...pr(2, FORMULA), reviewer: '<b>bob</b>', waitingSeconds: 7200 }],
    redDefaultBranches: [{ repo: 'acme/api', workflow: `CI ${XSS}`, since: new Date('2026-11-08T10:00:00Z'), url: 'javascript:alert(1)' }],
    coverageDrops: [],
    unreviewedMerges: [{ ...pr(3, LINK), mergedAt: new Date('2026-11-05T10:00:00Z') }],
  },
  agreements: [
    {
      team: 'platform',
      agreements: [
        {
          agreement: 'firstReview',
          label: 'First review within 8 business hours of ready for review',
          target: 8,
          adherence: 0.5,
          met: 1,
          applied: 2,
          previousWeek: 0.75,
          changeVsPreviousWeek: -0.25,
          breaches: [
            {
              name: 'acme/api#5',
              title: `${XSS} ${LINK} <!channel>`,
              reviewer: null,
              measured: 'waited 15 h (business time) for a first review',
              url: 'https://github.com/acme/api/pull/5',
            },
          ],
        },
        {
          agreement: 'reviewResponse',
          label: 'Each review request answered within 4 business hours',
          target: 4,
          adherence: null,
          met: 0,
          applied: 0,
          previousWeek: null,
          changeVsPreviousWeek: null,
          breaches: [{ name: 'acme/api#6', title: FORMULA, reviewer: '<b>bob</b>', measured: 'waiting 1 d', url: 'javascript:alert(2)' }],
        },
      ],
    },
  ],
  slowestPullRequests: [{ ...pr(4, `${LINK} | broken | table`), cycleSeconds: 400_000, mergedAt: new Date('2026-11-06T10:00:00Z') }],
};

describe('reports render GitHub text inert', () => {
  it('HTML: tags are text, and only http(s) links are links', () => {
    const html = renderHtml(report);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>bob</b>');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('=HYPERLINK(&#34;http://x&#34;)');
    expect(html).toContain('left out: acme/&#60;img src=x onerror=alert(1)&#62;.');
    // The agreements section: the breach's title is text, its link only if http(s).
    expect(html).toContain('Working agreements');
    expect(html).toContain(
      '<td style="padding:6px 8px;border-bottom:1px solid #dde1e7;text-align:left;vertical-align:top;text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;font-weight:600">50 %</td>',
    );
    expect(html).toContain('&#60;!channel&#62;');
    expect(html).not.toContain('javascript:alert(2)');
  });

  it('Markdown: no HTML, no link or image, no table break from a title', () => {
    const md = renderMarkdown(report);
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('\\[click me\\](http://evil.example) \\!\\[img\\](http://evil.example/i.png)');
    expect(md).not.toMatch(/[^\\]\[click me\]/);
    expect(md).toContain('\\| broken \\| table');
    expect(md).toContain('left out: acme/&lt;img src=x onerror=alert(1)&gt;.');
    expect(md).not.toContain('javascript:');
    // The agreements: 1 / 2 = 50 %, previous 75 %, change 0.5 − 0.75 = −25 pp.
    expect(md).toContain('| First review within 8 business hours of ready for review | 50 % | 1 / 2 | 75 % | −25 pp |');
    expect(md).toContain('[acme/api#5](https://github.com/acme/api/pull/5) &lt;img src=x onerror=alert(1)&gt; \\[click me\\]');
    expect(md).toContain('&lt;\\!channel&gt;');
    expect(md).not.toContain('javascript:alert(2)');
    // Our own links still work.
    expect(md).toContain('[acme/api#4](https://github.com/acme/api/pull/4)');
  });

  it('CSV: a cell that would run as a formula is neutralised', () => {
    // The report's CSV holds metrics per repository; the writer under it is shared with every CSV.
    expect(renderCsv(report)).toContain('2026-W45,acme/api,cycleTime,Cycle time,duration,103680,400000,12,121320,-17640,,');
    expect(renderCsv(report)).toContain(
      '2026-W45,team:platform,agreement:firstReview,First review within 8 business hours of ready for review,ratio,0.5,,2,0.75,-0.25,,',
    );
    expect(toCsv(['title'], [[FORMULA], ['+SUM(1)'], ['-2+3'], ['@cmd']])).toBe(`title\r\n"'=HYPERLINK(""http://x"")"\r\n'+SUM(1)\r\n'-2+3\r\n'@cmd\r\n`);
  });

  it.skipIf(!existsSync('/usr/bin/chromium'))('the HTML report opens in headless Chromium without a console error', async () => {
    const browser = await chromium.launch({
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
    try {
      const page = await browser.newPage({ viewport: { width: 960, height: 800 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('dialog', (d) => errors.push(`dialog: ${d.message()}`));
      page.on('request', (r) => requests.push(r.url()));
      await page.setContent(renderHtml(report), { waitUntil: 'load' });
      expect(await page.locator('h1').textContent()).toContain('Delivery report, week 2026-W45');
      expect(await page.locator('svg').count()).toBeGreaterThan(0);
      const dir = path.resolve('test-results', 'screenshots');
      mkdirSync(dir, { recursive: true });
      await page.screenshot({ path: path.join(dir, 'weekly-report.png'), fullPage: true });
      expect(errors).toEqual([]);
      // Self-contained: nothing loaded from anywhere.
      expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
