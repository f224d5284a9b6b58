/**
 * `leadline status`: what is stored per repository, how fresh each is, the last sync run, and (with
 * credentials configured) GitHub's current rate limit.
 */
import type { Config } from '@/config/env';
import { openDatabase } from '@/server/db/client';
import { createGitHubClient } from '@/server/github/client';
import { consoleLogger } from '@/server/logger';
import { getSyncStatus } from '@/server/services/sync/get-sync-status';
import { listRepositorySummaries } from '@/server/services/repositories/list-repository-summaries';

export async function statusCommand(config: Config, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    const where = config.databaseUrl ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
    out.write(`Database: ${where}\n`);
    const [status, summaries] = await Promise.all([getSyncStatus(database.db), listRepositorySummaries(database.db, { now: new Date() })]);
    if (status.repositories.length === 0) {
      out.write('Nothing stored yet. Run `leadline sync` (or `npm run demo` for demo data).\n');
    }
    for (const repo of status.repositories) {
      const summary = summaries.repositories.find((s) => s.fullName === repo.fullName);
      const fresh = repo.lastCompletedAt ? `synced ${repo.lastCompletedAt.toISOString()}` : 'never fully synced';
      out.write(`${repo.fullName}: ${fresh}\n`);
      if (summary) {
        out.write(
          `    ${summary.openPullRequests + summary.mergedPullRequests + summary.closedPullRequests} PRs (${summary.openPullRequests} open, ${summary.mergedPullRequests} merged, ${summary.mergedInWindow} in the last ${summaries.window.days} days), ` +
            `${summary.reviews} reviews, ${summary.workflowRuns} workflow runs, ${summary.deployments} deployments\n`,
        );
      }
      if (repo.resumable.length) out.write(`    interrupted, resumes next sync: ${repo.resumable.join(', ')}\n`);
      for (const e of repo.errors) out.write(`    last error in ${e.resource}: ${e.error}\n`);
    }
    const run = status.lastRun;
    if (run) {
      out.write(
        `Last sync: ${run.status}, started ${run.startedAt.toISOString()}${run.finishedAt ? `, finished ${run.finishedAt.toISOString()}` : ''}, ` +
          `${run.requests} requests${run.warnings ? `, ${run.warnings} skipped payloads` : ''}\n`,
      );
      if (run.error) out.write(`    ${run.error.replaceAll('\n', '\n    ')}\n`);
    }
    if (config.github.auth.kind !== 'none') {
      const github = createGitHubClient({ apiUrl: config.github.apiUrl, auth: config.github.auth, logger: consoleLogger, retries: 0 });
      try {
        const { data } = await github.octokit.request('GET /rate_limit');
        const core = data.resources.core;
        const graphql = data.resources.graphql;
        out.write(
          `GitHub rate limit: REST ${core.remaining}/${core.limit}${graphql ? `, GraphQL ${graphql.remaining}/${graphql.limit}` : ''}, resets ${new Date(core.reset * 1000).toISOString()}\n`,
        );
      } catch (error) {
        out.write(`GitHub rate limit: unavailable (${(error as Error).message})\n`);
      }
    } else {
      out.write('GitHub: no credentials configured (GITHUB_TOKEN or a GitHub App)\n');
    }
    return 0;
  } finally {
    await database.close();
  }
}
