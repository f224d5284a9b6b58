import { sql } from 'drizzle-orm';
import { checkRuns, commitStatuses, commits, users } from '../schema';
import { upsert, type Tx } from './upsert';

export interface DefaultBranchRows {
  users: (typeof users.$inferInsert)[];
  commits: (typeof commits.$inferInsert)[];
  statuses: (typeof commitStatuses.$inferInsert)[];
  checkRuns: (typeof checkRuns.$inferInsert)[];
}

export async function writeDefaultBranchCommits(tx: Tx, rows: DefaultBranchRows): Promise<void> {
  // Commit authors are Users (GraphQL's GitAuthor.user); never demote an account already known as a bot.
  await upsert(tx, users, rows.users, { key: [users.id], update: [] });
  if (rows.commits.length > 0) {
    // A commit first stored from a PR is the same commit: the history adds its parents and flag.
    await tx
      .insert(commits)
      .values(rows.commits)
      .onConflictDoUpdate({
        target: [commits.repoId, commits.sha],
        set: { onDefaultBranch: sql`true`, parentShas: sql`excluded.parent_shas` },
      });
  }
  await upsert(tx, commitStatuses, rows.statuses, { key: [commitStatuses.nodeId] });
  await upsert(tx, checkRuns, rows.checkRuns, { key: [checkRuns.id] });
}
