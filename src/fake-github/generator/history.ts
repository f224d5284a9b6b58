/**
 * The default branch, built by replaying merges and the odd direct push in time order. Each merged
 * PR adds exactly one commit whose sha is the PR's mergeCommitSha and whose committedAt is its
 * mergedAt: a merge commit (parents: previous head, PR head) or a squash commit (previous head only),
 * per repository. The list is first-parent history: a merge commit's second parent is the PR's head
 * commit, found in the PR's own commits. The chain ends in an "Initial commit" from when the
 * repository was created, so every parent resolves.
 */
import type { FakeCommit } from '../model';
import { Clock, DAY } from './clock';
import type { RepoContext } from './context';
import { type MaterializedPr, commitOf } from './materialize-pr';

export interface MainCommit {
  commit: FakeCommit;
  at: number;
  /** The PR this commit merged; null for direct pushes and the initial commit. */
  merged: MaterializedPr | null;
  /** A direct push that fixes a broken build: ci.ts makes the runs just before it fail. */
  fixesRed: boolean;
}

interface DirectPush {
  at: number;
  message: string;
  authorLogin: string | null;
  fixesRed: boolean;
}

const CHORES = ['Update README', 'Update CODEOWNERS', 'Fix typo in CONTRIBUTING.md', 'Tidy .gitignore', 'Bump version'];

/** Admins push straight to the default branch now and then, bypassing PRs. */
function directPushes(ctx: RepoContext): DirectPush[] {
  const rng = ctx.fork('direct-pushes');
  const clock = new Clock(rng);
  const pushes: DirectPush[] = [];
  for (let k = Math.max(1, Math.round(ctx.weeks / 4)); k > 0; k--) {
    const at = clock.moment(ctx.start, ctx.now);
    pushes.push({ at, message: rng.pick(CHORES), authorLogin: rng.pick(ctx.people.engineers).login, fixesRed: false });
  }
  if (ctx.profile.name === 'api') {
    // The fix for a red stretch on main (see ci.ts).
    const from = ctx.start + (ctx.now - ctx.start) * 0.56;
    pushes.push({
      at: clock.moment(from, Math.min(ctx.now, from + 2 * DAY), 0),
      message: 'Fix failing OrdersService spec on main',
      authorLogin: 'alice-chen',
      fixesRed: true,
    });
  }
  return pushes;
}

/** Oldest first. Also sets the parents of every PR commit (branched off the head of that time). */
export function buildHistory(ctx: RepoContext, prs: MaterializedPr[]): MainCommit[] {
  const { ids, profile } = ctx;
  const createdAt = ctx.now - profile.ageDays * DAY;
  const initial: MainCommit = {
    commit: commitOf(ids.sha(), 'Initial commit', createdAt, createdAt, ctx.people.engineers[0]?.login ?? null),
    at: createdAt,
    merged: null,
    fixesRed: false,
  };

  type Entry = { at: number; order: number; merged: MaterializedPr | null; push: DirectPush | null };
  const entries: Entry[] = [
    ...prs.filter((m) => m.pr.mergedAt !== null).map((m) => ({ at: (m.story.end as { at: number }).at, order: m.pr.number, merged: m, push: null })),
    ...directPushes(ctx).map((push, i) => ({ at: push.at, order: -1 - i, merged: null, push })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);

  const history: MainCommit[] = [initial];
  for (const entry of entries) {
    const head = history[history.length - 1] as MainCommit;
    let commit: FakeCommit;
    if (entry.merged) {
      const { pr } = entry.merged;
      const prHead = pr.commits[pr.commits.length - 1] as FakeCommit;
      const from = pr.headRepoFullName === null ? `${pr.authorLogin ?? 'ghost'}/${pr.headRef}` : `${ctx.owner}/${pr.headRef}`;
      commit =
        profile.mergeStyle === 'merge'
          ? commitOf(pr.mergeCommitSha as string, `Merge pull request #${pr.number} from ${from}`, entry.at, entry.at, pr.mergedByLogin)
          : commitOf(pr.mergeCommitSha as string, `${pr.title} (#${pr.number})`, entry.at, entry.at, pr.authorLogin);
      commit.parents = profile.mergeStyle === 'merge' ? [head.commit.sha, prHead.sha] : [head.commit.sha];
    } else {
      const push = entry.push as DirectPush;
      commit = commitOf(ids.sha(), push.message, push.at, push.at, push.authorLogin);
      commit.parents = [head.commit.sha];
    }
    history.push({ commit, at: entry.at, merged: entry.merged, fixesRed: entry.push?.fixesRed ?? false });
  }

  for (const m of prs) {
    const firstAuthored = m.story.commits[0]?.authoredAt ?? m.story.createdAt;
    let base = initial;
    for (let lo = 0, hi = history.length - 1; lo <= hi;) {
      const mid = (lo + hi) >> 1;
      const candidate = history[mid] as MainCommit;
      if (candidate.at <= firstAuthored) {
        base = candidate;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    m.pr.commits.forEach((c, i) => {
      c.parents = [i === 0 ? base.commit.sha : (m.pr.commits[i - 1] as FakeCommit).sha];
    });
  }
  return history;
}
