/**
 * The overview service around its numbers, against the generator's truth: the synthetic org is
 * synced through the real sync, and for one complete week the author and team filters, the
 * explanations' members and the errors are checked with values worked out from what the generator
 * says it planted (truth.ts), not from the stored rows (test/support/truth-expectations.ts). Every
 * headline of every week is compared with the truth in test/services/every-metric-truth.test.ts.
 */
import { TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '@/fake-github/server';
import { generateOrgWithTruth, type OrgTruth } from '@/fake-github/truth';
import { handleTrpcRequest } from '@/server/api/http';
import { createCaller } from '@/server/api/root';
import type { Database } from '@/server/db/client';
import type { TeamHealth } from '@/server/services/metrics/team-health.types';
import { syncWithFake } from '../support/sync-harness';
import { expectedFromTruth as expectedFrom, inWindow, median, secondsBetween } from '../support/truth-expectations';
import { testContext } from '../support/test-context';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');
/** ISO week 2026-W45 in UTC: the generator's week with two failed deployments and an incident whose fix shipped as a hotfix. */
const WEEK = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };

const { org, truth } = generateOrgWithTruth({ now: NOW });

const inWeek = (iso: string | null, period = WEEK): iso is string => inWindow(iso, period);
const seconds = secondsBetween;
const expectedFromTruth = (t: OrgTruth, period = WEEK) => expectedFrom(t, period);

const headline = (health: TeamHealth, key: string) => {
  const card = health.cards.find((c) => c.key === key);
  if (!card) throw new Error(`no card ${key}`);
  return card.headline;
};

describe.each(databaseKinds())('metric services against the generator truth on %s', (kind: DatabaseKind) => {
  let database: Database;
  let health: TeamHealth;
  const caller = () => createCaller(testContext(database.db, {}, NOW));

  beforeAll(async () => {
    const github = startFakeGitHub(structuredClone(org));
    try {
      database = await createTestDatabase(kind);
      await syncWithFake(database.db, { targets: ['org:acme'], horizon: new Date('2026-01-01T00:00:00Z'), now: NOW });
    } finally {
      github.close();
    }
    health = await caller().metrics.teamHealth(WEEK);
  });
  afterAll(async () => {
    await database.close();
  });

  it('the week has enough of everything to be a real check', () => {
    const expected = expectedFromTruth(truth);
    expect(expected.counts.pickup).toBeGreaterThanOrEqual(5);
    expect(expected.counts.cycle).toBeGreaterThanOrEqual(5);
    expect(expected.counts.lead).toBeGreaterThanOrEqual(3);
    expect(expected.counts.deployments).toBeGreaterThanOrEqual(3);
    expect(expected.counts.runs).toBeGreaterThanOrEqual(10);
    expect(expected.changeFailureRate).toBeGreaterThan(0);
    expect(truth.deployments.filter((d) => inWeek(d.finishedAt)).flatMap((d) => d.reasons)).toEqual(expect.arrayContaining(['failure', 'incident', 'hotfix']));
  });

  it('narrows the PR numbers, and only those, to the chosen authors', async () => {
    // The two humans with the most PRs merged in the week, from the org the generator made.
    const authorOf = new Map(
      org.repositories.flatMap((r) => r.pullRequests.map((p) => [`${r.owner}/${r.name}#${p.number}` as string, p.authorLogin] as const)),
    );
    const merged = truth.pullRequests.filter((p) => !p.authorIsBot && inWeek(p.mergedAt));
    const tally = new Map<string, number>();
    for (const p of merged) {
      const login = authorOf.get(`${p.repo}#${p.number}`);
      if (login) tally.set(login, (tally.get(login) ?? 0) + 1);
    }
    const authors = [...tally]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 2)
      .map(([login]) => login);
    const theirs = merged.filter((p) => authors.includes(authorOf.get(`${p.repo}#${p.number}`) ?? ''));
    expect(theirs.length).toBeGreaterThanOrEqual(2);
    expect(theirs.length).toBeLessThan(merged.length);

    const narrowed = await caller().metrics.teamHealth({ ...WEEK, authors: authors.map((a) => a.toUpperCase()) });
    const expected = { value: median(theirs.map((p) => seconds(p.startAt!, p.mergedAt!))), n: theirs.length };
    expect(headline(narrowed, 'cycleTime')).toMatchObject(expected);
    // Deployments belong to repositories: the same with or without the filter.
    expect(headline(narrowed, 'deploymentFrequency')).toEqual(headline(health, 'deploymentFrequency'));

    // The same two people as a configured team.
    const teamCaller = createCaller(testContext(database.db, { teams: { core: authors } }, NOW));
    const team = await teamCaller.metrics.teamHealth({ ...WEEK, team: 'core' });
    expect(headline(team, 'cycleTime')).toMatchObject(expected);
    expect(team).toMatchObject({ team: 'core', authors });
    const unknown = await teamCaller.metrics.teamHealth({ ...WEEK, team: 'nope' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(unknown).toMatchObject({ code: 'BAD_REQUEST', message: 'Unknown team nope: the configured teams are core' });
  });

  it('explains time to first review with exactly the PRs of the truth, whose own values give the headline', async () => {
    const explained = await caller().metrics.explain({ ...WEEK, metric: 'timeToFirstReview' });
    const truthPrs = truth.pullRequests.filter((p) => !p.authorIsBot && inWeek(p.firstReviewAt) && p.readyAt);
    expect(explained.rows.map((r) => `${r.cells.repo as string}#${r.cells.number as number}`).sort()).toEqual(
      truthPrs.map((p) => `${p.repo}#${p.number}`).sort(),
    );
    for (const p of truthPrs) {
      const row = explained.rows.find((r) => r.cells.repo === p.repo && r.cells.number === p.number)!;
      expect(row.value).toBe(seconds(p.readyAt!, p.firstReviewAt!));
      expect(row.github).toEqual({ repo: p.repo, path: `pull/${p.number}` });
    }
    // They add up: the median of the counted members' own values is the headline.
    expect(median(explained.rows.filter((r) => r.counted).map((r) => r.value!))).toBe(explained.headline.value);
    expect(explained.headline.value).toBe(headline(health, 'timeToFirstReview').value);
  });

  it('explains the change failure rate with every deployment of the week and why each failed', async () => {
    const explained = await caller().metrics.explain({ ...WEEK, metric: 'changeFailureRate' });
    const deployments = truth.deployments.filter((d) => inWeek(d.finishedAt));
    expect(explained.rows.map((r) => r.id).sort()).toEqual(deployments.map((d) => d.id).sort());
    for (const d of deployments) {
      const row = explained.rows.find((r) => r.id === d.id)!;
      expect(row.value).toBe(d.failed ? 1 : 0);
      expect(row.cells.reasons).toBe(d.reasons.join(', '));
    }
  });

  it('rejects an unknown repository, an inverted period and an unknown preset with BAD_REQUEST and a reason', async () => {
    const rejection = async (input: unknown) => {
      const error = await caller()
        .metrics.teamHealth(input as Parameters<ReturnType<typeof caller>['metrics']['teamHealth']>[0])
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      return (error as TRPCError).message;
    };
    expect(await rejection({ ...WEEK, repos: ['acme/nope'] })).toContain('Unknown repository acme/nope');
    expect(await rejection({ from: WEEK.to, to: WEEK.from })).toContain('the period must start before it ends');
    expect(await rejection({ ...WEEK, preset: 'linearb' })).toContain('preset');
  });

  it('answers bad input over HTTP with status 400', async () => {
    const input = encodeURIComponent(JSON.stringify(superjson.serialize({ from: WEEK.to, to: WEEK.from })));
    const response = await handleTrpcRequest(new Request(`http://localhost/api/trpc/metrics.teamHealth?input=${input}`), async () =>
      testContext(database.db, {}, NOW),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { json: { message: string } } }).error.json.message).toContain('the period must start before it ends');
  });
});
