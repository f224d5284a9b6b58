/**
 * The dashboard's URL filters: read, written back, and turned into a period. Expected instants are
 * worked out by hand from the calendar (2026-11-23 is a Monday; Europe/Berlin is UTC+1 in November).
 */
import { describe, expect, it } from 'vitest';
import { filtersToSearch, metricsQueryOf, parseDashboardFilters, periodOf, withFilters, type DashboardFilters } from '@/ui/filters/dashboard-filters';

const parse = (query: string) => parseDashboardFilters(new URLSearchParams(query));
const ok = (query: string): DashboardFilters => {
  const parsed = parse(query);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.filters;
};

describe('reading the filters', () => {
  it('reads every filter', () => {
    expect(ok('period=12w&repos=acme/api,acme/web&author=alice&bots=1&business=1&preset=devlake&explain=cycleTime&week=2026-W45')).toEqual({
      period: '12w',
      repos: ['acme/api', 'acme/web'],
      author: 'alice',
      bots: '1',
      business: '1',
      preset: 'devlake',
      explain: 'cycleTime',
      week: '2026-W45',
    });
  });

  it.each([
    ['period=3x', 'period: use one of 1w, 4w, 12w, 26w, 52w'],
    ['from=2026-11-01', 'from: give both from and to, or neither'],
    ['from=2026-11-09&to=2026-11-02', 'to: from must not be after to'],
    ['from=2026-02-30&to=2026-03-02', 'from: not a calendar date'],
    ['period=4w&from=2026-11-01&to=2026-11-02', 'period: give a period or a from/to range, not both'],
    ['repos=acme', 'repos.0: use owner/name, comma-separated'],
    ['bots=yes', 'bots: use 0 or 1'],
    ['preset=linearb', 'preset: use default or devlake'],
    ['explain=everything', 'explain: not a metric'],
    ['week=2026-W45', 'week: week only goes with explain'],
  ])('rejects %s with the reason', (query, reason) => {
    expect(parse(query)).toEqual({ ok: false, reason });
  });

  it('ignores parameters it does not know', () => {
    expect(ok('utm_source=mail')).toEqual({});
  });
});

describe('writing them back', () => {
  it('leaves defaults out and keeps a stable order', () => {
    expect(filtersToSearch({})).toBe('');
    expect(filtersToSearch({ period: '4w', bots: '0', preset: 'default' })).toBe('');
    expect(filtersToSearch(ok('preset=devlake&repos=acme/api&period=12w'))).toBe('?period=12w&repos=acme%2Fapi&preset=devlake');
  });

  it('round-trips', () => {
    const filters = ok('from=2026-10-01&to=2026-10-31&repos=acme/api&team=core&bots=1&explain=leadTime&week=2026-W42');
    expect(ok(filtersToSearch(filters).slice(1))).toEqual(filters);
  });

  it('drops the range when a preset period is chosen, and the week with the explanation', () => {
    const filters = ok('from=2026-10-01&to=2026-10-31&explain=leadTime&week=2026-W42');
    expect(withFilters(filters, { period: '12w' })).toEqual({ period: '12w', explain: 'leadTime', week: '2026-W42' });
    expect(withFilters(filters, { explain: undefined })).toEqual({ from: '2026-10-01', to: '2026-10-31' });
  });
});

describe('the period', () => {
  // Wednesday 2026-11-25 10:00 UTC.
  const now = new Date('2026-11-25T10:00:00Z');

  it('is the last N complete ISO weeks, in UTC', () => {
    // The current week starts Monday 2026-11-23 00:00 UTC; four weeks before is Monday 2026-10-26.
    expect(periodOf({}, now, 'UTC')).toEqual({ from: new Date('2026-10-26T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') });
  });

  it('starts weeks at local midnight in the configured zone', () => {
    // Monday 2026-11-23 00:00 in Berlin (UTC+1) is 2026-11-22 23:00 UTC. One week before: 2026-11-15 23:00 UTC.
    expect(periodOf({ period: '1w' }, now, 'Europe/Berlin')).toEqual({ from: new Date('2026-11-15T23:00:00Z'), to: new Date('2026-11-22T23:00:00Z') });
    // Twelve weeks back from 23 Nov crosses the end of summer time (25 Oct): 31 Aug 00:00 CEST (UTC+2) = 30 Aug 22:00 UTC.
    expect(periodOf({ period: '12w' }, now, 'Europe/Berlin').from).toEqual(new Date('2026-08-30T22:00:00Z'));
  });

  it('takes a custom range as whole local days, both inclusive', () => {
    // 1 Oct 00:00 CEST = 30 Sep 22:00 UTC; the day after 31 Oct starts 1 Nov 00:00 CET = 31 Oct 23:00 UTC.
    expect(periodOf(ok('from=2026-10-01&to=2026-10-31'), now, 'Europe/Berlin')).toEqual({
      from: new Date('2026-09-30T22:00:00Z'),
      to: new Date('2026-10-31T23:00:00Z'),
    });
  });

  it('becomes a metrics query, an author winning over a team', () => {
    const period = { from: new Date('2026-10-26T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') };
    expect(metricsQueryOf(ok('author=alice&team=core&business=1'), period)).toEqual({
      ...period,
      repos: undefined,
      authors: ['alice'],
      team: undefined,
      includeBots: false,
      businessTime: true,
      preset: 'default',
    });
    expect(metricsQueryOf(ok('team=core'), period)).toMatchObject({ authors: undefined, team: 'core' });
  });
});
