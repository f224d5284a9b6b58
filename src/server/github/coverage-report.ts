/**
 * What a coverage artifact holds: a zip with one report in a format the metrics read. The first of
 * istanbul's coverage-summary.json, an lcov file, a Cobertura XML wins (that order: the summary is
 * exact, lcov and Cobertura are recomputed). The uncompressed size is capped before inflating, so a
 * zip bomb is refused, not expanded.
 */
import { unzipSync } from 'fflate';
import { parseCobertura } from '@/metrics/coverage/parse-cobertura';
import { parseIstanbulSummary } from '@/metrics/coverage/parse-istanbul';
import { parseLcov } from '@/metrics/coverage/parse-lcov';
import type { CoverageParseResult } from '@/metrics/coverage/report';

export type ReportFormat = 'istanbul' | 'lcov' | 'cobertura';

export type ReportReading = { ok: true; format: ReportFormat; pct: number } | { ok: false; reason: string };

const FORMATS: { format: ReportFormat; matches: (name: string) => boolean; parse: (text: string) => CoverageParseResult }[] = [
  { format: 'istanbul', matches: (n) => n === 'coverage-summary.json', parse: parseIstanbulSummary },
  { format: 'lcov', matches: (n) => n === 'lcov.info' || n.endsWith('.lcov'), parse: parseLcov },
  { format: 'cobertura', matches: (n) => n === 'cobertura.xml' || n === 'coverage.xml' || n.endsWith('cobertura-coverage.xml'), parse: parseCobertura },
];

export function readCoverageZip(zip: Uint8Array, maxBytes: number): ReportReading {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(zip, {
      // Only files a report can be, and only while the total stays under the cap.
      filter: (file) => {
        const base = file.name.split('/').pop() ?? '';
        if (!FORMATS.some((f) => f.matches(base))) return false;
        total += file.originalSize;
        return total <= maxBytes;
      },
    });
  } catch (error) {
    return { ok: false, reason: `not a readable zip: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (total > maxBytes) return { ok: false, reason: `its reports would inflate to more than ${maxBytes} bytes` };
  const names = Object.keys(files).sort();
  for (const { format, matches, parse } of FORMATS) {
    const name = names.find((n) => matches(n.split('/').pop() ?? ''));
    if (!name) continue;
    const result = parse(new TextDecoder().decode(files[name]));
    return result.ok ? { ok: true, format, pct: result.coverage.pct } : { ok: false, reason: `${name}: ${result.error}` };
  }
  return { ok: false, reason: 'no coverage-summary.json, lcov or Cobertura report inside' };
}
