import { describe, expect, it } from 'vitest';
import { isBot, isOtherHuman } from '@/metrics/bots';
import { distribution, quantile } from '@/metrics/percentiles';
import { businessSeconds, span } from '@/metrics/time';
import { isoWeekKey, weekFromKey, weekOf, weeksOverlapping } from '@/metrics/weeks';

const t = (s: string) => new Date(s);
const HOUR = 3600;

describe('percentiles (linear interpolation between closest ranks)', () => {
  it('interpolates like percentile_cont', () => {
    // values 10, 20, 30, 40: rank of p50 = 0.5 × 3 = 1.5 → 20 + 0.5 × (30 − 20) = 25
    // p75: rank 2.25 → 30 + 0.25 × 10 = 32.5; p90: rank 2.7 → 30 + 0.7 × 10 = 37
    expect(distribution([40, 10, 30, 20])).toEqual({ n: 4, p50: 25, p75: 32.5, p90: 37, mean: 25 });
  });
  it('takes a single value as every percentile, and leaves nulls out (never as 0)', () => {
    expect(distribution([null, 7, undefined])).toEqual({ n: 1, p50: 7, p75: 7, p90: 7, mean: 7 });
    expect(distribution([])).toEqual({ n: 0, p50: null, p75: null, p90: null, mean: null });
  });
  it('keeps outliers: one huge value moves p90, not the median', () => {
    // 1..9 and 1000: p50 rank 4.5 → 5.5; p90 rank 8.1 → 9 + 0.1 × 991 = 108.1
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 1000];
    expect(quantile(values, 0.5)).toBe(5.5);
    expect(quantile(values, 0.9)).toBeCloseTo(108.1, 10);
  });
});

describe('spans', () => {
  const calendar = { businessTime: false, timeZone: 'UTC' };
  it('is null with a missing end, and null but flagged when negative', () => {
    expect(span(t('2026-11-02T10:00:00Z'), null, calendar)).toEqual({ seconds: null, negative: false });
    expect(span(t('2026-11-02T10:00:00Z'), t('2026-11-02T09:00:00Z'), calendar)).toEqual({ seconds: null, negative: true });
    expect(span(t('2026-11-02T10:00:00Z'), t('2026-11-02T12:30:00Z'), calendar)).toEqual({ seconds: 2.5 * HOUR, negative: false });
  });
  it('counts no weekend time in business-time mode', () => {
    // Friday 2026-11-06 18:00 UTC → Monday 2026-11-09 10:00 UTC: Friday 6 h + Monday 10 h = 16 h.
    expect(businessSeconds(t('2026-11-06T18:00:00Z'), t('2026-11-09T10:00:00Z'), 'UTC')).toBe(16 * HOUR);
    // All within a weekend: 0.
    expect(businessSeconds(t('2026-11-07T09:00:00Z'), t('2026-11-08T20:00:00Z'), 'UTC')).toBe(0);
  });
  it('finds the weekend in the configured zone, not in UTC', () => {
    // Sunday 2026-11-08 23:30 UTC is Monday 00:30 in Berlin (UTC+1): from there to 01:30 Berlin is
    // 1 h of Monday. In UTC the first 30 minutes are still Sunday: 30 min.
    expect(businessSeconds(t('2026-11-08T23:30:00Z'), t('2026-11-09T00:30:00Z'), 'Europe/Berlin')).toBe(HOUR);
    expect(businessSeconds(t('2026-11-08T23:30:00Z'), t('2026-11-09T00:30:00Z'), 'UTC')).toBe(0.5 * HOUR);
  });
  it('handles a 25-hour day across the end of daylight saving time', () => {
    // Berlin leaves summer time on Sunday 2026-10-25 (03:00 → 02:00). Friday 23 Oct 00:00 (UTC+2)
    // to Tuesday 27 Oct 00:00 (UTC+1) is 97 h of which Fri 24 h + Mon 24 h = 48 h are weekdays.
    expect(businessSeconds(t('2026-10-22T22:00:00Z'), t('2026-10-26T23:00:00Z'), 'Europe/Berlin')).toBe(48 * HOUR);
  });
});

describe('ISO weeks in a time zone', () => {
  it('puts Sunday 23:30 UTC in the next week in Berlin but not in UTC', () => {
    expect(isoWeekKey(t('2026-11-08T23:30:00Z'), 'UTC')).toBe('2026-W45');
    expect(isoWeekKey(t('2026-11-08T23:30:00Z'), 'Europe/Berlin')).toBe('2026-W46');
  });
  it('starts a week on Monday 00:00 local time', () => {
    expect(weekOf(t('2026-11-11T12:00:00Z'), 'Europe/Berlin')).toEqual({ key: '2026-W46', from: t('2026-11-08T23:00:00Z'), to: t('2026-11-15T23:00:00Z') });
    expect(weekOf(t('2026-11-11T12:00:00Z'), 'America/New_York').from).toEqual(t('2026-11-09T05:00:00Z'));
  });
  it('reads week keys back, across a year boundary, and rejects impossible ones', () => {
    // ISO 2026-W53 exists (2026 starts on a Thursday): Mon 28 Dec 2026 to Mon 4 Jan 2027.
    expect(weekFromKey('2026-W53', 'UTC')).toEqual({ key: '2026-W53', from: t('2026-12-28T00:00:00Z'), to: t('2027-01-04T00:00:00Z') });
    expect(weekFromKey('2027-W53', 'UTC')).toBeNull();
    expect(weekFromKey('2026-45', 'UTC')).toBeNull();
  });
  it('lists the weeks overlapping a period', () => {
    const weeks = weeksOverlapping({ from: t('2026-11-04T00:00:00Z'), to: t('2026-11-17T00:00:00Z') }, 'UTC');
    expect(weeks.map((w) => w.key)).toEqual(['2026-W45', '2026-W46', '2026-W47']);
  });
});

describe('bots', () => {
  const options = { botLogins: ['Deploy-Robot'] };
  it('recognises Bot accounts, [bot] logins and the configured list, case-insensitively', () => {
    expect(isBot({ login: 'dependabot[bot]', type: 'Bot' }, options)).toBe(true);
    expect(isBot({ login: 'codecov[bot]', type: 'User' }, options)).toBe(true);
    expect(isBot({ login: 'deploy-robot', type: 'User' }, options)).toBe(true);
    expect(isBot({ login: 'alice', type: 'User' }, options)).toBe(false);
    expect(isBot({ login: null, type: null }, options)).toBe(false);
  });
  it('tells another human from the author and from bots', () => {
    const author = { login: 'Alice', type: 'User' };
    expect(isOtherHuman({ login: 'alice', type: 'User' }, author, options)).toBe(false);
    expect(isOtherHuman({ login: 'bob', type: 'User' }, author, options)).toBe(true);
    expect(isOtherHuman({ login: 'renovate[bot]', type: 'Bot' }, author, options)).toBe(false);
  });
});
