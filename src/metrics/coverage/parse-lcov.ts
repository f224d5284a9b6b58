/**
 * An lcov tracefile (`lcov.info`): one record per source file, `SF:<path>` … `LF:<lines found>`,
 * `LH:<lines hit>` … `end_of_record`. Coverage = sum LH / sum LF over the records. Records are
 * summed as they come: a tracefile that concatenates runs over the same files counts them twice
 * (merge them with `lcov -a` first).
 */
import { clean } from './percent';
import { failed, parsed, type CoverageParseResult } from './report';

export function parseLcov(text: string): CoverageParseResult {
  let found = 0;
  let hit = 0;
  let summaries = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const match = /^(LF|LH):(\d+)$/.exec(line);
    if (!match) continue;
    if (match[1] === 'LF') {
      found += Number(match[2]);
      summaries += 1;
    } else hit += Number(match[2]);
  }
  if (summaries === 0) return failed('lcov.info has no LF: lines (not a tracefile, or one without line summaries)');
  if (found === 0) return failed('lcov.info counts no lines (sum of LF is 0)');
  if (hit > found) return failed(`lcov.info hits more lines than it found (LH ${hit} > LF ${found})`);
  return parsed({ linesCovered: hit, linesTotal: found, pct: clean((100 * hit) / found) });
}
