/**
 * The Working agreements panel in a real browser, on the synced synthetic org with the demo's teams
 * and agreements (test/e2e/global-setup.ts writes them as `npm run demo` does). The backend team
 * (its GitHub team's members, on acme/api) agrees on no merge without approval: its adherence over
 * the default period is checked against the generator's truth (firstApprovalAt, worked out by the
 * generator, not by the code under test); a breach opens with its link to GitHub; with the team
 * filter, the time-to-first-review card shows the team's target.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrgWithTruth } from '@/fake-github/truth';
import { parseDashboardFilters, periodOf } from '@/ui/filters/dashboard-filters';
import { e2eWorld, launchBrowser, openPage, screenshot } from './browser';

const world = e2eWorld();

describe.skipIf(!world)('working agreements in a browser', () => {
  const { baseUrl, now, seed } = world!;
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows each team’s adherence, true to the generator, and opens a breach', async () => {
    const { org, truth } = generateOrgWithTruth({ now, seed });
    const parsed = parseDashboardFilters({});
    if (!parsed.ok) throw new Error(parsed.reason);
    const period = periodOf(parsed.filters, now, 'UTC');
    const members = new Set(org.teams.find((t) => t.slug === 'backend')!.memberLogins);
    const authorOf = new Map(org.repositories.flatMap((r) => r.pullRequests.map((p) => [`${r.owner}/${r.name}#${p.number}`, p.authorLogin] as const)));
    // Merged in the period, on acme/api, by a backend member: met when approved before the merge.
    const merged = truth.pullRequests.filter(
      (p) =>
        p.repo === 'acme/api' &&
        !p.authorIsBot &&
        p.mergedAt !== null &&
        Date.parse(p.mergedAt) >= period.from.getTime() &&
        Date.parse(p.mergedAt) < period.to.getTime() &&
        members.has(authorOf.get(`${p.repo}#${p.number}`) ?? ''),
    );
    const approved = merged.filter((p) => p.firstApprovalAt !== null);
    expect(merged.length).toBeGreaterThan(5);

    const w = await openPage(browser);
    expect((await w.page.goto(`${baseUrl}/`))?.status()).toBe(200);
    const panel = w.page.locator('section[aria-labelledby="agreements-heading"]');
    await panel.waitFor();
    expect(await panel.locator('[data-team]').evaluateAll((els) => els.map((e) => e.getAttribute('data-team')))).toEqual([
      'backend',
      'frontend',
      'mobile',
      'platform',
    ]);
    const approval = panel.locator('[data-team="backend"] [data-agreement="approvalBeforeMerge"]');
    expect(await approval.getAttribute('data-met')).toBe(String(approved.length));
    expect(await approval.getAttribute('data-applied')).toBe(String(merged.length));
    // Opened, it lists every member behind the number: the breaches, then (folded) those that kept it.
    await approval.locator('summary').first().click();
    expect(await approval.locator('[data-breach]').count()).toBe(merged.length - approved.length);
    expect(await approval.locator('.agreement-kept > summary').textContent()).toBe(`The ${approved.length} that kept it`);

    // Open the agreement with the most breaches, then one of its breaches.
    const firstReview = panel.locator('[data-team="backend"] [data-agreement="firstReview"]');
    await firstReview.locator('summary').first().click();
    const breach = firstReview.locator('[data-breach]').first();
    await breach.waitFor({ state: 'visible' });
    const link = breach.locator('a');
    expect(await link.getAttribute('href')).toMatch(/^https:\/\/github\.com\/acme\/api\/pull\/\d+$/);
    expect(await breach.textContent()).toMatch(/(waiting|waited) .* for a first review/);
    await screenshot(w.page, 'working-agreements');
    expect(w.errors).toEqual([]);
  });

  it('shows the team’s target beside a card when the team is chosen', async () => {
    const w = await openPage(browser);
    expect((await w.page.goto(`${baseUrl}/?team=frontend`))?.status()).toBe(200);
    const target = w.page.locator('[data-metric="timeToFirstReview"] .metric-agreement');
    expect(await target.textContent()).toMatch(/^Target: first review within 4 business hours of ready for review · kept (\d+(\.\d)? %|—) \(\d+ of \d+\)$/);
    // A card no agreement is about shows none.
    expect(await w.page.locator('[data-metric="cycleTime"] .metric-agreement').count()).toBe(0);
    expect(w.errors).toEqual([]);
  });
});
