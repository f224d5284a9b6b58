/** The archive of generated reports. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { reports } from '../schema';

export type ArchivedReportRow = typeof reports.$inferInsert;

export async function insertReport(db: Db, row: ArchivedReportRow): Promise<number> {
  const [inserted] = await db.insert(reports).values(row).returning({ id: reports.id });
  return inserted!.id;
}

export function listReports(db: Db, limit: number) {
  return db
    .select({ id: reports.id, week: reports.week, scope: reports.scope, createdAt: reports.createdAt })
    .from(reports)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(limit);
}

export async function findReport(db: Db, id: number) {
  const [row] = await db.select().from(reports).where(eq(reports.id, id));
  return row ?? null;
}

/** The newest archived report of a week and scope (scopes compare as JSON values, key order aside). */
export async function findLatestReportOf(db: Db, week: string, scope: ArchivedReportRow['scope']) {
  const [row] = await db
    .select({ id: reports.id, model: reports.model })
    .from(reports)
    .where(and(eq(reports.week, week), sql`${reports.scope} = ${JSON.stringify(scope)}::jsonb`))
    .orderBy(desc(reports.id))
    .limit(1);
  return row ?? null;
}
