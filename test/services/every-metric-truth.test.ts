/**
 * End to end, every metric against the generator's truth: the synthetic org is served by the fake
 * GitHub over real HTTP (as `npm run demo` serves it), synced by the real sync into the database
 * (PGlite, and Postgres when TEST_DATABASE_URL is set), and every catalogue metric is compared with
 * the same number worked out from the truth alone (test/support/truth-metrics.ts, which never calls
 * src/metrics; TRUTH_OF there names the truth fields behind each metric):
 *
 * - services: every metric of every week of the org, for all repositories and for each one, bots on
 *   and off, business time on and off, both presets (SWITCHES), in UTC and in America/New_York (whose
 *   DST change on 1 November 2026 is inside the data), from the metric context every service uses;
 * - tRPC (a server-side caller): `metrics.explain` of every metric in a week of each zone (the DevLake
 *   preset where it differs), and `metrics.teamHealth`'s cards over the org's whole span with their
 *   weekly points, with every switch off and with every switch on;
 * - the weekly report's JSON (the archived file a user downloads, and the DevLake preset's through
 *   the service): headlines with their previous week, four-week average and trend, and the
 *   per-repository table, in both zones (New York's week of its DST change among them), against the
 *   truth as it stood at the week's end (test/support/truth-as-of.ts), as a past week's report is.
 *
 * Every mismatch is collected with its metric, week, scope and switches; the test fails listing them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveFakeGitHub } from '@/fake-github/http-server';
import { generateOrgWithTruth, type OrgTruth } from '@/fake-github/truth';
import { METRIC_CATALOGUE, METRIC_KEYS, type MetricKey } from '@/metrics/catalogue';
import { renderJson } from '@/reports/render-json';
import type { WeeklyReport } from '@/reports/weekly-report.types';
import { createCaller } from '@/server/api/root';
import type { Database } from '@/server/db/client';
import { metricContext } from '@/server/services/metrics/metric-context';
import { metricView } from '@/server/services/metrics/metric-views';
import { ZMetricsQuery } from '@/server/services/metrics/metrics-query.types';
import { buildWeeklyReport } from '@/server/services/reports/build-weekly-report';
import { syncWithFake } from '../support/sync-harness';
import { testContext } from '../support/test-context';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';
import { truthAsOf } from '../support/truth-as-of';
import { TRUTH_OF, TruthView, type Expected } from '../support/truth-metrics';
import { ZonedCalendar, type ZonedWeek } from '../support/zoned-time';

const NOW = new Date('2026-11-23T12:00:00Z');
const WEEKS = 12;
const { org, truth } = generateOrgWithTruth({ now: NOW, weeks: WEEKS });
const ORG_START = new Date(NOW.getTime() - WEEKS * 7 * 86_400_000);

type Zone = 'UTC' | 'America/New_York';
const ZONES: Zone[] = ['UTC', 'America/New_York'];
// Wide enough for every timestamp of the org: branches started weeks before it, reviews after `now` do not exist.
const calendars = new Map(
  ZONES.map((z) => [z, new ZonedCalendar(z, new Date(ORG_START.getTime() - 120 * 86_400_000), new Date(NOW.getTime() + 14 * 86_400_000))]),
);
/** Every ISO week of the org in the zone, the one holding `now` (partial) included. */
const weeksOf = (zone: Zone) => calendars.get(zone)!.weeks(ORG_START, NOW);
/** Both zones' weeks fit in it: one load of the records serves every zone. */
const SPAN = {
  from: new Date(Math.min(...ZONES.map((z) => weeksOf(z)[0]!.from.getTime()))),
  to: new Date(Math.max(...ZONES.map((z) => weeksOf(z).at(-1)!.to.getTime()))),
};

const REPOS = org.repositories.map((r) => `${r.owner}/${r.name}`);
const DEFAULT_BRANCH = new Map(org.repositories.map((r) => [`${r.owner}/${r.name}`, r.defaultBranch]));
/** All repositories together, then each alone. */
const SCOPES: { name: string; repos: string[] }[] = [{ name: 'all', repos: REPOS }, ...REPOS.map((r) => ({ name: r, repos: [r] }))];

interface Switches {
  zone: Zone;
  preset: 'default' | 'devlake';
  includeBots: boolean;
  businessTime: boolean;
}

/**
 * Per zone: the default preset with bots and business time each on and off; the DevLake preset
 * (which differs in the PR phases and lead time only) with both off and both on. Business time must
 * change nothing in DevLake's phases (DevLake has none) and everything else as under the default.
 */
const SWITCHES: Switches[] = ZONES.flatMap((zone) => [
  ...[false, true].flatMap((includeBots) => [false, true].map((businessTime) => ({ zone, preset: 'default' as const, includeBots, businessTime }))),
  { zone, preset: 'devlake' as const, includeBots: false, businessTime: false },
  { zone, preset: 'devlake' as const, includeBots: true, businessTime: true },
]);
const DEFAULTS = { preset: 'default', includeBots: false, businessTime: false } as const;
const label = (s: Switches) => `${s.zone} ${s.preset}${s.includeBots ? ' +bots' : ''}${s.businessTime ? ' business' : ''}`;

const views = new Map<string, TruthView>();

/** The truth as of `now`, or (a past week's report) as of an earlier instant. */
const truthAt = new Map<number, OrgTruth>([[NOW.getTime(), truth]]);

function expectedFor(s: Switches, repos: readonly string[], window: { from: Date; to: Date }, asOf: Date = NOW): Record<MetricKey, Expected> {
  const key = JSON.stringify([s.zone, s.preset, s.includeBots, s.businessTime, repos, asOf]);
  let base = views.get(key);
  if (!truthAt.has(asOf.getTime())) truthAt.set(asOf.getTime(), truthAsOf(truth, asOf));
  const then = truthAt.get(asOf.getTime())!;
  if (!base) {
    base = new TruthView(then, { ...s, repos: new Set(repos), calendar: calendars.get(s.zone)!, now: asOf, defaultBranch: DEFAULT_BRANCH });
    views.set(key, base);
  }
  const view = base.at(window);
  return Object.fromEntries(METRIC_KEYS.map((key) => [key, TRUTH_OF[key].expected(view)])) as Record<MetricKey, Expected>;
}

/** A headline's comparable part: value and n (and the numerator of a rate). */
function actualOf(h: { value: number | null; n: number; numerator: number | null; kind: string }): Expected {
  return h.kind === 'rate' ? { value: h.value, n: h.n, numerator: h.numerator ?? undefined } : { value: h.value, n: h.n };
}

function differ(e: Expected, a: Expected): boolean {
  return e.value !== a.value || e.n !== a.n || (e.numerator !== undefined && e.numerator !== a.numerator);
}

function differences(
  where: string,
  expected: Record<MetricKey, Expected>,
  actual: (key: MetricKey) => Expected | undefined,
  keys: readonly MetricKey[] = METRIC_KEYS,
): string[] {
  return keys.flatMap((key) => {
    const [e, a] = [expected[key], actual(key)];
    return a !== undefined && !differ(e, a) ? [] : [`${where} ${key}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a ?? 'nothing')}`];
  });
}

/** Mismatches per metric: how many, and the first three of each (the full list would drown the report). */
function summary(mismatches: string[]): string[] {
  return METRIC_KEYS.flatMap((key) => {
    const mine = mismatches.filter((m) => m.includes(` ${key}: `));
    return mine.length ? [`${key}: ${mine.length} mismatches`, ...mine.slice(0, 3)] : [];
  });
}

const mean = (values: (number | null)[]) => {
  const known = values.filter((v): v is number => v !== null);
  return known.length ? known.reduce((a, b) => a + b, 0) / known.length : null;
};

describe('the truth behind the end-to-end comparison', () => {
  const utc = weeksOf('UTC');

  it('gives every metric values in most weeks of the org, so each comparison can fail', () => {
    const weekly = utc.map((w) => expectedFor({ zone: 'UTC', ...DEFAULTS }, REPOS, w));
    for (const key of METRIC_KEYS) {
      const withValues = weekly.filter((e) => e[key].value !== null && e[key].n > 0).length;
      expect(withValues, key).toBeGreaterThanOrEqual(key === 'incidentResolution' || key === 'recoveryTime' ? 2 : 10);
    }
  });

  it('moves numbers with each switch: bots, business time, the zone and the preset', () => {
    const all = (s: Switches, w: ZonedWeek) => expectedFor(s, REPOS, w);
    const changed = (a: Switches, b: Switches, key: MetricKey) => utc.some((w) => JSON.stringify(all(a, w)[key]) !== JSON.stringify(all(b, w)[key]));
    const base: Switches = { zone: 'UTC', ...DEFAULTS };
    expect(changed(base, { ...base, includeBots: true }, 'cycleTime')).toBe(true);
    expect(changed(base, { ...base, businessTime: true }, 'leadTime')).toBe(true);
    expect(changed(base, { ...base, preset: 'devlake' }, 'timeToFirstReview')).toBe(true);
    // New York's weeks start five hours (four after 1 November) later than UTC's.
    const ny = weeksOf('America/New_York');
    const inZone = (s: Switches, w: ZonedWeek) => JSON.stringify(expectedFor(s, REPOS, w));
    const differing = ny.filter((w, i) => inZone({ ...base, zone: 'America/New_York' }, w) !== inZone(base, utc[i]!));
    expect(differing.length).toBeGreaterThan(0);
    expect(ny.map((w) => (w.to.getTime() - w.from.getTime()) / 3_600_000)).toContain(169);
  });

  it('counts a value off by one second, or a member more, as a mismatch', () => {
    const expected = expectedFor({ zone: 'UTC', ...DEFAULTS }, REPOS, utc[9]!);
    const off = (key: MetricKey, change: Partial<Expected>) => differences('W45', expected, (k) => (k === key ? { ...expected[k], ...change } : expected[k]));
    expect(off('cycleTime', { value: expected.cycleTime.value! + 1 })).toHaveLength(1);
    expect(off('changeFailureRate', { numerator: expected.changeFailureRate.numerator! + 1 })).toHaveLength(1);
    expect(off('coverage', { n: expected.coverage.n + 1 })).toHaveLength(1);
    expect(off('cycleTime', {})).toEqual([]);
  });

  it('has a deployment failed by a hotfix and an incident: one recovery, to the next success', () => {
    const both = truth.deployments.filter((d) => d.reasons.includes('incident') && d.reasons.some((r) => r !== 'incident'));
    expect(both.length).toBeGreaterThan(0);
  });
});

describe.each(databaseKinds())('every metric against the generator truth on %s', (kind: DatabaseKind) => {
  let database: Database;
  const caller = (zone: Zone) => createCaller(testContext(database.db, { timeZone: zone }, NOW));

  beforeAll(async () => {
    const served = await serveFakeGitHub(structuredClone(org));
    try {
      database = await createTestDatabase(kind);
      const horizon = new Date(ORG_START.getTime() - 30 * 86_400_000);
      const { result } = await syncWithFake(database.db, { targets: ['org:acme'], horizon, now: NOW, apiUrl: served.apiUrl });
      expect(result.status).toBe('succeeded');
      expect(result.repositories.flatMap((r) => r.errors)).toEqual([]);
    } finally {
      await served.close();
    }
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it.each(SWITCHES.map((s) => [label(s), s] as const))('services, %s: every metric of every week, all repositories and each', async (_name, s) => {
    const settings = testContext(database.db, { timeZone: s.zone }, NOW).settings;
    const mismatches: string[] = [];
    for (const scope of SCOPES) {
      const query = ZMetricsQuery.parse({ ...SPAN, repos: scope.repos, preset: s.preset, includeBots: s.includeBots, businessTime: s.businessTime });
      const context = await metricContext(database.db, query, settings, NOW);
      for (const week of weeksOf(s.zone)) {
        const computed = context.compute(week);
        const actual = (key: MetricKey) => actualOf(metricView(key, computed, context.scope.options, context.repoNames).headline);
        mismatches.push(...differences(`${scope.name} ${week.key}`, expectedFor(s, scope.repos, week), actual));
      }
    }
    expect(summary(mismatches)).toEqual([]);
  });

  /** New York's W44 holds its DST change (Sunday 1 November, 02:00): a week of 169 hours. */
  const EXPLAINED: { zone: Zone; week: string }[] = [
    { zone: 'UTC', week: '2026-W45' },
    { zone: 'America/New_York', week: '2026-W44' },
  ];

  /** Where the DevLake preset differs from the default. */
  const DEVLAKE_METRICS: MetricKey[] = ['codingTime', 'timeToFirstReview', 'reviewTime', 'mergeTime', 'cycleTime', 'deployTime', 'leadTime'];

  it.each(EXPLAINED)('tRPC in $zone: metrics.explain of every metric in $week, and of the DevLake preset where it differs', async ({ zone, week: key }) => {
    const week = weeksOf(zone).find((w) => w.key === key)!;
    const mismatches: string[] = [];
    for (const preset of ['default', 'devlake'] as const) {
      const s = { zone, ...DEFAULTS, preset };
      const explained = new Map<MetricKey, Expected>();
      const metrics = preset === 'default' ? METRIC_KEYS : DEVLAKE_METRICS;
      for (const metric of metrics)
        explained.set(metric, actualOf((await caller(zone).metrics.explain({ from: week.from, to: week.to, preset, metric })).headline));
      mismatches.push(...differences(`${label(s)} ${key}`, expectedFor(s, REPOS, week), (k) => explained.get(k), metrics));
    }
    expect(summary(mismatches)).toEqual([]);
  });

  it.each(EXPLAINED)('tRPC in $zone: metrics.teamHealth of $week against the week before, coverage over the same repositories', async ({ zone, week: key }) => {
    const weeks = weeksOf(zone);
    const at = weeks.findIndex((w) => w.key === key);
    const week = weeks[at]!;
    // "The period of equal length that ends where the selected one starts" (docs/metrics.md): across
    // New York's DST change that is 169 hours back, an hour off the previous ISO week's Monday.
    const before = { from: new Date(2 * week.from.getTime() - week.to.getTime()), to: week.from };
    const s: Switches = { zone, ...DEFAULTS };
    const [expected, previous] = [expectedFor(s, REPOS, week), expectedFor(s, REPOS, before)];
    const health = await caller(zone).metrics.teamHealth({ from: week.from, to: week.to });
    expect(health.previousPeriod).toEqual(before);
    // Coverage: the mean of the per-repository changes over the repositories with a level at both ends.
    const levels = (w: { from: Date; to: Date }) => REPOS.map((r) => expectedFor(s, [r], w).coverage.value);
    const [now, then] = [levels(week), levels(before)];
    const changes = now.flatMap((v, i) => (v !== null && then[i] !== null ? [v - then[i]!] : []));
    const coverageChange = changes.length ? Number((changes.reduce((a, b) => a + b, 0) / changes.length).toPrecision(12)) : null;
    expect(changes.length).toBeGreaterThan(0);
    for (const card of health.cards) {
      const [value, before] = [expected[card.key].value, previous[card.key].value];
      const change = card.key === 'coverage' ? coverageChange : value !== null && before !== null ? value - before : null;
      // Lower is better for durations and failure rates, higher for frequency, success and coverage.
      const improved = change === null || change === 0 ? null : METRIC_CATALOGUE[card.key].better === 'lower' ? change < 0 : change > 0;
      expect({ key: card.key, value: card.headline.value, previous: card.previous, change: card.change, improved: card.improved }).toEqual({
        key: card.key,
        value: expected[card.key].value,
        previous: previous[card.key].value,
        change,
        improved,
      });
    }
  });

  it.each(ZONES)('tRPC in %s: metrics.teamHealth cards over the whole span and their weekly points, with all switches off and all on', async (zone) => {
    const weeks = weeksOf(zone);
    const span = { from: weeks[0]!.from, to: weeks.at(-1)!.to };
    const mismatches: string[] = [];
    const switches: Switches[] = [
      { zone, ...DEFAULTS },
      { zone, preset: 'devlake', includeBots: true, businessTime: true },
    ];
    for (const s of switches) {
      const health = await caller(zone).metrics.teamHealth({ ...span, preset: s.preset, includeBots: s.includeBots, businessTime: s.businessTime });
      const cards = new Map(health.cards.map((c) => [c.key, c]));
      const keys = [...cards.keys()];
      const headline = (key: MetricKey) => (cards.has(key) ? actualOf(cards.get(key)!.headline) : undefined);
      mismatches.push(...differences(`${label(s)} span`, expectedFor(s, REPOS, span), headline, keys));
      for (const week of weeks) {
        const expected = expectedFor(s, REPOS, week);
        // A week's deployment-frequency point is that week's count, with n the same count; points carry no numerator.
        expected.deploymentFrequency = { value: expected.deploymentFrequency.value, n: expected.deploymentFrequency.value ?? 0 };
        for (const key of keys) expected[key] = { value: expected[key].value, n: expected[key].n };
        const point = (key: MetricKey) => {
          const p = cards.get(key)!.weekly.find((w) => w.week === week.key);
          return p && { value: p.value, n: p.n };
        };
        mismatches.push(...differences(`${label(s)} ${week.key} weekly`, expected, point, keys));
      }
    }
    expect(summary(mismatches)).toEqual([]);
  });

  /** Past complete weeks: in New York, W44 holds its DST change (Sunday 1 November, 02:00). */
  const REPORTS: { zone: Zone; week: string; preset: 'default' | 'devlake' }[] = [
    { zone: 'UTC', week: '2026-W45', preset: 'default' },
    { zone: 'UTC', week: '2026-W47', preset: 'devlake' },
    { zone: 'America/New_York', week: '2026-W44', preset: 'default' },
    { zone: 'America/New_York', week: '2026-W46', preset: 'devlake' },
  ];

  it.each(REPORTS)('the weekly report JSON of $week in $zone ($preset): headlines, trends and each repository', async ({ zone, week, preset }) => {
    let json: string;
    if (preset === 'default') {
      // What a user downloads: made and archived through tRPC, read back as the JSON file.
      const { id } = await caller(zone).reports.generate({ week });
      json = (await caller(zone).reports.file({ id, format: 'json' })).text;
    } else {
      const settings = testContext(database.db, { timeZone: zone }, NOW).settings;
      json = renderJson(await buildWeeklyReport(database.db, { week, preset }, settings, NOW, 'https://github.com'));
    }
    const report = JSON.parse(json) as Omit<WeeklyReport, 'week'> & { week: { key: string; from: string; to: string } };
    const weeks = weeksOf(zone);
    const at = weeks.findIndex((w) => w.key === week);
    expect(report.week).toEqual({ key: week, from: weeks[at]!.from.toISOString(), to: weeks[at]!.to.toISOString() });
    const s = { zone, ...DEFAULTS, preset };
    const trend = weeks.slice(at - 4, at + 1);
    // As of the week's end (docs/metrics.md "Weeks and reports"): every number, not only the ages.
    const asOf = weeks[at]!.to;
    const expected = trend.map((w) => expectedFor(s, REPOS, w, asOf));
    const mismatches: string[] = [];
    for (const h of report.headlines) {
      const values = expected.map((e) => e[h.key].value);
      const e = {
        value: values[4],
        n: expected[4]![h.key].n,
        previousWeek: values[3],
        fourWeekAverage: mean(values.slice(0, 4)),
        trend: trend.map((w, i) => ({ week: w.key, value: values[i] })),
      };
      const a = { value: h.value, n: h.n, previousWeek: h.previousWeek, fourWeekAverage: h.fourWeekAverage, trend: h.trend };
      if (JSON.stringify(a) !== JSON.stringify(e)) mismatches.push(`headline ${h.key}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
    }
    expect(report.headlines.length).toBeGreaterThan(5);
    for (const r of report.repositories) {
      const [before, current] = [expectedFor(s, [r.repo], trend[3]!, asOf), expectedFor(s, [r.repo], trend[4]!, asOf)];
      for (const m of r.metrics) {
        const e = { value: current[m.key].value, n: current[m.key].n, previousWeek: before[m.key].value };
        const a = { value: m.value, n: m.n, previousWeek: m.previousWeek };
        if (JSON.stringify(a) !== JSON.stringify(e)) mismatches.push(`${r.repo} ${m.key}: expected ${JSON.stringify(e)}, got ${JSON.stringify(a)}`);
      }
    }
    expect(report.repositories.map((r) => r.repo)).toEqual([...REPOS].sort());
    expect(mismatches).toEqual([]);
  });
});
