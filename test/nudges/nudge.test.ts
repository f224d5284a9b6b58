/**
 * `leadline nudge` against a local webhook receiver standing in for Slack and a generic webhook, on
 * a database synced from a hand-built org through the fake GitHub. The team's agreements: first
 * review within 8 business hours, each review request answered within 4, default branch red at most
 * 2 hours; working hours Monday to Friday 09:00–17:00 UTC. 2024-01-08 is a Monday.
 *
 * What breaks at Wednesday 10 Jan 10:00, by hand:
 *   #1 ready Mon 09:00, no review: Mon 15 h + Tue 24 h + Wed 10 h = 49 h > 8.
 *   #2 ready Tue 09:00, no review: 15 h + 10 h = 25 h > 8; its request to bob at 09:01: 24 h 59 min > 4.
 *   #3 ready Wed 08:00: 2 h, inside the target: not nudged.
 *   CI on main failed at 06:05: red 3 h 55 min > 2.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCliArgs } from '@/cli/args';
import { nudgeCommand } from '@/cli/commands/nudge';
import { loadConfig } from '@/config/env';
import { startFakeGitHub } from '@/fake-github/server';
import { createCaller } from '@/server/api/root';
import { openDatabase } from '@/server/db/client';
import { buildWeeklyReport } from '@/server/services/reports/build-weekly-report';
import { metricSettings } from '@/server/metric-settings';
import { buildOrg, buildWorkflowRun } from '../support/fake-org-builder';
import { syncWithFake } from '../support/sync-harness';
import { testContext } from '../support/test-context';

const HOSTILE = '<!channel> @here *bold* <http://evil.example|click me> _it_ ~gone~ `code` https://evil.example/x';
const NOW = new Date('2024-01-10T10:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

const org = buildOrg({
  repositories: [
    {
      name: 'api',
      pullRequests: [
        { number: 1, title: HOSTILE, createdAt: '2024-01-08T09:00:00Z' },
        {
          number: 2,
          title: 'Add retries',
          createdAt: '2024-01-09T09:00:00Z',
          timeline: [{ type: 'ReviewRequestedEvent', reviewer: { kind: 'user', login: 'bob' } }],
        },
        { number: 3, title: 'Fresh', createdAt: '2024-01-10T08:00:00Z' },
      ],
      workflowRuns: [{ createdAt: '2024-01-10T06:00:00Z', runStartedAt: '2024-01-10T06:00:00Z', updatedAt: '2024-01-10T06:05:00Z', conclusion: 'failure' }],
    },
  ],
});

interface Received {
  path: string;
  body: Record<string, unknown>;
}

function capture() {
  const chunks: string[] = [];
  const stream = new Writable({ write: (chunk, _enc, done) => (chunks.push(String(chunk)), done()) });
  return { stream, text: () => chunks.join('') };
}

/** Every object in a Slack payload, depth first. */
function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (value && typeof value === 'object') return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
  return [];
}

/** The items of a Slack nudge: each bullet's link text. */
const slackItems = (body: Record<string, unknown>) =>
  objects(body.blocks)
    .filter((o) => o.type === 'rich_text_list')
    .flatMap((list) => (list.elements as { elements: { type: string; text: string }[] }[]).map((item) => item.elements.find((e) => e.type === 'link')!.text));

describe('leadline nudge', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leadline-nudge-'));
  const dataDir = path.join(dir, 'db');
  const received: Received[] = [];
  let receiver: Server;
  let url = '';
  const teamsFile = path.join(dir, 'teams.json');
  writeFileSync(
    teamsFile,
    JSON.stringify({ backend: { members: ['alice', 'bob'], agreements: { firstReviewHours: 8, reviewResponseHours: 4, maxRedHours: 2 } } }),
  );
  const config = () =>
    loadConfig({
      LEADLINE_DATA_DIR: dataDir,
      LEADLINE_TEAMS_FILE: teamsFile,
      LEADLINE_SLACK_WEBHOOK_URL: `${url}/slack/secret`,
      LEADLINE_WEBHOOK_URL: `${url}/hook/secret`,
    });
  const run = async (argv: string[], now: Date) => {
    const out = capture();
    const err = capture();
    const args = parseCliArgs(['nudge', ...argv]);
    if (args.command !== 'nudge') throw new Error('not a nudge');
    const before = received.length;
    const code = await nudgeCommand(args, config(), { out: out.stream, err: err.stream, now, delivery: { baseDelayMs: 1 } });
    return { code, out: out.text(), err: err.text(), posted: received.slice(before) };
  };
  const sync = async (now: Date) => {
    const github = startFakeGitHub(structuredClone(org));
    const database = await openDatabase({ dataDir });
    try {
      const { result } = await syncWithFake(database.db, { targets: ['acme/api'], horizon: new Date('2023-12-01T00:00:00Z'), now });
      expect(result.status).toBe('succeeded');
    } finally {
      github.close();
      await database.close();
    }
  };

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: JSON.parse(body) as Record<string, unknown> });
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    await sync(NOW);
  });
  afterAll(async () => {
    await new Promise((r) => receiver.close(r));
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds everything outside working hours (Wednesday 08:30 UTC is before 09:00)', async () => {
    const { code, err, posted } = await run([], new Date('2024-01-10T08:30:00Z'));
    expect(code, err).toBe(0);
    expect(posted).toEqual([]);
    expect(err).toContain('team backend: outside its working hours (Mon, Tue, Wed, Thu, Fri 09:00–17:00 UTC), nothing sent');
  });

  it('--dry-run prints what it would send, and sends and remembers nothing', async () => {
    const { code, out, posted } = await run(['--dry-run'], NOW);
    expect(code).toBe(0);
    expect(posted).toEqual([]);
    expect(out).toContain('Nudge for team backend: 4 items past a working agreement');
    expect(out).toContain('- acme/api#2 Add retries, waiting 1 d (business time) for a first review  https://github.com/acme/api/pull/2');
    expect(out).toContain('  bob:\n    - acme/api#2 Add retries, waiting 1 d (business time) for an answer');
  });

  it('the first run posts each breaking item once, to Slack and to the webhook', async () => {
    const { code, err, posted } = await run([], NOW);
    expect(code, err).toBe(0);
    expect(posted.map((p) => p.path)).toEqual(['/slack/secret', '/hook/secret']);
    const [slack, hook] = posted;
    expect(slackItems(slack!.body)).toEqual(['acme/api#1', 'acme/api#2', 'acme/api#2', 'acme/api CI on main']);
    expect(slack!.body.text).toBe('Nudge for team backend: 4 items past a working agreement');
    const items = hook!.body.items as { agreement: string; name: string; reviewer: string | null; url: string }[];
    expect(items.map((i) => [i.agreement, i.name, i.reviewer])).toEqual([
      ['firstReview', 'acme/api#1', null],
      ['firstReview', 'acme/api#2', null],
      ['reviewResponse', 'acme/api#2', 'bob'],
      ['redBranch', 'acme/api CI on main', null],
    ]);
    expect(err).not.toContain('secret');
  });

  it('a hostile title is inert in Slack: only text elements carry it, no mention, link or formatting', () => {
    const slack = received.find((r) => r.path === '/slack/secret')!.body;
    const all = objects(slack);
    // The title arrives verbatim, as literal rich text.
    expect(all.filter((o) => o.type === 'text' && typeof o.text === 'string' && o.text.includes('<!channel>'))).toEqual([
      { type: 'text', text: ` ${HOSTILE}` },
    ]);
    // Nothing that Slack parses (mrkdwn, the notification text) holds anything of it.
    for (const o of all.filter((x) => x.type === 'mrkdwn')) expect(o.text).not.toMatch(/<!|@here|evil|<http/);
    expect(slack.text).not.toMatch(/<!|@here|evil/);
    // No mention elements; every link is ours.
    expect(all.filter((o) => ['broadcast', 'user', 'usergroup', 'channel'].includes(String(o.type)))).toEqual([]);
    expect(all.filter((o) => o.type === 'link').map((o) => o.url)).toEqual([
      'https://github.com/acme/api/pull/1',
      'https://github.com/acme/api/pull/2',
      'https://github.com/acme/api/pull/2',
      expect.stringMatching(/^https:\/\/github\.com\/acme\/api\/actions\/runs\/\d+$/),
    ]);
  });

  it('a second run posts nothing new', async () => {
    const { code, err, posted } = await run([], minutes(5));
    expect(code).toBe(0);
    expect(posted).toEqual([]);
    expect(err).toContain('team backend: nothing new to nudge (4 item(s) breaking now, each already nudged)');
  });

  it('a state change re-arms the item: the red branch fails again, and only it is posted again', async () => {
    const repo = org.repositories[0]!;
    repo.workflowRuns.push(
      buildWorkflowRun(
        { createdAt: minutes(20).toISOString(), runStartedAt: minutes(20).toISOString(), updatedAt: minutes(25).toISOString(), conclusion: 'failure' },
        repo,
      ),
    );
    await sync(minutes(30));
    const { code, err, posted } = await run([], minutes(30));
    expect(code, err).toBe(0);
    expect(posted.map((p) => p.path)).toEqual(['/slack/secret', '/hook/secret']);
    expect(slackItems(posted[0]!.body)).toEqual(['acme/api CI on main']);
  });

  it('--digest posts the whole list whatever was nudged, and a bad team is bad usage', async () => {
    const { code, posted } = await run(['--digest'], minutes(35));
    expect(code).toBe(0);
    expect(slackItems(posted[0]!.body)).toEqual(['acme/api#1', 'acme/api#2', 'acme/api#2', 'acme/api CI on main']);
    expect(posted[0]!.body.text).toBe('Daily digest for team backend: 4 items past a working agreement');
    const bad = await run(['--team', 'nope'], minutes(35));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Unknown team nope: the configured teams are backend');
  });

  it('the same breaches make the week’s adherence, on the dashboard’s API and in the weekly report', async () => {
    const now = minutes(40);
    const database = await openDatabase({ dataDir });
    try {
      const week = { from: new Date('2024-01-08T00:00:00Z'), to: new Date('2024-01-15T00:00:00Z') };
      const { teams } = await createCaller(testContext(database.db, {}, now, config())).agreements.list({ ...week, team: 'backend' });
      // At Wed 10:40: first review #1 (Mon 15 h + Tue 24 h + 10 h 40 min) and #2 (15 h + 10 h 40 min) broke 8 h, #3 (2 h 40 min) is
      // pending → 0 of 2. Bob's request on #2 (25 h 39 min) broke 4 h → 0 of 1. CI red since 06:05 (4 h 35 min) broke 2 h → 0 of 1.
      // The week before had nothing: no previous value.
      expect(teams.map((t) => [t.team, t.agreements.map((a) => [a.agreement, a.current.met, a.current.applied, a.previous.value, a.breaches.length])])).toEqual(
        [
          [
            'backend',
            [
              ['firstReview', 0, 2, null, 2],
              ['reviewResponse', 0, 1, null, 1],
              ['redBranch', 0, 1, null, 1],
            ],
          ],
        ],
      );
      await expect(createCaller(testContext(database.db, {}, now, config())).agreements.list({ ...week, team: 'nope' })).rejects.toThrow(/Unknown team nope/);

      const report = await buildWeeklyReport(database.db, { week: '2024-W02' }, metricSettings(config()), now, 'https://github.com', config().teamSettings);
      expect(report.agreements).toEqual([
        {
          team: 'backend',
          agreements: [
            expect.objectContaining({ agreement: 'firstReview', adherence: 0, met: 0, applied: 2, previousWeek: null, changeVsPreviousWeek: null }),
            expect.objectContaining({ agreement: 'reviewResponse', adherence: 0, met: 0, applied: 1 }),
            expect.objectContaining({ agreement: 'redBranch', adherence: 0, met: 0, applied: 1 }),
          ],
        },
      ]);
      expect(report.agreements[0]!.agreements[0]!.breaches.map((b) => b.name)).toEqual(['acme/api#2', 'acme/api#1']);
    } finally {
      await database.close();
    }
  });
});
