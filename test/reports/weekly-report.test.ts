/**
 * The weekly report of a synthetic-org week, through the CLI on a synced database (embedded PGlite,
 * and Postgres when TEST_DATABASE_URL is set): its numbers are the generator's true values (worked
 * out in test/support/truth-expectations.ts, not by the code under test) in every format, for the
 * scope and per repository, with the changes against the previous week and the four weeks before;
 * weeks are cut in the configured zone; the archive serves what was written; delivery posts to a
 * local server standing in for Slack, and a failing one gives a clear error and exit 1; bad input
 * exits 2.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, parseCliArgs } from '@/cli/args';
import { reportCommand } from '@/cli/commands/report';
import { loadConfig } from '@/config/env';
import { startFakeGitHub } from '@/fake-github/server';
import { generateOrgWithTruth, type OrgTruth } from '@/fake-github/truth';
import { formatChange, formatMetricValue } from '@/formatting/metric-values';
import { createCaller } from '@/server/api/root';
import { openDatabase } from '@/server/db/client';
import { ZWeeklyReport, type WeeklyReport } from '@/reports/weekly-report.types';
import { syncWithFake } from '../support/sync-harness';
import { testContext } from '../support/test-context';
import { createPostgresTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';
import { expectedFromTruth, type Window } from '../support/truth-expectations';

const NOW = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
const W45 = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };
const W44 = { from: new Date('2026-10-26T00:00:00Z'), to: W45.from };
/** W41–W44 in UTC. */
const FOUR_BEFORE = [0, 1, 2, 3].map((i) => ({ from: new Date(W45.from.getTime() - (4 - i) * 7 * DAY), to: new Date(W45.from.getTime() - (3 - i) * 7 * DAY) }));
/** W45 in Europe/Berlin (CET, UTC+1 in November): Monday 00:00 local is Sunday 23:00 UTC. */
const W45_BERLIN = { from: new Date('2026-11-01T23:00:00Z'), to: new Date('2026-11-08T23:00:00Z') };

const { org, truth } = generateOrgWithTruth({ now: NOW });

/** The truth of one repository. */
const truthOf = (repo: string): OrgTruth => ({
  ...truth,
  pullRequests: truth.pullRequests.filter((p) => p.repo === repo),
  deployments: truth.deployments.filter((d) => d.repo === repo),
  workflowRuns: truth.workflowRuns.filter((r) => r.repo === repo),
  incidents: truth.incidents.filter((i) => i.repo === repo),
  coverage: truth.coverage.filter((c) => c.repo === repo),
});

/** The mean of the values of the four weeks before W45 that have one, by hand. */
function fourWeekMean(of: (w: Window) => number | null): number | null {
  const known = FOUR_BEFORE.map(of).filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
}

const DATE_KEYS = new Set(['from', 'to', 'generatedAt', 'since', 'mergedAt']);
const reviveDates = (key: string, value: unknown) => (DATE_KEYS.has(key) && typeof value === 'string' ? new Date(value) : value);
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
  return { stream, text: () => chunks.join('') };
}

it('a malformed --week is bad usage', () => {
  expect(() => parseCliArgs(['report', '--week', '2026-45'])).toThrow(UsageError);
  expect(() => parseCliArgs(['report', '--week', '2026-45'])).toThrow('--week: use an ISO week like 2026-W45');
  expect(() => parseCliArgs(['report', '--all-formats'])).toThrow('add --out DIR');
});

describe.each(databaseKinds())('leadline report on %s', (kind: DatabaseKind) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leadline-report-'));
  let database: { url?: string; dataDir: string; drop?: () => Promise<void> } = { dataDir: path.join(dir, 'db') };
  const open = () => openDatabase(database.url ? { url: database.url, migrate: false } : { dataDir: database.dataDir });
  const config = (env: Record<string, string> = {}) =>
    loadConfig({ LEADLINE_DATA_DIR: database.dataDir, ...(database.url ? { DATABASE_URL: database.url } : {}), ...env });
  const run = async (args: Partial<Parameters<typeof reportCommand>[0]>, env: Record<string, string> = {}) => {
    const out = capture();
    const err = capture();
    const code = await reportCommand({ command: 'report', format: 'md', 'all-formats': false, post: false, ...args }, config(env), {
      out: out.stream,
      err: err.stream,
      now: NOW,
      delivery: { baseDelayMs: 1 },
    });
    return { code, out: out.text(), err: err.text() };
  };

  beforeAll(async () => {
    if (kind === 'postgres') database = { ...database, ...(await createPostgresTestDatabase()) };
    const github = startFakeGitHub(structuredClone(org));
    const opened = await open();
    try {
      await syncWithFake(opened.db, { targets: ['org:acme'], horizon: new Date('2026-01-01T00:00:00Z'), now: NOW });
    } finally {
      github.close();
      await opened.close();
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await database.drop?.();
  });

  it('reports the week with the true values and their changes, the same in every format', async () => {
    const { code, err } = await run({ week: '2026-W45', 'all-formats': true, out: path.join(dir, 'out') });
    expect(code, err).toBe(0);
    const file = (ext: string) => readFileSync(path.join(dir, 'out', `leadline-2026-W45.${ext}`), 'utf8');

    const expected = expectedFromTruth(truth, W45);
    const previous = expectedFromTruth(truth, W44);
    // The generator's W45 has enough of everything for this to be a check.
    expect(expected.counts.cycle).toBeGreaterThanOrEqual(5);
    expect(expected.counts.deployments).toBeGreaterThanOrEqual(3);
    expect(expected.cycleTime).not.toBe(previous.cycleTime);

    // JSON: the model, with exactly the documented keys.
    const json = JSON.parse(file('json'), reviveDates) as WeeklyReport;
    expect(ZWeeklyReport.parse(json)).toEqual(json);
    const headline = (key: string) => json.headlines.find((h) => h.key === key)!;
    expect(json.week).toEqual({ key: '2026-W45', ...W45 });
    expect(json.scope).toMatchObject({ team: null, authors: null });
    expect([...json.scope.repos].sort()).toEqual([...new Set(truth.pullRequests.map((p) => p.repo))].sort());
    expect(headline('cycleTime')).toMatchObject({
      value: expected.cycleTime,
      n: expected.counts.cycle,
      previousWeek: previous.cycleTime,
      changeVsPreviousWeek: expected.cycleTime! - previous.cycleTime!,
      improved: expected.cycleTime! < previous.cycleTime!,
    });
    const cycleAverage = fourWeekMean((w) => expectedFromTruth(truth, w).cycleTime);
    expect(headline('cycleTime').fourWeekAverage).toBeCloseTo(cycleAverage!, 6);
    expect(headline('cycleTime').changeVsFourWeekAverage).toBeCloseTo(expected.cycleTime! - cycleAverage!, 6);
    expect(headline('cycleTime').trend.map((t) => t.week)).toEqual(['2026-W41', '2026-W42', '2026-W43', '2026-W44', '2026-W45']);
    expect(headline('cycleTime').trend.map((t) => t.value)).toEqual([...FOUR_BEFORE, W45].map((w) => expectedFromTruth(truth, w).cycleTime));
    expect(headline('timeToFirstReview')).toMatchObject({
      value: expected.timeToFirstReview,
      n: expected.counts.pickup,
      previousWeek: previous.timeToFirstReview,
    });
    expect(headline('leadTime')).toMatchObject({ value: expected.leadTime, n: expected.counts.lead });
    expect(headline('deploymentFrequency')).toMatchObject({
      value: expected.deployments,
      previousWeek: previous.deployments,
      changeVsPreviousWeek: expected.deployments - previous.deployments,
    });
    expect(headline('deploymentFrequency').fourWeekAverage).toBeCloseTo(
      fourWeekMean((w) => expectedFromTruth(truth, w).deployments)!,
      9,
    );
    expect(headline('changeFailureRate')).toMatchObject({ value: expected.changeFailureRate, previousWeek: previous.changeFailureRate });
    expect(headline('changeFailureRate').band).not.toBeNull();
    expect(headline('ciSuccessRate').value).toBeCloseTo(expected.ciSuccessRate!, 12);
    expect(headline('ciSuccessRate').previousWeek).toBeCloseTo(previous.ciSuccessRate!, 12);
    expect(json.summary.length).toBeGreaterThan(0);
    expect(json.summary.join(' ')).toContain(`Cycle time ${expected.cycleTime! < previous.cycleTime! ? 'improved' : 'got worse'}`);
    // The slowest PRs are the week's longest true cycle times, linked to GitHub.
    const slowest = [...expected.merged].sort((a, b) => Date.parse(b.mergedAt!) - Date.parse(b.startAt!) - (Date.parse(a.mergedAt!) - Date.parse(a.startAt!)));
    expect(json.slowestPullRequests.map((p) => `${p.repo}#${p.number}`)).toEqual(slowest.slice(0, 5).map((p) => `${p.repo}#${p.number}`));
    expect(json.slowestPullRequests[0]!.url).toBe(`https://github.com/${slowest[0]!.repo}/pull/${slowest[0]!.number}`);

    // Per repository, against each repository's own truth.
    expect(json.repositories.map((r) => r.repo)).toEqual(json.scope.repos);
    for (const r of json.repositories) {
      const own = expectedFromTruth(truthOf(r.repo), W45);
      const ownBefore = expectedFromTruth(truthOf(r.repo), W44);
      const metric = (key: string) => r.metrics.find((m) => m.key === key)!;
      expect(metric('cycleTime'), r.repo).toMatchObject({ value: own.cycleTime, n: own.counts.cycle, previousWeek: ownBefore.cycleTime });
      expect(metric('timeToFirstReview'), r.repo).toMatchObject({ value: own.timeToFirstReview, n: own.counts.pickup });
      expect(metric('deploymentFrequency').value, r.repo).toBe(own.deployments);
      expect(metric('changeFailureRate').value, r.repo).toBe(own.changeFailureRate);
      if (own.ciSuccessRate === null) expect(metric('ciSuccessRate').value, r.repo).toBeNull();
      else expect(metric('ciSuccessRate').value, r.repo).toBeCloseTo(own.ciSuccessRate, 12);
    }

    // CSV: one row per repository and metric, the same numbers.
    const csv = file('csv')
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    const row = (repo: string, metric: string) => csv.find((c) => c[0] === '2026-W45' && c[1] === repo && c[2] === metric)!;
    expect(Number(row('all', 'cycleTime')[5])).toBe(expected.cycleTime);
    expect(Number(row('all', 'cycleTime')[8])).toBe(previous.cycleTime);
    expect(Number(row('all', 'cycleTime')[9])).toBe(expected.cycleTime! - previous.cycleTime!);
    expect(Number(row('all', 'cycleTime')[10])).toBeCloseTo(cycleAverage!, 6);
    expect(Number(row('all', 'deploymentFrequency')[5])).toBe(expected.deployments);
    expect(Number(row('all', 'changeFailureRate')[5])).toBe(expected.changeFailureRate);
    for (const r of json.repositories) {
      expect(row(r.repo, 'cycleTime')[5], r.repo).toBe(String(expectedFromTruth(truthOf(r.repo), W45).cycleTime ?? ''));
      expect(row(r.repo, 'deploymentFrequency')[5], r.repo).toBe(String(expectedFromTruth(truthOf(r.repo), W45).deployments));
    }
    expect(csv.length).toBe(1 + json.headlines.length + json.repositories.length * json.repositories[0]!.metrics.length);

    // Markdown and HTML: the same numbers as they read, with their week-over-week changes.
    const md = file('md');
    const html = file('html');
    const shown: [string, string, string][] = [
      ['cycleTime', formatMetricValue('duration', expected.cycleTime), formatChange('duration', expected.cycleTime! - previous.cycleTime!)],
      ['deploymentFrequency', formatMetricValue('count', expected.deployments), formatChange('count', expected.deployments - previous.deployments)],
      [
        'changeFailureRate',
        formatMetricValue('ratio', expected.changeFailureRate),
        formatChange('ratio', expected.changeFailureRate! - previous.changeFailureRate!),
      ],
    ];
    for (const [key, value, change] of shown) {
      const label = headline(key).label;
      expect(md, key).toMatch(new RegExp(`^\\| ${escapeRegex(label)} \\| ${escapeRegex(value)} \\| [^|]* \\| \\d+ \\| ${escapeRegex(change)}`, 'm'));
      expect(html, key).toMatch(new RegExp(`<tr data-metric="${key}">.*?>${escapeRegex(value)}</td>.*?>${escapeRegex(change)}</td>`));
    }
    for (const r of json.repositories) {
      expect(md).toContain(
        `| [${r.repo}](https://github.com/${r.repo}) | ${formatMetricValue('duration', expectedFromTruth(truthOf(r.repo), W45).cycleTime)} |`,
      );
    }
    expect(md).toContain(`[${slowest[0]!.repo}#${slowest[0]!.number}](https://github.com/${slowest[0]!.repo}/pull/${slowest[0]!.number})`);
    expect(html).not.toMatch(/<script/i);

    // Archived as written: the archive serves the same text, whatever happens to the data later.
    const archived = Number(/archived as report (\d+)/.exec(err)![1]);
    const opened = await open();
    try {
      const caller = createCaller(testContext(opened.db, {}, NOW));
      const page = await caller.reports.page();
      expect(page.archive.map((r) => r.id)).toContain(archived);
      expect(page.archive.find((r) => r.id === archived)).toMatchObject({ week: '2026-W45', scope: { repos: json.scope.repos, team: null } });
      expect(page.weeks[0]).toMatchObject({ key: '2026-W47' });
      expect(page.weeks).toHaveLength(12);
      for (const format of ['md', 'html', 'csv', 'json'] as const) {
        expect((await caller.reports.file({ id: archived, format })).text).toBe(file(format));
      }
      expect(await caller.reports.file({ id: archived, format: 'md' })).toMatchObject({
        fileName: 'leadline-2026-W45.md',
        contentType: 'text/markdown; charset=utf-8',
      });
      expect(
        await caller.reports.file({ id: 999_999, format: 'md' }).then(
          () => null,
          (e: unknown) => e,
        ),
      ).toMatchObject({ code: 'NOT_FOUND' });
      // The page's generate makes the same report (numbers included) and archives it.
      const { id } = await caller.reports.generate({ week: '2026-W45', repos: ['acme/api'] });
      const made = JSON.parse((await caller.reports.file({ id, format: 'json' })).text, reviveDates) as WeeklyReport;
      expect(made.scope.repos).toEqual(['acme/api']);
      expect(made.headlines.find((h) => h.key === 'cycleTime')!.value).toBe(expectedFromTruth(truthOf('acme/api'), W45).cycleTime);
      expect((await caller.reports.file({ id, format: 'csv' })).fileName).toBe('leadline-2026-W45-acme-api.csv');
    } finally {
      await opened.close();
    }
  });

  it('defaults to the last complete week and writes one format to standard output', async () => {
    const { code, out } = await run({ format: 'md' });
    expect(code).toBe(0);
    // NOW is Monday 2026-11-23: the last complete week is W47.
    expect(out).toContain('# Delivery report, week 2026-W47 (16 Nov 2026 – 22 Nov 2026)');
  });

  it('cuts the week in the configured time zone', async () => {
    const { code, out, err } = await run({ week: '2026-W45', format: 'json' }, { LEADLINE_TIME_ZONE: 'Europe/Berlin' });
    expect(code, err).toBe(0);
    const json = JSON.parse(out, reviveDates) as WeeklyReport;
    expect(json).toMatchObject({ timeZone: 'Europe/Berlin', week: { key: '2026-W45', ...W45_BERLIN } });
    const expected = expectedFromTruth(truth, W45_BERLIN);
    expect(json.headlines.find((h) => h.key === 'cycleTime')).toMatchObject({ value: expected.cycleTime, n: expected.counts.cycle });
    expect(json.headlines.find((h) => h.key === 'deploymentFrequency')!.value).toBe(expected.deployments);
  });

  it('exits 2 with the reason for a week that does not exist or has not begun, an unknown repository or team', async () => {
    expect(await run({ week: '2025-W53' })).toMatchObject({ code: 2, err: expect.stringContaining('Not an ISO week: "2025-W53"') });
    expect(await run({ week: '2026-W52' })).toMatchObject({ code: 2, err: expect.stringContaining('has not begun') });
    expect(await run({ week: '2026-W45', repo: ['acme/nope'] })).toMatchObject({ code: 2, err: expect.stringContaining('Unknown repository acme/nope') });
    expect(await run({ week: '2026-W45', team: 'core' })).toMatchObject({ code: 2, err: expect.stringContaining('Unknown team core') });
  });

  // Delivery does not depend on the database: once is enough.
  describe.runIf(kind === 'pglite')('delivery', () => {
    let server: Server;
    let url: string;
    const received: { path: string; contentType: string | undefined; body: unknown }[] = [];
    let failing = false;
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ path: req.url ?? '', contentType: req.headers['content-type'], body: JSON.parse(body) });
          // No keep-alive: a pooled socket the server closes while idle would fail the next test's first attempt.
          res.writeHead(failing ? 503 : 200, { 'content-type': 'text/plain', connection: 'close' });
          res.end(failing ? 'service_unavailable' : 'ok');
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('posts the Markdown summary to Slack and the report to a generic webhook', async () => {
      received.length = 0;
      const { code, err } = await run(
        { week: '2026-W45', post: true },
        { LEADLINE_SLACK_WEBHOOK_URL: `${url}/slack/T000/B000/secret`, LEADLINE_WEBHOOK_URL: `${url}/hook` },
      );
      expect(code, err).toBe(0);
      expect(err).not.toContain('secret');
      expect(received.map((r) => r.path)).toEqual(['/slack/T000/B000/secret', '/hook']);
      expect(received.map((r) => r.contentType)).toEqual(['application/json', 'application/json']);
      const slack = received[0]!.body as { text: string };
      expect(Object.keys(slack)).toEqual(['text']);
      expect(slack.text).toMatch(/^# Delivery report, week 2026-W45/);
      expect(slack.text).toContain('## Summary');
      expect(slack.text).toContain(`| Cycle time | ${formatMetricValue('duration', expectedFromTruth(truth, W45).cycleTime)} |`);
      const hook = received[1]!.body as { report: { week: { key: string }; headlines: { key: string; value: number | null }[] }; markdown: string };
      expect(hook.report.week.key).toBe('2026-W45');
      expect(hook.report.headlines.find((h) => h.key === 'cycleTime')!.value).toBe(expectedFromTruth(truth, W45).cycleTime);
      expect(hook.markdown).toBe(slack.text);
    });

    it('retries a failing endpoint, then exits 1 with a clear error that does not show the secret URL', async () => {
      received.length = 0;
      failing = true;
      try {
        const { code, err } = await run({ week: '2026-W45', post: true }, { LEADLINE_SLACK_WEBHOOK_URL: `${url}/slack/T000/B000/secret` });
        expect(code).toBe(1);
        expect(err).toContain('The Slack webhook answered 503 service_unavailable (after 3 attempts at most)');
        expect(err).not.toContain('secret');
        expect(received).toHaveLength(3);
      } finally {
        failing = false;
      }
    });

    it('exits 1 when the endpoint cannot be reached, without showing its URL', async () => {
      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((r) => closed.close(r));
      const { code, err } = await run({ week: '2026-W45', post: true }, { LEADLINE_WEBHOOK_URL: `http://127.0.0.1:${port}/hook/secret` });
      expect(code).toBe(1);
      expect(err).toContain('The webhook was unreachable (fetch failed: ECONNREFUSED) (after 3 attempts at most)');
      expect(err).not.toContain('secret');
    });

    it('exits 2 when --post has nowhere to post', async () => {
      expect(await run({ week: '2026-W45', post: true })).toMatchObject({ code: 2, err: expect.stringContaining('LEADLINE_SLACK_WEBHOOK_URL') });
    });
  });
});
