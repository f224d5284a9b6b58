/** The renderers' small helpers: sparklines (SVG and text), file names, safe URLs, JSON. */
import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, safeUrl } from '@/reports/escape';
import { reportFileName } from '@/reports/output-formats';
import { renderJson } from '@/reports/render-json';
import { sparklineSvg } from '@/reports/sparkline-svg';
import { sparklineText } from '@/reports/sparkline-text';
import type { WeeklyReport } from '@/reports/weekly-report.types';

describe('report helpers', () => {
  it('draws an SVG sparkline of the known values, lowest at the bottom, and nothing without values', () => {
    const svg = sparklineSvg([10, null, 30, 20], { width: 100, height: 20 });
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100" height="20"/);
    // x from 2 to 98 over four slots; y from 18 (min) to 2 (max); the missing week is skipped.
    expect(svg).toContain('points="2.0,18.0 66.0,2.0 98.0,10.0"');
    expect(svg).toContain('<circle cx="98.0" cy="10.0"');
    expect(svg).not.toMatch(/script|href/i);
    expect(sparklineSvg([null, null])).toBe('');
    expect(sparklineSvg([5, 5])).toContain('points="2.0,12.0 94.0,12.0"');
  });

  it('draws a text sparkline with a dot for a week without a value', () => {
    expect(sparklineText([0, 7, null, 3.5, 7])).toBe('▁█·▅█');
    expect(sparklineText([2, 2])).toBe('▄▄');
    expect(sparklineText([null])).toBe('');
  });

  it('names files by week and scope, with nothing a file system or a header could trip on', () => {
    const report = (repos: string[], team: string | null) => ({ week: { key: '2026-W45' }, scope: { repos, team } });
    expect(reportFileName(report(['acme/api', 'acme/web'], null), 'md')).toBe('leadline-2026-W45.md');
    expect(reportFileName(report(['acme/api'], null), 'csv')).toBe('leadline-2026-W45-acme-api.csv');
    expect(reportFileName(report(['acme/api'], 'platform'), 'html')).toBe('leadline-2026-W45-team-platform.html');
    expect(reportFileName(report(['a/b'], 'x"; y'), 'json')).toBe('leadline-2026-W45-team-x___y.json');
  });

  it('keeps only http(s) links and makes them safe in Markdown parentheses and HTML attributes', () => {
    expect(safeUrl('https://github.com/acme/api/pull/1')).toBe('https://github.com/acme/api/pull/1');
    expect(safeUrl('javascript:alert(1)')).toBe('#');
    expect(safeUrl('https://x.example/a) [b](c "d')).toBe('https://x.example/a%29%20[b]%28c%20%22d');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
    expect(escapeMarkdown('*bold* _it_ `code` ~~s~~ a|b\nnext')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ a\\|b next');
  });

  it('writes JSON with ISO dates, ending in a newline', () => {
    const text = renderJson({ version: 1, generatedAt: new Date('2026-11-10T08:00:00Z') } as WeeklyReport);
    expect(text).toBe('{\n  "version": 1,\n  "generatedAt": "2026-11-10T08:00:00.000Z"\n}\n');
  });
});
