/**
 * The `created` windows a capped runs query is split into: halved to the newer part, the older rest
 * following with no second left out or read twice, and refused cursors outside the API.
 */
import { describe, expect, it } from 'vitest';
import { formatWindow, newerHalf, olderRest, parseWindow, type CreatedWindow } from '@/server/github/created-window';
import { apiUrlOf } from '@/server/github/sync-rest-list';

const t = (iso: string) => new Date(iso);

describe('created windows', () => {
  it('reads back what it writes, open-ended or closed, and nothing else', () => {
    const open: CreatedWindow = { from: t('2024-01-01T00:00:00Z'), to: null };
    const closed: CreatedWindow = { from: t('2024-01-01T00:00:00Z'), to: t('2024-01-02T12:00:00Z') };
    expect(formatWindow(open)).toBe('>=2024-01-01T00:00:00Z');
    expect(formatWindow(closed)).toBe('2024-01-01T00:00:00Z..2024-01-02T12:00:00Z');
    expect(parseWindow(formatWindow(open))).toEqual(open);
    expect(parseWindow(formatWindow(closed))).toEqual(closed);
    expect(parseWindow('2024-01-01T00:00:00Z..*')).toEqual(open);
    for (const bad of ['', '>=yesterday', '2024-01-01', '2024-01-02T00:00:00Z..2024-01-01T00:00:00Z', '<2024-01-01T00:00:00Z']) {
      expect(parseWindow(bad)).toBeNull();
    }
  });

  it('writes whole seconds, as GitHub stores creation times', () => {
    expect(formatWindow({ from: t('2024-01-01T00:00:00.999Z'), to: null })).toBe('>=2024-01-01T00:00:00Z');
  });

  it('halves a closed window to its newer half, over the span that holds runs', () => {
    // 1 Jan 00:00 .. 3 Jan 00:00 is 172,800 s; newest run 2 Jan 00:00, so the span is 86,400 s and
    // its newer half starts 43,200 s (12 h) in: 1 Jan 12:00, up to the window's own end.
    const window = { from: t('2024-01-01T00:00:00Z'), to: t('2024-01-03T00:00:00Z') };
    expect(newerHalf(window, t('2024-01-02T00:00:00Z'))).toEqual({ from: t('2024-01-01T12:00:00Z'), to: window.to });
    // Without a newest run to go by, the whole window is halved: 86,400 s in.
    expect(newerHalf(window, null)).toEqual({ from: t('2024-01-02T00:00:00Z'), to: window.to });
  });

  it('keeps an open-ended window open, halving up to its newest run', () => {
    // 10:00:00 .. newest 10:00:07 is 7 s; the newer half starts ceil(7 / 2) = 4 s in.
    const half = newerHalf({ from: t('2024-01-01T10:00:00Z'), to: null }, t('2024-01-01T10:00:07Z'));
    expect(half).toEqual({ from: t('2024-01-01T10:00:04Z'), to: null });
  });

  it('cannot split a window of one second', () => {
    const second = { from: t('2024-01-01T10:00:00Z'), to: t('2024-01-01T10:00:00Z') };
    expect(newerHalf(second, t('2024-01-01T10:00:00Z'))).toBeNull();
    // Two seconds split into one each: 10:00:01 alone, then 10:00:00 as the rest.
    const two = { from: t('2024-01-01T10:00:00Z'), to: t('2024-01-01T10:00:01Z') };
    const newer = newerHalf(two, null)!;
    expect(newer).toEqual({ from: t('2024-01-01T10:00:01Z'), to: two.to });
    expect(olderRest(newer, two.from)).toEqual(second);
  });

  it('leaves the older rest from the pass start to the second before the window, or nothing', () => {
    const passFrom = t('2024-01-01T00:00:00.400Z');
    expect(olderRest({ from: t('2024-01-05T00:00:00Z'), to: null }, passFrom)).toEqual({ from: t('2024-01-01T00:00:00Z'), to: t('2024-01-04T23:59:59Z') });
    expect(olderRest({ from: t('2024-01-01T00:00:00Z'), to: t('2024-01-04T23:59:59Z') }, passFrom)).toBeNull();
  });
});

describe('cursor URLs', () => {
  it('follows a cursor inside the configured API, on github.com and on GitHub Enterprise Server', () => {
    expect(apiUrlOf('https://api.github.com/repositories/1/actions/runs?page=2', 'https://api.github.com').pathname).toBe('/repositories/1/actions/runs');
    expect(apiUrlOf('https://ghe.example.com/api/v3/repositories/1/releases?page=2', 'https://ghe.example.com/api/v3/').search).toBe('?page=2');
  });

  it.each([
    ['another host', 'https://evil.example/repositories/1/actions/runs?page=2', 'https://api.github.com'],
    ['another scheme', 'http://api.github.com/repositories/1/actions/runs?page=2', 'https://api.github.com'],
    ['another port', 'https://api.github.com:8443/repositories/1/actions/runs', 'https://api.github.com'],
    ['a path outside the API prefix', 'https://ghe.example.com/api/v3x/repositories/1', 'https://ghe.example.com/api/v3'],
    ['the host with the API prefix missing', 'https://ghe.example.com/repositories/1', 'https://ghe.example.com/api/v3'],
    ['credentials in the URL', 'https://user:pass@api.github.com/repositories/1', 'https://api.github.com'],
    ['a relative path', '/repositories/1/actions/runs?page=2', 'https://api.github.com'],
  ])('refuses a cursor with %s', (_what, cursor, apiUrl) => {
    expect(() => apiUrlOf(cursor, apiUrl)).toThrow(/refused to follow the cursor/);
  });
});
