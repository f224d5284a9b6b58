/**
 * istanbul / nyc / Jest / Vitest `coverage-summary.json` (the `json-summary` reporter):
 * `{ "total": { "lines": { "total": 120, "covered": 96, "skipped": 0, "pct": 80 }, … }, "<file>": … }`.
 * The percentage is `total.lines.pct` as istanbul wrote it (rounded to two decimals); istanbul
 * writes `"Unknown"` there when there are no lines.
 */
import { count, failed, parsed, type CoverageParseResult } from './report';

export function parseIstanbulSummary(text: string): CoverageParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return failed(`coverage-summary.json is not JSON: ${(error as Error).message}`);
  }
  const lines = (data as { total?: { lines?: unknown } } | null)?.total?.lines;
  if (typeof lines !== 'object' || lines === null) return failed('coverage-summary.json has no total.lines');
  const { pct, covered, total } = lines as Record<string, unknown>;
  if (pct === 'Unknown') return failed('coverage-summary.json counts no lines (total.lines.pct is "Unknown")');
  if (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 100) return failed(`total.lines.pct is not a percentage: ${JSON.stringify(pct)}`);
  return parsed({ linesCovered: count(covered), linesTotal: count(total), pct });
}
