import { formatCount, plural } from '../format';
import { RelativeTime } from '../relative-time';
import type { RepositoryList } from './types';

/** One or two sentences: what is stored, and how fresh it is. */
export function SyncStatus({ list }: { list: RepositoryList }) {
  const { totals, sync, window } = list;
  const now = window.to;
  const run = sync.latestRun;
  return (
    <p className="lede">
      {totals.repositories > 0 && (
        <>
          {plural(totals.repositories, 'repository', 'repositories')} with{' '}
          {plural(totals.openPullRequests + totals.mergedPullRequests + totals.closedPullRequests, 'pull request', 'pull requests')}{' '}
          ({formatCount(totals.mergedInWindow)} merged in the last {window.days} days), {plural(totals.reviews, 'review', 'reviews')},{' '}
          {plural(totals.workflowRuns, 'workflow run', 'workflow runs')} and{' '}
          {plural(totals.deployments, 'deployment', 'deployments')} stored.{' '}
        </>
      )}
      {sync.lastSyncedAt ? (
        <>
          Last synced <RelativeTime date={sync.lastSyncedAt} now={now} />.
        </>
      ) : (
        totals.repositories > 0 && <>Not synced from GitHub yet.</>
      )}
      {run?.status === 'running' && (
        <>
          {' '}
          A sync is running (started <RelativeTime date={run.startedAt} now={now} />).
        </>
      )}
      {run?.status === 'failed' && (
        <>
          {' '}
          <span className="warning">
            The latest sync, started <RelativeTime date={run.startedAt} now={now} />, failed
          </span>
          ; see <code>npm run leadline -- status</code>.
        </>
      )}
    </p>
  );
}
