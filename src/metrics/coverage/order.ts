/**
 * Default-branch commits in the order they landed: by `committedAt`; commits with the same second
 * (a rebase-merge lands several at once) parents first, when the parents are known; otherwise in
 * the order given (the loader's: committedAt, then sha).
 */
import type { CommitRecord } from '../records';

type Ordered = Pick<CommitRecord, 'sha' | 'committedAt' | 'parentShas'>;

function parentsFirst<C extends Ordered>(group: C[]): C[] {
  if (group.length < 2) return group;
  const inGroup = new Set(group.map((c) => c.sha));
  const placed = new Set<string>();
  const pending = [...group];
  const result: C[] = [];
  while (pending.length > 0) {
    const ready = pending.findIndex((c) => !(c.parentShas ?? []).some((p) => p !== c.sha && inGroup.has(p) && !placed.has(p)));
    const [next] = pending.splice(ready === -1 ? 0 : ready, 1) as [C];
    result.push(next);
    placed.add(next.sha);
  }
  return result;
}

export function chronological<C extends Ordered>(commits: readonly C[]): C[] {
  const sorted = commits.map((commit, index) => ({ commit, index })).sort((a, b) => a.commit.committedAt.getTime() - b.commit.committedAt.getTime() || a.index - b.index);
  const result: C[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.commit.committedAt.getTime() === sorted[i]!.commit.committedAt.getTime()) j += 1;
    result.push(...parentsFirst(sorted.slice(i, j).map((s) => s.commit)));
    i = j;
  }
  return result;
}
