/**
 * Incident issues: the repository's labels are read (conditionally), those matching the incident
 * pattern picked, and each one's issues fetched since the watermark (pull requests excluded).
 */
import { listRepositoryLabels, writeIncidents, writeRepositoryLabels, type IncidentRows } from '@/server/db/queries/write-incidents';
import { parseItems } from './parse-items';
import { ZIssue, ZLabel, userRow } from './rest-payloads';
import { passStart, type RepoSyncContext } from './sync-context';
import { syncRestList, timeField } from './sync-rest-list';

export async function syncIncidents(ctx: RepoSyncContext): Promise<void> {
  await syncRestList<string[]>(ctx, {
    resource: 'labels',
    route: 'GET /repos/{owner}/{repo}/labels',
    conditional: true,
    params: () => ({ per_page: 100 }),
    itemTime: () => null,
    prepare: async (items) => {
      const names = parseItems(ZLabel, items, `label in ${ctx.repo.fullName}`, ctx.logger).map((l) => l.name);
      return { rows: names, count: names.length };
    },
    write: (tx, names) => writeRepositoryLabels(tx, ctx.repo.id, names),
  });

  const labels = await listRepositoryLabels(ctx.db, ctx.repo.id);
  for (const name of labels.filter((label) => ctx.incidentLabel.test(label))) {
    await syncRestList<IncidentRows>(ctx, {
      resource: `incidents:${name}`,
      route: 'GET /repos/{owner}/{repo}/issues',
      conditional: true,
      params: (state) => ({
        labels: name,
        state: 'all',
        sort: 'updated',
        direction: 'asc',
        since: passStart(ctx, state?.watermark).toISOString(),
        per_page: 100,
      }),
      itemTime: timeField('updated_at'),
      prepare: async (items) => {
        const rows: IncidentRows = { users: [], incidents: [] };
        for (const issue of parseItems(ZIssue, items, `issue in ${ctx.repo.fullName}`, ctx.logger)) {
          if (issue.pull_request !== undefined) continue;
          const author = userRow(issue.user);
          if (author) rows.users.push(author);
          rows.incidents.push({
            id: issue.id,
            repoId: ctx.repo.id,
            number: issue.number,
            title: issue.title,
            state: issue.state,
            labels: issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
            authorId: author?.id ?? null,
            createdAt: issue.created_at,
            updatedAt: issue.updated_at,
            closedAt: issue.closed_at,
          });
        }
        return { rows, count: rows.incidents.length };
      },
      write: writeIncidents,
    });
  }
}
