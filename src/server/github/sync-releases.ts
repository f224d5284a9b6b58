/** Releases (newest first), down to a week before the watermark: a draft may be published later. */
import { writeReleases, type ReleaseRows } from '@/server/db/queries/write-releases';
import { parseItems } from './parse-items';
import { ZRelease, userRow } from './rest-payloads';
import { passStart, type RepoSyncContext } from './sync-context';
import { syncRestList, timeField } from './sync-rest-list';

const SETTLE_MS = 7 * 86_400_000;
const createdAt = timeField('created_at');

export function syncReleases(ctx: RepoSyncContext): Promise<void> {
  return syncRestList<ReleaseRows>(ctx, {
    resource: 'releases',
    route: 'GET /repos/{owner}/{repo}/releases',
    conditional: true,
    params: () => ({ per_page: 100 }),
    itemTime: createdAt,
    isPastEnd: (item, state) => (createdAt(item) ?? new Date(0)) < passStart(ctx, state?.watermark, SETTLE_MS),
    prepare: async (items) => {
      const rows: ReleaseRows = { users: [], releases: [] };
      for (const release of parseItems(ZRelease, items, `release in ${ctx.repo.fullName}`, ctx.logger)) {
        const author = userRow(release.author);
        if (author) rows.users.push(author);
        rows.releases.push({
          id: release.id,
          repoId: ctx.repo.id,
          tagName: release.tag_name,
          name: release.name,
          targetCommitish: release.target_commitish,
          isDraft: release.draft,
          isPrerelease: release.prerelease,
          authorId: author?.id ?? null,
          createdAt: release.created_at,
          publishedAt: release.published_at,
        });
      }
      return { rows, count: rows.releases.length };
    },
    write: writeReleases,
  });
}
