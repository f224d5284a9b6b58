/** The latest sync runs, newest first: when, how it ended, what it cost, and the error of a failed one. */
import type { SyncPage } from '@/server/services/sync/sync-page.types';
import { formatUtc } from '@/formatting/instants';
import { formatCount, formatElapsed } from './sync-format';

type Run = SyncPage['runs'][number];

function statusText(run: Run): string {
  if (run.stale) return 'interrupted';
  if (run.status === 'succeeded') return 'succeeded';
  if (run.status === 'failed') return 'failed';
  if (run.status === 'running') return 'running';
  return run.status;
}

export function SyncRuns({ runs, staleAfterMinutes }: { runs: SyncPage['runs']; staleAfterMinutes: number }) {
  if (runs.length === 0) {
    return (
      <p className="muted">
        No sync has run yet. Sync now, or run <code>npm run leadline -- sync</code>.
      </p>
    );
  }
  const interrupted = runs.some((r) => r.stale);
  return (
    <div className="table-scroll">
      <table className="data-table sync-runs">
        <caption>
          The latest {runs.length === 1 ? 'run' : `${runs.length} runs`}, from the app or the CLI.
          {interrupted &&
            ` Interrupted: recorded as running but silent for over ${staleAfterMinutes} minutes (its process ended); its committed pages are kept and the next sync resumes after them.`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Finished</th>
            <th scope="col" className="num">
              Items written
            </th>
            <th scope="col" className="num">
              GitHub requests
            </th>
            <th scope="col" className="num">
              Rate limit left
            </th>
            <th scope="col" className="num">
              Skipped payloads
            </th>
            <th scope="col">Error</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-run-status={run.stale ? 'stale' : run.status}>
              <th scope="row">#{run.id}</th>
              <td className={`sync-run-status ${run.stale ? 'stale' : run.status}`}>{statusText(run)}</td>
              <td>{formatUtc(run.startedAt)}</td>
              <td>{run.finishedAt ? `${formatUtc(run.finishedAt)} (${formatElapsed(run.finishedAt.getTime() - run.startedAt.getTime())})` : '—'}</td>
              <td className="num">{run.items === null ? '—' : formatCount(run.items)}</td>
              <td className="num">{run.status === 'running' ? '—' : formatCount(run.requests)}</td>
              <td className="num">{run.rateLimitRemaining === null ? '—' : formatCount(run.rateLimitRemaining)}</td>
              <td className="num">{run.warnings ? formatCount(run.warnings) : '—'}</td>
              <td className="sync-error-cell">{run.error ? <span className="error-message">{run.error}</span> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
