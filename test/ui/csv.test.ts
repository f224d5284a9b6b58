import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '@/formatting/csv';

describe('CSV cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+2', "'+1+2"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
  ])('neutralises a formula: %s', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes commas, quotes and line breaks, and keeps plain text and numbers as they are', () => {
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('Fix login')).toBe('Fix login');
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2026-11-02T10:00:00Z'))).toBe('2026-11-02T10:00:00.000Z');
  });

  it('writes a header and rows, CRLF-separated', () => {
    expect(
      toCsv(
        ['repo', 'n'],
        [
          ['acme/api', 2],
          ['=1+1', null],
        ],
      ),
    ).toBe("repo,n\r\nacme/api,2\r\n'=1+1,\r\n");
  });
});
