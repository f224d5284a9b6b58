/**
 * The PR explorer (pullRequests.list) and the repository drill-down (metrics.repository) against the
 * generator's truth: the synthetic org is synced once through the real sync, and for one complete
 * week every row and every deployment is compared with what the generator says it planted
 * (truth.ts), with the expected values worked out here, never by the code under test. Which PRs had
 * activity in the week comes from the org the generator made (the truth has no creation or close
 * times).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '@/fake-github/server';
import { generateOrgWithTruth, type DeliverySource } from '@/fake-github/truth';
import { createCaller } from '@/server/api/root';
import type { Database } from '@/server/db/client';
import { OVERVIEW_CARDS } from '@/server/services/metrics/metric-cards';
import type { PullRequestList, PullRequestRow } from '@/server/services/pull-requests/list-pull-requests.types';
import { syncWithFake } from '../support/sync-harness';
import { inWindow, secondsBetween } from '../support/truth-expectations';
import { testContext } from '../support/test-context';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');
/** ISO week 2026-W45 in UTC: failed deployments, an incident fixed by a hotfix, every deployment source. */
const WEEK = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };

const { org, truth } = generateOrgWithTruth({ now: NOW });

const inWeek = (iso: string | null): iso is string => inWindow(iso, WEEK);
const at = (iso: string | null) => (iso === null ? null : new Date(iso));
const key = (repo: string, number: number) => `${repo}#${number}`;
const truthOf = new Map(truth.pullRequests.map((p) => [key(p.repo, p.number), p]));

/** Created, merged or closed in the week, or open at its end: read from the generated org. */
const activeInWeek = org.repositories.flatMap((r) =>
  r.pullRequests
    .filter((p) => {
      if (Date.parse(p.createdAt) >= WEEK.to.getTime()) return false;
      const end = p.mergedAt ?? p.closedAt;
      return inWeek(p.createdAt) || end === null || Date.parse(end) >= WEEK.from.getTime();
    })
    .map((p) => key(`${r.owner}/${r.name}`, p.number)),
);
const isBotPr = (k: string) => truthOf.get(k)!.authorIsBot;

const SOURCE: Record<DeliverySource, string> = { deployments: 'github-deployment', workflow: 'workflow-run', release: 'release', merge: 'merge' };

describe.each(databaseKinds())('PR explorer and repository drill-down against the generator truth on %s', (kind: DatabaseKind) => {
  let database: Database;
  let list: PullRequestList;
  let withBots: PullRequestList;
  const caller = () => createCaller(testContext(database.db, {}, NOW));

  beforeAll(async () => {
    const github = startFakeGitHub(structuredClone(org));
    try {
      database = await createTestDatabase(kind);
      await syncWithFake(database.db, { targets: ['org:acme'], horizon: new Date('2026-01-01T00:00:00Z'), now: NOW });
    } finally {
      github.close();
    }
    list = await caller().pullRequests.list(WEEK);
    withBots = await caller().pullRequests.list({ ...WEEK, includeBots: true });
  });
  afterAll(async () => {
    await database.close();
  });

  describe('pullRequests.list', () => {
    it('lists exactly the PRs with activity in the week, bots only with the switch', () => {
      const keys = (rows: PullRequestRow[]) => rows.map((r) => key(r.repo, r.number)).sort();
      const humans = activeInWeek.filter((k) => !isBotPr(k));
      const bots = activeInWeek.filter(isBotPr);
      expect(humans.length).toBeGreaterThan(20);
      expect(bots.length).toBeGreaterThan(0);
      expect(keys(list.rows)).toEqual(humans.sort());
      expect(list.rows.some((r) => r.isBot)).toBe(false);
      expect(keys(withBots.rows)).toEqual([...activeInWeek].sort());
      for (const r of withBots.rows) expect(r.isBot, key(r.repo, r.number)).toBe(isBotPr(key(r.repo, r.number)));
    });

    it("gives each row the truth's timestamps and phases, worked out here from the truth", () => {
      const seconds = (from: string | null, to: string | null) => (from && to ? secondsBetween(from, to) : null);
      for (const row of withBots.rows) {
        const p = truthOf.get(key(row.repo, row.number))!;
        const name = key(row.repo, row.number);
        expect(row, name).toMatchObject({
          state: p.mergedAt ? 'merged' : row.state === 'closed' ? 'closed' : 'open',
          readyAt: at(p.readyAt),
          firstReviewAt: at(p.firstReviewAt),
          firstApprovalAt: at(p.firstApprovalAt),
          mergedAt: at(p.mergedAt),
          deployedAt: at(p.deployedAt),
        });
        expect(row.phases, name).toMatchObject({
          // pickup = first_review_at − ready_at (a draft-time review counts at ready_at: never negative)
          pickup: seconds(p.readyAt, p.firstReviewAt),
          // cycle = merged_at − start_at; deploy = deployed_at − merged_at; lead = deployed_at − start_at
          cycle: seconds(p.startAt, p.mergedAt),
          deploy: seconds(p.mergedAt, p.deployedAt),
          lead: seconds(p.startAt, p.deployedAt),
        });
        expect(row.deployment?.id ?? null, name).toBe(p.deployedBy);
      }
      // The week has enough of each for this to be a real check.
      const rows = list.rows;
      expect(rows.filter((r) => r.mergedAt && inWeek(r.mergedAt.toISOString())).length).toBeGreaterThan(10);
      expect(rows.filter((r) => r.firstReviewAt && inWeek(r.firstReviewAt.toISOString())).length).toBeGreaterThan(5);
      expect(rows.filter((r) => r.deployedAt).length).toBeGreaterThan(5);
      expect(rows.filter((r) => r.state === 'open').length).toBeGreaterThan(0);
    });

    it('names the deployment that shipped every merged PR with its rule, or says why none has', () => {
      const merged = withBots.rows.filter((r) => r.state === 'merged');
      for (const r of merged) {
        const name = key(r.repo, r.number);
        expect(r.deployment !== null || r.undeployedReason !== null, name).toBe(true);
        expect(r.deployment !== null && r.undeployedReason !== null, name).toBe(false);
        if (r.deployment) expect(r.deployment.id.startsWith(`${r.deployment.source}:`), name).toBe(true);
      }
      // Merge as deploy (acme/infra) maps by merge, GitHub Deployments (acme/api) by ancestry.
      expect(merged.find((r) => r.repo === 'acme/infra' && r.deployment)?.deployment?.rule).toBe('merge');
      expect(merged.find((r) => r.repo === 'acme/api' && r.deployment)?.deployment?.rule).toBe('ancestry');
      // Rows that are not merged are shipped by nothing.
      for (const r of withBots.rows.filter((x) => x.state !== 'merged')) expect([r.deployment, r.undeployedReason]).toEqual([null, null]);
    });

    it('sorts by merge time, latest first, unmerged last, then by creation, latest first', () => {
      const order = (r: PullRequestRow) => [r.mergedAt?.getTime() ?? -Infinity, r.createdAt.getTime()] as const;
      for (let i = 1; i < withBots.rows.length; i++) {
        const [m0, c0] = order(withBots.rows[i - 1]!);
        const [m1, c1] = order(withBots.rows[i]!);
        expect(m0 > m1 || (m0 === m1 && c0 >= c1), `row ${i}`).toBe(true);
      }
    });

    it('lists reviewers and requested reviewers as people other than the author, never bots', () => {
      const rows = withBots.rows;
      expect(rows.some((r) => r.reviewers.length > 0)).toBe(true);
      expect(rows.some((r) => r.requestedReviewers.length > 0)).toBe(true);
      for (const r of rows) {
        for (const login of [...r.reviewers, ...r.requestedReviewers]) {
          expect(login.toLowerCase()).not.toBe(r.author?.toLowerCase());
          expect(login.endsWith('[bot]')).toBe(false);
        }
        // Whoever gave the first review is a reviewer.
        if (r.firstReviewAt) expect(r.reviewers.length).toBeGreaterThan(0);
      }
    });

    it('gives the same phase values as the explanation of each number, under either preset', async () => {
      for (const preset of ['default', 'devlake'] as const) {
        const rows = preset === 'default' ? list.rows : (await caller().pullRequests.list({ ...WEEK, preset })).rows;
        const byKey = new Map(rows.map((r) => [key(r.repo, r.number), r]));
        for (const [metric, phase] of [
          ['cycleTime', 'cycle'],
          ['timeToFirstReview', 'pickup'],
        ] as const) {
          const explained = await caller().metrics.explain({ ...WEEK, preset, metric });
          expect(explained.rows.length, `${preset} ${metric}`).toBeGreaterThan(3);
          for (const m of explained.rows) {
            const name = key(m.cells.repo as string, m.cells.number as number);
            expect(byKey.get(name)?.phases[phase], `${preset} ${metric} ${name}`).toBe(m.value);
          }
        }
        if (preset === 'devlake') {
          // DevLake's spans are whole minutes, and only merged PRs have them.
          for (const r of rows) {
            for (const v of Object.values(r.phases)) if (v !== null) expect(v % 60).toBe(0);
            if (!r.mergedAt) expect(Object.values(r.phases).every((v) => v === null)).toBe(true);
          }
        }
      }
    });
  });

  describe('metrics.repository', () => {
    const repos = org.repositories.map((r) => `${r.owner}/${r.name}`);

    /**
     * A failed deployment recovers when the next successful deployment finishes; one failed only
     * through incidents when the last of its incidents closes (still open: not yet).
     */
    const recoveredAt = (d: (typeof truth.deployments)[number]) => {
      if (!d.failed) return null;
      if (d.reasons.some((r) => r !== 'incident')) return at(d.nextSuccessAt);
      const closes = truth.incidents.filter((i) => i.deployments.includes(d.id)).map((i) => i.closedAt);
      return closes.includes(null) ? null : at(closes.sort().at(-1)!);
    };

    it.each(repos)("%s: the deployments of the week are the truth's, with their outcomes, failures, recoveries and PRs", async (repo) => {
      const detail = await caller().metrics.repository({ ...WEEK, repo });
      const expected = truth.deployments.filter((d) => d.repo === repo && inWeek(d.finishedAt));
      expect(expected.length).toBeGreaterThan(0);
      expect(detail.repo).toBe(repo);
      expect(detail.detection.source).toBe(SOURCE[expected[0]!.source]);
      expect(detail.detection.candidates.map((c) => c.rank)).toEqual([1, 2, 3, 4]);

      const finished = detail.deployments.filter((d) => d.finishedAt !== null);
      expect(finished.map((d) => d.id).sort()).toEqual(expected.map((d) => d.id).sort());
      for (const d of expected) {
        expect(
          finished.find((f) => f.id === d.id),
          d.id,
        ).toMatchObject({
          source: SOURCE[d.source],
          outcome: d.outcome,
          failed: d.failed,
          reasons: d.reasons,
          finishedAt: at(d.finishedAt),
          recoveredAt: recoveredAt(d),
          shipped: [...d.shipped].sort((a, b) => a - b),
        });
      }
      // Pending ones (the truth leaves running deployments out) started in the week.
      for (const d of detail.deployments.filter((x) => x.finishedAt === null)) expect(inWeek(d.startedAt.toISOString())).toBe(true);
    });

    it.each(repos)("%s: CI per workflow counts the truth's runs of the week", async (repo) => {
      const detail = await caller().metrics.repository({ ...WEEK, repo });
      const runs = truth.workflowRuns.filter((r) => r.repo === repo && inWeek(r.createdAt));
      const workflows = [...new Set(runs.map((r) => r.workflow))].sort();
      expect(workflows.length).toBeGreaterThan(0);
      expect(detail.workflows.map((w) => w.workflow)).toEqual(expect.arrayContaining(workflows));
      for (const w of detail.workflows) {
        const own = runs.filter((r) => r.workflow === w.workflow);
        const outcomes = own.filter((r) => r.outcome === 'success' || r.outcome === 'failure');
        expect(w, w.workflow).toMatchObject({
          runs: own.length,
          successRate: { numerator: outcomes.filter((r) => r.outcome === 'success').length, denominator: outcomes.length },
          flakyRate: { numerator: outcomes.filter((r) => r.flaky).length, denominator: outcomes.length },
        });
      }
    });

    it.each(repos)("%s: the overview's nine cards for the repository alone, and its coverage points as reported", async (repo) => {
      const [detail, health] = await Promise.all([caller().metrics.repository({ ...WEEK, repo }), caller().metrics.teamHealth({ ...WEEK, repos: [repo] })]);
      expect(detail.cards.map((c) => c.key)).toEqual([...OVERVIEW_CARDS]);
      expect(detail.cards).toEqual(health.cards);
      expect(detail.previousPeriod).toEqual(health.previousPeriod);
      const deployments = truth.deployments.filter((d) => d.repo === repo && inWeek(d.finishedAt));
      expect(detail.cards.find((c) => c.key === 'changeFailureRate')!.headline).toMatchObject({
        numerator: deployments.filter((d) => d.failed).length,
        denominator: deployments.length,
      });
      const reported = new Map(truth.coverage.filter((c) => c.repo === repo).map((c) => [c.sha, c.pct]));
      for (const p of detail.coverage.points) expect(p.pct, p.sha).toBe(reported.get(p.sha));
      if (reported.size > 0) expect(detail.coverage.points.length).toBeGreaterThan(0);
    });

    it('answers an unknown or malformed repository with BAD_REQUEST', async () => {
      const unknown = await caller()
        .metrics.repository({ ...WEEK, repo: 'acme/nope' })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(unknown).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Unknown repository acme/nope') });
      const malformed = await caller()
        .metrics.repository({ ...WEEK, repo: 'nope' })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(malformed).toMatchObject({ code: 'BAD_REQUEST' });
    });
  });
});
