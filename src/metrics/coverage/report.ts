/** What a coverage report parser returns: line counts and the percentage, or why it could not. */

export interface LineCoverage {
  /** Covered lines; null when the format does not say (a Cobertura root without `lines-covered`). */
  linesCovered: number | null;
  /** Coverable lines; null when the format does not say. */
  linesTotal: number | null;
  /** Line coverage in percent, 0–100. */
  pct: number;
}

export type CoverageParseResult = { ok: true; coverage: LineCoverage } | { ok: false; error: string };

export const parsed = (coverage: LineCoverage): CoverageParseResult => ({ ok: true, coverage });
export const failed = (error: string): CoverageParseResult => ({ ok: false, error });

/** A non-negative integer count, or null. */
export function count(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null;
}
