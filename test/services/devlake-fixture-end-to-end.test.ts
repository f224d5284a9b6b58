/**
 * The DevLake fixture end to end: the real GitHub payloads of panjf2000/ants (test/fixtures/devlake-ants,
 * from Apache DevLake's e2e data) served by the fake GitHub (runs and comments as REST; PRs with their
 * commits and reviews as GraphQL answers executed against GitHub's published schema), synced by the
 * real sync into each test database, then checked at two depths against what DevLake's own tests
 * expect from the same payloads:
 *
 * - the stored rows: PR times and state, first commits, reviews, runs and comments;
 * - the numbers the dashboard's tRPC procedures compute from the database under the `devlake` preset
 *   (docs/metrics.md#the-devlake-preset): coding, pickup, review and cycle time of all 26 merged PRs,
 *   to the minute, from `pr_metrics_devlake_definitions.csv`; then the same PRs under the
 *   default definitions, and which of them differ from DevLake and why.
 *
 * Every expected value is DevLake's or worked by hand in a comment; none comes from the code under test.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '@/fake-github/server';
import { createCaller } from '@/server/api/root';
import { queryRows, type Database } from '@/server/db/client';
import type { MetricExplanation } from '@/server/services/metrics/metric-view.types';
import type { PullRequestRow } from '@/server/services/pull-requests/list-pull-requests.types';
import { loadDevlakeAnts, readExpectedCsv } from '../support/devlake-fixture';
import { syncWithFake } from '../support/sync-harness';
import { testContext } from '../support/test-context';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';
import { median } from '../support/truth-expectations';

const NOW = new Date('2022-07-01T00:00:00Z');
const HORIZON = new Date('2018-01-01T00:00:00Z');
const REPO = 'panjf2000/ants';
/** A query spans at most 366 days: the fixture's merges (2018-07 … 2022-02) are read a calendar year at a time. */
const YEARS = [2018, 2019, 2020, 2021, 2022].map((y) => ({ from: new Date(Date.UTC(y, 0, 1)), to: y === 2022 ? NOW : new Date(Date.UTC(y + 1, 0, 1)) }));

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);
/** DevLake writes `2018-07-25T08:19:30.000+00:00`; empty for none. */
const csvTime = (value: string) => (value ? new Date(value).toISOString() : null);
const csvMinutes = (cell: string | undefined): number | null => (cell === undefined || cell === '' ? null : Number(cell));
const prKey = (id: string) => Number(id.split(':').pop());

/** DevLake's per-PR values for the 26 merged PRs, in minutes (null where DevLake has none). */
const DEVLAKE = readExpectedCsv('pr_metrics_devlake_definitions.csv').map((row) => ({
  number: Number(row.pull_request_key),
  mergedAt: csvTime(row.pr_merged_date!)!,
  firstReviewAt: csvTime(row.first_comment_date!),
  /** `github:GithubPrReview:…` for a review, `github:GithubPrComment:…` for a conversation or diff comment; empty for none. */
  firstReviewId: row.first_review_id!,
  coding: csvMinutes(row.pr_coding_time),
  pickup: csvMinutes(row.pr_pickup_time),
  review: csvMinutes(row.pr_review_time),
  cycle: csvMinutes(row.pr_cycle_time),
}));
type Phase = 'coding' | 'pickup' | 'review' | 'cycle';
type Preset = 'default' | 'devlake';
const PHASE_METRIC = { coding: 'codingTime', pickup: 'timeToFirstReview', review: 'reviewTime', cycle: 'cycleTime' } as const;
const PHASE_NAMES = Object.keys(PHASE_METRIC) as Phase[];

describe.each(databaseKinds())('the DevLake fixture (panjf2000/ants) synced into %s', (kind: DatabaseKind) => {
  let database: Database;
  const caller = () => createCaller(testContext(database.db, {}, NOW));

  beforeAll(async () => {
    const github = startFakeGitHub(loadDevlakeAnts());
    try {
      database = await createTestDatabase(kind);
      const { result, logger } = await syncWithFake(database.db, { targets: [REPO], horizon: HORIZON, now: NOW });
      expect(result.repositories.flatMap((r) => r.errors)).toEqual([]);
      // Six runs were re-run, and the fixture (like GitHub for purged runs) lacks their first attempts.
      expect(logger.warnings()).toHaveLength(6);
      for (const warning of logger.warnings()) expect(warning).toMatch(/^attempt 1 of workflow run \d+ in panjf2000\/ants is gone from GitHub \(404\)/);
    } finally {
      github.close();
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  describe('the stored rows', () => {
    it("are every PR with DevLake's created, merged and closed times, state and merge commit", async () => {
      const expected = readExpectedCsv('pull_requests.csv');
      expect(expected).toHaveLength(49);
      const rows = await queryRows<{
        id: number;
        number: number;
        state: string;
        created_at: Date;
        merged_at: Date | null;
        closed_at: Date | null;
        merge_commit_sha: string | null;
      }>(database.db, sql`select id, number, state, created_at, merged_at, closed_at, merge_commit_sha from pull_requests`);
      const byId = new Map(rows.map((r) => [Number(r.id), r]));
      expect(byId.size).toBe(49);
      for (const want of expected) {
        const row = byId.get(prKey(want.id!));
        expect(row, want.id).toBeDefined();
        expect({
          number: row!.number,
          status: row!.state.toUpperCase(),
          created: iso(row!.created_at),
          merged: iso(row!.merged_at),
          closed: iso(row!.closed_at),
        }).toEqual({
          number: Number(want.pull_request_key),
          status: want.status,
          created: csvTime(want.created_date!),
          merged: csvTime(want.merged_date!),
          closed: csvTime(want.closed_date!),
        });
        // DevLake keeps GitHub's merge_commit_sha even for unmerged PRs (a test-merge commit); we keep it only for merges.
        if (row!.merged_at) expect(row!.merge_commit_sha).toBe(want.merge_commit_sha);
      }
    });

    it("give each PR DevLake's first-commit time (earliest commit author date)", async () => {
      const firstByPr = new Map<number, string>();
      for (const commit of readExpectedCsv('pull_request_commits.csv')) {
        const pr = prKey(commit.pull_request_id!);
        const at = csvTime(commit.commit_authored_date!)!;
        if (!firstByPr.has(pr) || at < firstByPr.get(pr)!) firstByPr.set(pr, at);
      }
      expect(firstByPr.size).toBe(43);
      const rows = await queryRows<{ id: number; first: Date }>(
        database.db,
        sql`select pc.pull_request_id as id, min(c.authored_at) as first
            from pull_request_commits pc join commits c on c.sha = pc.sha group by pc.pull_request_id`,
      );
      expect(new Map(rows.map((r) => [Number(r.id), iso(r.first)!]))).toEqual(firstByPr);
    });

    it("hold every review with DevLake's submitted time and state", async () => {
      const expected = readExpectedCsv('pull_request_review_comments.csv').filter((r) => r.type === 'REVIEW');
      expect(expected).toHaveLength(30);
      const rows = await queryRows<{ id: number; pull_request_id: number; submitted_at: Date; state: string }>(
        database.db,
        sql`select id, pull_request_id, submitted_at, state from reviews`,
      );
      const actual = rows
        .map((r) => ({ id: Number(r.id), pr: Number(r.pull_request_id), at: iso(r.submitted_at), state: r.state }))
        .sort((a, b) => a.id - b.id);
      const want = expected
        .map((r) => ({ id: prKey(r.id!), pr: prKey(r.pull_request_id!), at: csvTime(r.created_date!), state: r.status }))
        .sort((a, b) => a.id - b.id);
      expect(actual).toEqual(want);
    });

    it("hold the workflow runs DevLake lists, with their outcome and a duration within 1 s of DevLake's", async () => {
      const expected = readExpectedCsv('cicd_pipelines.csv');
      const rows = await queryRows<{ id: number; conclusion: string | null; status: string | null; run_started_at: Date | null; updated_at: Date }>(
        database.db,
        sql`select id, conclusion, status, run_started_at, updated_at from workflow_runs`,
      );
      expect(rows).toHaveLength(20);
      // DevLake: success = success; failure = failure, cancelled, timed_out, startup_failure; a run
      // still in progress has no result yet.
      const devlakeResult = (conclusion: string | null) =>
        conclusion === null
          ? ''
          : conclusion === 'success'
            ? 'SUCCESS'
            : ['failure', 'cancelled', 'timed_out', 'startup_failure'].includes(conclusion)
              ? 'FAILURE'
              : 'OTHER';
      for (const row of rows) {
        const want = expected.find((e) => prKey(e.id!) === Number(row.id));
        expect(want, String(row.id)).toBeDefined();
        expect(devlakeResult(row.conclusion)).toBe(want!.result);
        expect(row.status).toBe(want!.original_status);
        const seconds = (new Date(row.updated_at).getTime() - new Date(row.run_started_at!).getTime()) / 1000;
        expect(Math.abs(seconds - Number(want!.duration_sec))).toBeLessThanOrEqual(1);
      }
    });

    it("hold the conversation and diff comments, codecov[bot]'s included", async () => {
      // Comments are stored repo-wide (issues' too) and joined to their PR by number.
      const rows = await queryRows<{ kind: string; n: string }>(
        database.db,
        sql`select c.kind, count(*) as n from comments c join pull_requests p on p.repo_id = c.repo_id and p.number = c.number group by c.kind order by c.kind`,
      );
      const expected = readExpectedCsv('pull_request_comments.csv');
      expect(rows.map((r) => [r.kind, Number(r.n)])).toEqual([
        ['conversation', expected.filter((c) => c.type === 'NORMAL').length],
        ['diff', expected.filter((c) => c.type === 'DIFF').length],
      ]);
      const [bot] = await queryRows<{ n: string }>(
        database.db,
        sql`select count(*) as n from comments c join pull_requests p on p.repo_id = c.repo_id and p.number = c.number
            join users u on u.id = c.author_id where u.login = 'codecov[bot]' and u.is_bot`,
      );
      // From the payload itself: codecov[bot]'s conversation comments on the fixture's PRs.
      const repo = loadDevlakeAnts().repositories[0]!;
      const prNumbers = new Set(repo.pullRequests.map((p) => p.number));
      const codecov = repo.issueComments.filter((c) => c.authorLogin === 'codecov[bot]' && prNumbers.has(c.issueNumber)).length;
      expect(codecov).toBeGreaterThan(0);
      expect(Number(bot!.n)).toBe(codecov);
    });
  });

  /** pullRequests.list and metrics.explain answers, asked once per file and database (each is a few database loads). */
  const asked = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, ask: () => Promise<T>): Promise<T> => {
    if (!asked.has(key)) asked.set(key, ask());
    return asked.get(key) as Promise<T>;
  };

  /** pullRequests.list under the preset, a year at a time; a PR created and merged in different years is listed twice, alike. */
  const listedMergedPrs = (preset: Preset) => once(`list ${preset}`, () => listMergedPrs(preset));
  async function listMergedPrs(preset: Preset): Promise<Map<number, PullRequestRow>> {
    const byNumber = new Map<number, PullRequestRow>();
    for (const year of YEARS) {
      const list = await caller().pullRequests.list({ ...year, repos: [REPO], preset });
      for (const row of list.rows.filter((r) => r.state === 'merged')) {
        if (byNumber.has(row.number)) expect(row, `#${row.number} listed twice, differently`).toEqual(byNumber.get(row.number));
        byNumber.set(row.number, row);
      }
    }
    return byNumber;
  }

  /** metrics.explain of one phase, a year at a time: every member row by PR number with the year that listed it, and each year's headline. */
  const explained = (phase: Phase, preset: Preset) => once(`explain ${phase} ${preset}`, () => explain(phase, preset));
  async function explain(phase: Phase, preset: Preset) {
    const members = new Map<number, { seconds: number | null; cells: MetricExplanation['rows'][number]['cells']; year: number }>();
    const headlines = new Map<number, MetricExplanation['headline']>();
    for (const period of YEARS) {
      const year = period.from.getUTCFullYear();
      const e = await caller().metrics.explain({ ...period, repos: [REPO], preset, metric: PHASE_METRIC[phase] });
      headlines.set(year, e.headline);
      for (const row of e.rows) {
        const number = row.cells.number as number;
        // A member belongs to the one period of its attribution instant.
        expect(members.get(number), `#${number} is a ${phase} member of two years`).toBeUndefined();
        members.set(number, { seconds: row.value, cells: row.cells, year });
      }
    }
    return { members, headlines };
  }

  describe('the devlake preset, computed from the database by the tRPC procedures', () => {
    it('lists the 26 merged PRs DevLake computed, and nothing else', async () => {
      const listed = await listedMergedPrs('devlake');
      expect([...listed.keys()].sort((a, b) => a - b)).toEqual(DEVLAKE.map((d) => d.number).sort((a, b) => a - b));
      expect(listed.size).toBe(26);
    });

    it("gives every merged PR DevLake's coding, pickup, review and cycle minutes in the PR explorer (empty = null)", async () => {
      const listed = await listedMergedPrs('devlake');
      const minutes = (seconds: number | null) => (seconds === null ? null : seconds / 60);
      const ours = DEVLAKE.map(({ number }) => {
        const p = listed.get(number)!.phases;
        return { number, coding: minutes(p.coding), pickup: minutes(p.pickup), review: minutes(p.review), cycle: minutes(p.cycle) };
      });
      expect(ours).toEqual(DEVLAKE.map(({ number, coding, pickup, review, cycle }) => ({ number, coding, pickup, review, cycle })));
      // By hand, from the payloads:
      // #40: first commit 06:25:16 → created 07:07:06 = 41 min 50 s → 42; created → first comment (a diff
      //      comment by panjf2000) 09:38:21 = 151 min 15 s → 152; → merged 15:22:26 = 344 min 5 s → 345;
      //      cycle = 42 + (created → merged 8 h 15 min 20 s → 496) + deploy 0 = 538.
      expect(ours.find((o) => o.number === 40)).toEqual({ number: 40, coding: 42, pickup: 152, review: 345, cycle: 538 });
      // #4: first commit 14:28:11 is after created 08:19:30 → negative → null; cycle = 0 + (18 h 13 min 11 s → 1094).
      expect(ours.find((o) => o.number === 4)).toEqual({ number: 4, coding: null, pickup: 6, review: 1088, cycle: 1094 });
    });

    it("explains each phase with DevLake's value for every merged PR, in the year of its attribution instant", async () => {
      const yearOf = (instant: string) => new Date(instant).getUTCFullYear();
      for (const phase of PHASE_NAMES) {
        const { members } = await explained(phase, 'devlake');
        // Pickup belongs to the period of (DevLake's) first review, the other phases to the merge's.
        const attributed = DEVLAKE.filter((d) => phase !== 'pickup' || d.firstReviewAt !== null);
        expect(
          [...members.keys()].sort((a, b) => a - b),
          phase,
        ).toEqual(attributed.map((d) => d.number).sort((a, b) => a - b));
        for (const d of attributed) {
          const m = members.get(d.number)!;
          expect({ number: d.number, phase, minutes: m.seconds === null ? null : m.seconds / 60, year: m.year }).toEqual({
            number: d.number,
            phase,
            minutes: d[phase],
            year: yearOf(phase === 'pickup' ? d.firstReviewAt! : d.mergedAt),
          });
          // The first review DevLake took (its first_comment_date) ends pickup and starts review.
          if (phase === 'pickup') expect(iso(m.cells.end as Date), `#${d.number}`).toBe(d.firstReviewAt);
          if (phase === 'review') expect(iso(m.cells.start as Date | null), `#${d.number}`).toBe(d.firstReviewAt);
        }
      }
    });

    it("gives each year's headline as the median of DevLake's own minutes for the PRs of that year", async () => {
      for (const phase of PHASE_NAMES) {
        const { headlines } = await explained(phase, 'devlake');
        for (const [year, headline] of headlines) {
          const values = DEVLAKE.filter((d) => {
            const instant = phase === 'pickup' ? d.firstReviewAt : d.mergedAt;
            return instant !== null && new Date(instant).getUTCFullYear() === year && d[phase] !== null;
          }).map((d) => d[phase]! * 60);
          expect({ phase, year, median: headline.value, n: headline.n }).toEqual({ phase, year, median: median(values), n: values.length });
        }
      }
      // By hand from DevLake's rows: cycle time of 2018 = #15 318, #4 1094, #13 1433, #14 1505, #19 18047 → median
      // 1433 min; review time of 2019 = #40 345, #41 450, #51 773, #23 1122, #53 2883 (#30, #39, #48 have
      // no first review) → median 773 min.
      expect((await explained('cycle', 'devlake')).headlines.get(2018)).toMatchObject({ value: 1433 * 60, n: 5 });
      expect((await explained('review', 'devlake')).headlines.get(2019)).toMatchObject({ value: 773 * 60, n: 5 });
    });

    it('names the comment DevLake took as the first review: codecov[bot] on 5 of the 10 merged PRs that have one', async () => {
      const { members } = await explained('pickup', 'devlake');
      const firsts = DEVLAKE.filter((d) => d.firstReviewAt !== null).map((d) => {
        const cells = members.get(d.number)!.cells;
        // DevLake's ids name the table the first review came from: reviews, or conversation and diff comments.
        expect(d.firstReviewId.includes('GithubPrReview'), `#${d.number}`).toBe(cells.firstReviewKind === 'review');
        return [d.number, cells.firstReviewBy, cells.firstReviewKind];
      });
      expect(firsts).toEqual([
        [4, 'codecov[bot]', 'conversation'],
        [13, 'panjf2000', 'conversation'],
        [14, 'codecov[bot]', 'conversation'],
        [15, 'codecov[bot]', 'conversation'],
        [19, 'codecov[bot]', 'conversation'],
        [23, 'codecov[bot]', 'conversation'],
        [40, 'panjf2000', 'diff'],
        // golangcibot is a User account by GitHub's type; a diff comment, not a review.
        [41, 'golangcibot', 'diff'],
        [51, 'panjf2000', 'review'],
        [53, 'panjf2000', 'review'],
      ]);
    });
  });

  describe('the same PRs under the default definitions', () => {
    it('take a different first review than DevLake on 8 PRs: a bot, or a comment that is not a review', async () => {
      // Ours (docs/metrics.md#the-timestamps-of-a-pr): the earliest submitted review by a human other
      // than the author. Comments are not reviews and bots never review. Only PRs 41, 51 and 53 have
      // reviews at all (30 in the fixture).
      const listed = await listedMergedPrs('default');
      const { members: devlakePickup } = await explained('pickup', 'devlake');
      const differences = DEVLAKE.flatMap((d) => {
        const ours = iso(listed.get(d.number)!.firstReviewAt);
        if (ours === d.firstReviewAt) return [];
        const cells = devlakePickup.get(d.number)!.cells;
        return [[d.number, `${cells.firstReviewBy} ${cells.firstReviewKind}`, ours ?? 'no human review']];
      });
      expect(differences).toEqual([
        [4, 'codecov[bot] conversation', 'no human review'],
        [13, 'panjf2000 conversation', 'no human review'],
        [14, 'codecov[bot] conversation', 'no human review'],
        [15, 'codecov[bot] conversation', 'no human review'],
        [19, 'codecov[bot] conversation', 'no human review'],
        [23, 'codecov[bot] conversation', 'no human review'],
        [40, 'panjf2000 diff', 'no human review'],
        // #41 is choleraehyq's PR: their own reviews do not count; panjf2000 reviewed at 09:19:55.
        [41, 'golangcibot diff', '2019-08-20T09:19:55.000Z'],
      ]);
    });

    it('give those PRs no pickup or a later one, and agree with DevLake on 51 and 53 but for its rounding up', async () => {
      const { members: ours } = await explained('pickup', 'default');
      const { members: theirs } = await explained('pickup', 'devlake');
      const seconds = (members: typeof ours, n: number) => members.get(n)?.seconds;
      // Pickup is attributed to first_review_at: a PR with no human review is in no period's pickup.
      expect([4, 13, 14, 15, 19, 23, 40].filter((n) => ours.has(n))).toEqual([]);
      expect([4, 13, 14, 15, 19, 23, 40].filter((n) => theirs.has(n))).toEqual([4, 13, 14, 15, 19, 23, 40]);
      // #41: created 03:24:27. DevLake: golangcibot's diff comment 03:25:26 → 59 s → 1 min.
      // Ours: panjf2000's review 09:19:55 → 5 h 55 min 28 s = 21328 s.
      expect([seconds(theirs, 41), seconds(ours, 41)]).toEqual([60, 21328]);
      // #51: created 08:46:23 → panjf2000's review 12:07:36 = 3 h 21 min 13 s = 12073 s; DevLake rounds up to 202 min.
      expect([seconds(theirs, 51), seconds(ours, 51)]).toEqual([202 * 60, 12073]);
      // #53: created 08:17:20 → review 16:56:26 = 8 h 39 min 6 s = 31146 s; DevLake 520 min.
      expect([seconds(theirs, 53), seconds(ours, 53)]).toEqual([520 * 60, 31146]);
    });

    it('give a coding time of 0 to the 7 PRs DevLake has none for (no commits, or the first commit after creation)', async () => {
      // DevLake: coding = first commit → created, null without commits or when the first commit is
      // later. Ours: start_at = min(first_commit_at, created_at), first_commit_at = created_at without
      // commits, so coding = ready_at − start_at = 0 (none of these was a draft).
      const { members: ours } = await explained('coding', 'default');
      const listed = await listedMergedPrs('default');
      const differences = DEVLAKE.filter((d) => d.coding === null).map((d) => [
        d.number,
        listed.get(d.number)!.commits === 0 ? 'no commits' : 'first commit after creation',
        ours.get(d.number)?.seconds,
      ]);
      expect(differences).toEqual([
        [4, 'first commit after creation', 0],
        [13, 'no commits', 0],
        [14, 'no commits', 0],
        [15, 'no commits', 0],
        [19, 'no commits', 0],
        [39, 'no commits', 0],
        [114, 'first commit after creation', 0],
      ]);
    });
  });
});
