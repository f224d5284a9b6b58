/**
 * Commit ancestry over one repository's stored default-branch history (`CommitRecord.parentShas`),
 * following every parent (first parent and merged-in parents alike). A parent missing from the
 * stored history is its edge (older than what was loaded), not an unknown; a commit whose parents
 * are null has unknown ancestry.
 */
import type { CommitRecord } from '../records';

/** sha → parent shas (null: unknown), lowercase. */
export type CommitParents = ReadonlyMap<string, readonly string[] | null>;

/** Shas compare lowercase. */
export const normalSha = (sha: string) => sha.toLowerCase();

/** The parents of one repository's commits. */
export function commitParents(commits: readonly CommitRecord[], repoId: number): Map<string, string[] | null> {
  const parents = new Map<string, string[] | null>();
  for (const c of commits) if (c.repoId === repoId) parents.set(normalSha(c.sha), c.parentShas ? c.parentShas.map(normalSha) : null);
  return parents;
}

/**
 * Which deployment first contains each commit. Deployments are taken in order; from each one's sha
 * the walk goes through all parents and stops at commits an earlier deployment already contains
 * (the compare between consecutive deployments, and a redeploy of an older commit claims nothing).
 * The deployed sha itself is claimed even when it is not in the stored history.
 */
export function firstContaining(ordered: readonly { id: string; sha: string | null }[], parents: CommitParents): Map<string, string> {
  const claimedBy = new Map<string, string>();
  for (const deployment of ordered) {
    if (!deployment.sha) continue;
    const stack = [normalSha(deployment.sha)];
    while (stack.length) {
      const sha = stack.pop()!;
      if (claimedBy.has(sha)) continue;
      claimedBy.set(sha, deployment.id);
      for (const parent of parents.get(sha) ?? []) if (!claimedBy.has(parent)) stack.push(parent);
    }
  }
  return claimedBy;
}

/**
 * Whether everything a commit contains is known: it is in the stored history and no commit it
 * reaches has unknown (null) parents. Memoised across calls through `memo`.
 */
export function ancestryKnown(sha: string | null, parents: CommitParents, memo: Map<string, boolean> = new Map()): boolean {
  if (!sha || !parents.has(normalSha(sha))) return false;
  const VISITING = 'visiting';
  const state = new Map<string, typeof VISITING>();
  const stack = [normalSha(sha)];
  while (stack.length) {
    const current = stack[stack.length - 1]!;
    if (memo.has(current)) {
      stack.pop();
      continue;
    }
    const ps = parents.get(current);
    if (ps === null || ps === undefined) {
      // undefined cannot happen for pushed commits (only those in the history are pushed).
      memo.set(current, false);
      stack.pop();
      continue;
    }
    const pending = ps.filter((p) => parents.has(p) && !memo.has(p) && state.get(p) !== VISITING);
    if (pending.length && state.get(current) !== VISITING) {
      state.set(current, VISITING);
      stack.push(...pending);
      continue;
    }
    // All parents settled (a parent still being visited would be a cycle, impossible in git: taken as known).
    memo.set(
      current,
      ps.every((p) => !parents.has(p) || memo.get(p) !== false),
    );
    stack.pop();
  }
  return memo.get(normalSha(sha)) ?? false;
}
