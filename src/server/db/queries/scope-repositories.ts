/** The repositories a metric query names, as the metric scope needs them. */
import { asc, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { repositories } from '../schema';

export interface ScopeRepository {
  id: number;
  fullName: string;
  defaultBranch: string;
}

/** The stored repositories whose `owner/name` is one of `lowerCaseNames` (compared case-insensitively; null: all), by name. */
export async function listScopeRepositories(db: Db, lowerCaseNames: readonly string[] | null): Promise<ScopeRepository[]> {
  const columns = { id: repositories.id, fullName: repositories.fullName, defaultBranch: repositories.defaultBranch };
  return lowerCaseNames
    ? db
        .select(columns)
        .from(repositories)
        .where(inArray(sql`lower(${repositories.fullName})`, [...lowerCaseNames]))
        .orderBy(asc(repositories.fullName))
    : db.select(columns).from(repositories).orderBy(asc(repositories.fullName));
}
