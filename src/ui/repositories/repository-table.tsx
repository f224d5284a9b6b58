import { formatCount, formatUtcDate, plural } from '../format';
import { RelativeTime } from '../relative-time';
import type { RepositoryList } from './types';

type CountKey = 'openPullRequests' | 'mergedPullRequests' | 'closedPullRequests' | 'reviews' | 'workflowRuns' | 'deployments';

const PULL_REQUEST_COLUMNS: { key: CountKey; label: string }[] = [
  { key: 'openPullRequests', label: 'Open' },
  { key: 'mergedPullRequests', label: 'Merged' },
  { key: 'closedPullRequests', label: 'Closed' },
];

const OTHER_COLUMNS: { key: CountKey; label: string }[] = [
  { key: 'reviews', label: 'Reviews' },
  { key: 'workflowRuns', label: 'Workflow runs' },
  { key: 'deployments', label: 'Deployments' },
];

function Count({ value }: { value: number }) {
  return <td className={value === 0 ? 'num zero' : 'num'}>{formatCount(value)}</td>;
}

/** Every stored repository with its counts, and a totals row. */
export function RepositoryTable({ list }: { list: RepositoryList }) {
  const { repositories, totals, window, sync } = list;
  const now = window.to;
  const recent = `Merged, last ${window.days} days`;
  return (
    <>
      <h2 id="repositories-heading">Repositories</h2>
      {/* Focusable so keyboard users can scroll a table wider than the screen. */}
      <div className="table-scroll" role="region" aria-labelledby="repositories-heading" tabIndex={0}>
        <table className="data-table">
          <caption>
            Stored facts per repository. “{recent}” counts pull requests merged since{' '}
            {formatUtcDate(window.from)} (UTC).
          </caption>
          <colgroup>
            <col />
          </colgroup>
          <colgroup span={PULL_REQUEST_COLUMNS.length + 1} />
          <colgroup span={OTHER_COLUMNS.length + 1} />
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                Repository
              </th>
              <th scope="colgroup" colSpan={PULL_REQUEST_COLUMNS.length + 1} className="group">
                Pull requests
              </th>
              {OTHER_COLUMNS.map((c) => (
                <th key={c.key} scope="col" rowSpan={2} className="num">
                  {c.label}
                </th>
              ))}
              <th scope="col" rowSpan={2}>
                Last synced
              </th>
            </tr>
            <tr>
              {PULL_REQUEST_COLUMNS.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                </th>
              ))}
              <th scope="col" className="num">
                {recent}
              </th>
            </tr>
          </thead>
          <tbody>
            {repositories.map((repo) => (
              <tr key={repo.fullName}>
                <th scope="row">
                  <span className="repo-name">{repo.fullName}</span>
                  <span className="repo-meta">
                    <span className="branch" title="Default branch">
                      {repo.defaultBranch}
                    </span>
                    {repo.isPrivate && <span className="badge">private</span>}
                    {repo.isArchived && <span className="badge">archived</span>}
                  </span>
                </th>
                {PULL_REQUEST_COLUMNS.map((c) => (
                  <Count key={c.key} value={repo[c.key]} />
                ))}
                <Count value={repo.mergedInWindow} />
                {OTHER_COLUMNS.map((c) => (
                  <Count key={c.key} value={repo[c.key]} />
                ))}
                <td>{repo.lastSyncedAt ? <RelativeTime date={repo.lastSyncedAt} now={now} /> : <span className="muted">never</span>}</td>
              </tr>
            ))}
          </tbody>
          {repositories.length > 1 && (
            <tfoot>
              <tr>
                <th scope="row">All {plural(totals.repositories, 'repository', 'repositories')}</th>
                {PULL_REQUEST_COLUMNS.map((c) => (
                  <Count key={c.key} value={totals[c.key]} />
                ))}
                <Count value={totals.mergedInWindow} />
                {OTHER_COLUMNS.map((c) => (
                  <Count key={c.key} value={totals[c.key]} />
                ))}
                <td>{sync.lastSyncedAt ? <RelativeTime date={sync.lastSyncedAt} now={now} /> : <span className="muted">never</span>}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </>
  );
}
