import { comments, users } from '../schema';
import { upsert, type Tx } from './upsert';

export interface CommentRows {
  users: (typeof users.$inferInsert)[];
  comments: (typeof comments.$inferInsert)[];
}

export async function writeComments(tx: Tx, rows: CommentRows): Promise<void> {
  await upsert(tx, users, rows.users, { key: [users.id] });
  await upsert(tx, comments, rows.comments, { key: [comments.id] });
}
