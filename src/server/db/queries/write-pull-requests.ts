/**
 * Writes a page of pull requests with everything nested in them. A PR's child sets (labels, commits,
 * reviews, timeline events) are replaced whole: a label removed or a commit force-pushed away on
 * GitHub disappears here too, and re-writing the same page changes nothing.
 */
import { inArray } from 'drizzle-orm';
import { commits, pullRequestCommits, pullRequestEvents, pullRequestLabels, pullRequests, reviews, users } from '../schema';
import { upsert, type Tx } from './upsert';

export type UserRow = typeof users.$inferInsert;
export type CommitRow = typeof commits.$inferInsert;

/** One pull request with everything nested in it, as the GraphQL mapper produces it. */
export interface PullRequestRows {
  users: UserRow[];
  pullRequest: typeof pullRequests.$inferInsert;
  labels: (typeof pullRequestLabels.$inferInsert)[];
  commits: CommitRow[];
  pullRequestCommits: (typeof pullRequestCommits.$inferInsert)[];
  reviews: (typeof reviews.$inferInsert)[];
  events: (typeof pullRequestEvents.$inferInsert)[];
}

export async function writePullRequests(tx: Tx, rows: PullRequestRows[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = rows.map((r) => r.pullRequest.id);
  await upsert(
    tx,
    users,
    rows.flatMap((r) => r.users),
    { key: [users.id] },
  );
  await upsert(
    tx,
    pullRequests,
    rows.map((r) => r.pullRequest),
    { key: [pullRequests.id] },
  );
  // A commit's content never changes; its default-branch flag belongs to the history sync.
  await upsert(
    tx,
    commits,
    rows.flatMap((r) => r.commits),
    { key: [commits.repoId, commits.sha], update: [] },
  );

  await tx.delete(pullRequestLabels).where(inArray(pullRequestLabels.pullRequestId, ids));
  await tx.delete(pullRequestCommits).where(inArray(pullRequestCommits.pullRequestId, ids));
  await tx.delete(reviews).where(inArray(reviews.pullRequestId, ids));
  await tx.delete(pullRequestEvents).where(inArray(pullRequestEvents.pullRequestId, ids));
  await upsert(
    tx,
    pullRequestLabels,
    rows.flatMap((r) => r.labels),
    { key: [pullRequestLabels.pullRequestId, pullRequestLabels.name], update: [] },
  );
  await upsert(
    tx,
    pullRequestCommits,
    rows.flatMap((r) => r.pullRequestCommits),
    { key: [pullRequestCommits.pullRequestId, pullRequestCommits.sha], update: [] },
  );
  await upsert(
    tx,
    reviews,
    rows.flatMap((r) => r.reviews),
    { key: [reviews.id] },
  );
  await upsert(
    tx,
    pullRequestEvents,
    rows.flatMap((r) => r.events),
    { key: [pullRequestEvents.nodeId] },
  );
}
