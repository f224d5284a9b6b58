/**
 * Cobertura XML (coverage.py, JaCoCo converters, .NET coverlet, PHPUnit…): the `line-rate`
 * attribute (0–1) of the root `<coverage>` element; `lines-covered` and `lines-valid` when present.
 *
 * No XML parser: only the root element's start tag is read, and the grammar up to it is regular —
 * an optional BOM, then any whitespace, XML declaration and processing instructions, comments and a
 * DOCTYPE (with an optional internal subset), then `<coverage` and its attributes. Attribute values
 * are matched as quoted strings, so a `>` inside one cannot end the tag. A numeric attribute needs no
 * entity decoding. This reads the few hundred bytes at the head of a report that may be megabytes,
 * and checks that the root really is `<coverage>` (a JaCoCo `<report>` is refused, not misread).
 */
import { clean } from './percent';
import { count, failed, parsed, type CoverageParseResult } from './report';

const PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^[>"']|"[^"]*"|'[^']*')*(?:\[[\s\S]*?\])?\s*>)/i;

export function parseCobertura(text: string): CoverageParseResult {
  let rest = text.replace(/^\uFEFF/, '');
  for (let match = PROLOG.exec(rest); match && match[0].length > 0; match = PROLOG.exec(rest)) rest = rest.slice(match[0].length);

  const root = /^<([A-Za-z_:][-\w:.]*)/.exec(rest);
  if (!root) return failed('not XML: no root element');
  if (root[1] !== 'coverage') return failed(`not Cobertura XML: the root element is <${root[1]}>, not <coverage>`);

  const attributes = new Map<string, string>();
  const attribute = /\s+([A-Za-z_:][-\w:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;
  let position = root[0].length;
  for (;;) {
    attribute.lastIndex = position;
    const a = attribute.exec(rest);
    if (!a) break;
    attributes.set(a[1]!, a[2] ?? a[3] ?? '');
    position = attribute.lastIndex;
  }
  if (!/^\s*\/?>/.test(rest.slice(position))) return failed('malformed <coverage> start tag');

  const lineRate = attributes.get('line-rate');
  if (lineRate === undefined) return failed('the <coverage> root has no line-rate attribute');
  const rate = lineRate.trim() === '' ? NaN : Number(lineRate);
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) return failed(`line-rate is not a rate between 0 and 1: "${lineRate}"`);
  return parsed({ linesCovered: count(attributes.get('lines-covered')), linesTotal: count(attributes.get('lines-valid')), pct: clean(rate * 100) });
}
