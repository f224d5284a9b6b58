/** What `leadline nudge` remembers it posted: the state each item had when it was nudged. */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { nudgesSent } from '../schema';

/** Item key → the state it was nudged in, for the given items of a team. */
export async function loadNudgedStates(db: Db, team: string, itemKeys: readonly string[]): Promise<Map<string, string>> {
  if (itemKeys.length === 0) return new Map();
  const rows = await db
    .select({ itemKey: nudgesSent.itemKey, state: nudgesSent.state })
    .from(nudgesSent)
    .where(and(eq(nudgesSent.team, team), inArray(nudgesSent.itemKey, [...itemKeys])));
  return new Map(rows.map((r) => [r.itemKey, r.state]));
}

/** Remembers items as nudged in their current state (a later state change re-arms them). */
export async function recordNudges(db: Db, team: string, items: readonly { itemKey: string; state: string }[], sentAt: Date): Promise<void> {
  if (items.length === 0) return;
  await db
    .insert(nudgesSent)
    .values(items.map((i) => ({ team, itemKey: i.itemKey, state: i.state, sentAt })))
    .onConflictDoUpdate({ target: [nudgesSent.team, nudgesSent.itemKey], set: { state: sql`excluded.state`, sentAt: sql`excluded.sent_at` } });
}
