import type { Deployment } from '../deployment';

/** Records of a source that were looked at and not counted, grouped by why (the UI lists them). */
export interface IgnoredRecords {
  reason: string;
  count: number;
}

/** What one source yields for one repository. */
export interface SourceResult {
  deployments: Deployment[];
  ignored: IgnoredRecords[];
}

/** Counts reasons in first-seen order. */
export function tally(reasons: readonly string[]): IgnoredRecords[] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}
