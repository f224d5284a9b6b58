/** One stored repository's summary, looked up by `owner/name` case-insensitively, as GitHub does. */
import type { Db } from '@/server/db/client';
import { selectRepositoryCountsByName } from '@/server/db/queries/repository-summaries';
import type { RepositoryOverview } from './get-repository-overview.types';
import { summaryWindow, toRepositorySummary } from './list-repository-summaries';

/** null when no such repository is stored. */
export async function getRepositoryOverview(db: Db, options: { fullName: string; now: Date }): Promise<RepositoryOverview | null> {
  const window = summaryWindow(options.now);
  const row = await selectRepositoryCountsByName(db, options.fullName, window);
  return row ? { window, repository: toRepositorySummary(row) } : null;
}
