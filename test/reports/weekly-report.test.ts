/**
 * The weekly report of a synthetic-org week, through the CLI on a synced embedded database: its
 * numbers are the generator's true values (worked out in test/support/truth-expectations.ts, not
 * by the code under test) in every format, with the changes against the previous week and the
 * four weeks before; delivery posts to a local server standing in for Slack, and a failing one
 * gives a clear error and exit 1; bad input exits 2.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/cli/commands/report';
import { loadConfig } from '../../src/config/env';
import { startFakeGitHub } from '../../src/fake-github/server';
import { generateOrgWithTruth } from '../../src/fake-github/truth';
import { formatMetricValue } from '../../src/formats/metric-format';
import { createCaller } from '../../src/server/api/root';
import { openDatabase } from '../../src/server/db/client';
import type { WeeklyReport } from '../../src/server/services/reports/weekly-report.types';
import { syncWithFake } from '../support/sync-harness';
import { testContext } from '../support/test-context';
import { expectedFromTruth } from '../support/truth-expectations';

const NOW = new Date('2026-11-23T12:00:00Z');
const W45 = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };
const W44 = { from: new Date('2026-10-26T00:00:00Z'), to: W45.from };
const FOUR_BEFORE = [0, 1, 2, 3].map((i) => ({ from: new Date(W45.from.getTime() - (4 - i) * 7 * 86_400_000), to: new Date(W45.from.getTime() - (3 - i) * 7 * 86_400_000) }));

const { org, truth } = generateOrgWithTruth({ now: NOW });

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
  return { stream, text: () => chunks.join('') };
}

describe('leadline report', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leadline-report-'));
  const config = (env: Record<string, string> = {}) => loadConfig({ LEADLINE_DATA_DIR: path.join(dir, 'db'), ...env });
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
    const github = startFakeGitHub(structuredClone(org));
    const database = await openDatabase({ dataDir: path.join(dir, 'db') });
    try {
      await syncWithFake(database.db, { targets: ['org:acme'], horizon: new Date('2026-01-01T00:00:00Z'), now: NOW });
    } finally {
      github.close();
      await database.close();
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports the week with the true values and their changes, the same in every format', async () => {
    const { code, err } = await run({ week: '2026-W45', 'all-formats': true, out: path.join(dir, 'out') });
    expect(code, err).toBe(0);
    const file = (ext: string) => readFileSync(path.join(dir, 'out', `leadline-2026-W45.${ext}`), 'utf8');

    const expected = expectedFromTruth(truth, W45);
    const previous = expectedFromTruth(truth, W44);
    const fourWeeks = FOUR_BEFORE.map((w) => expectedFromTruth(truth, w).cycleTime!);
    // The average of the four weeks before W45 (W41–W44), by hand.
    const average = fourWeeks.reduce((a, b) => a + b, 0) / 4;

    const json = JSON.parse(file('json')) as WeeklyReport & { week: { from: string } };
    const headline = (key: string) => json.headlines.find((h) => h.key === key)!;
    expect(json.week).toMatchObject({ key: '2026-W45', from: W45.from.toISOString() });
    expect(headline('cycleTime')).toMatchObject({
      value: expected.cycleTime,
      n: expected.counts.cycle,
      previousWeek: previous.cycleTime,
      changeVsPreviousWeek: expected.cycleTime! - previous.cycleTime!,
    });
    expect(headline('cycleTime').fourWeekAverage).toBeCloseTo(average, 6);
    expect(headline('timeToFirstReview')).toMatchObject({ value: expected.timeToFirstReview, n: expected.counts.pickup });
    expect(headline('deploymentFrequency').value).toBe(expected.deployments);
    expect(headline('changeFailureRate')).toMatchObject({ value: expected.changeFailureRate, previousWeek: previous.changeFailureRate });
    expect(headline('ciSuccessRate').value).toBeCloseTo(expected.ciSuccessRate!, 12);
    expect(json.summary.length).toBeGreaterThan(0);

    const csv = file('csv').split('\r\n');
    const cycleRow = csv.find((line) => line.startsWith('2026-W45,all,cycleTime,'))!.split(',');
    expect(Number(cycleRow[5])).toBe(expected.cycleTime);
    expect(Number(cycleRow[8])).toBe(previous.cycleTime);
    expect(csv.filter((line) => /^2026-W45,acme\/api,/.test(line)).length).toBeGreaterThan(3);

    const cycleText = formatMetricValue('duration', expected.cycleTime);
    expect(file('md')).toMatch(new RegExp(`\\| Cycle time \\| ${cycleText.replace('.', '\\.')} \\|`));
    expect(file('html')).toMatch(new RegExp(`<tr data-metric="cycleTime">.*?>${cycleText.replace('.', '\\.')}</td>`));
    expect(file('html')).not.toMatch(/<script/i);

    // Archived as written: the archive serves the same text, whatever happens to the data later.
    const archived = Number(/archived as report (\d+)/.exec(err)![1]);
    const database = await openDatabase({ dataDir: path.join(dir, 'db') });
    try {
      const caller = createCaller(testContext(database.db, {}, NOW));
      expect((await caller.reports.page()).archive.map((r) => r.id)).toContain(archived);
      for (const format of ['md', 'html', 'csv', 'json'] as const) {
        expect((await caller.reports.file({ id: archived, format })).text).toBe(file(format));
      }
      expect(await caller.reports.file({ id: archived, format: 'md' })).toMatchObject({ fileName: 'leadline-2026-W45.md', contentType: 'text/markdown; charset=utf-8' });
      expect(await caller.reports.file({ id: 999_999, format: 'md' }).then(() => null, (e: unknown) => e)).toMatchObject({ code: 'NOT_FOUND' });
    } finally {
      await database.close();
    }
  });

  it('defaults to the last complete week and writes one format to standard output', async () => {
    const { code, out } = await run({ format: 'md' });
    expect(code).toBe(0);
    // NOW is Monday 2026-11-23: the last complete week is W47.
    expect(out).toContain('# Delivery report, week 2026-W47');
  });

  it('exits 2 with the reason for a week not begun, an unknown repository or team', async () => {
    expect(await run({ week: '2026-W52' })).toMatchObject({ code: 2, err: expect.stringContaining('has not begun') });
    expect(await run({ week: '2026-W45', repo: ['acme/nope'] })).toMatchObject({ code: 2, err: expect.stringContaining('Unknown repository acme/nope') });
    expect(await run({ week: '2026-W45', team: 'core' })).toMatchObject({ code: 2, err: expect.stringContaining('Unknown team core') });
  });

  describe('delivery', () => {
    let server: Server;
    let url: string;
    const received: { path: string; body: unknown }[] = [];
    let failing = false;
    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ path: req.url ?? '', body: JSON.parse(body) });
          res.writeHead(failing ? 503 : 200, { 'content-type': 'text/plain' });
          res.end(failing ? 'service_unavailable' : 'ok');
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise((r) => server.close(r)));

    it('posts the Markdown summary to Slack and the report to a generic webhook', async () => {
      received.length = 0;
      const { code, err } = await run({ week: '2026-W45', post: true }, { LEADLINE_SLACK_WEBHOOK_URL: `${url}/slack/T000/B000/secret`, LEADLINE_WEBHOOK_URL: `${url}/hook` });
      expect(code, err).toBe(0);
      expect(received.map((r) => r.path)).toEqual(['/slack/T000/B000/secret', '/hook']);
      const slack = received[0]!.body as { text: string };
      expect(slack.text).toMatch(/^# Delivery report, week 2026-W45/);
      const hook = received[1]!.body as { report: { week: { key: string } }; markdown: string };
      expect(hook.report.week.key).toBe('2026-W45');
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

    it('exits 2 when --post has nowhere to post', async () => {
      expect(await run({ week: '2026-W45', post: true })).toMatchObject({ code: 2, err: expect.stringContaining('LEADLINE_SLACK_WEBHOOK_URL') });
    });
  });
});
