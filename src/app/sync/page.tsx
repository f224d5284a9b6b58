import type { Metadata } from 'next';
import { getServerCaller } from '@/server/api/server-caller';
import { formatUtc } from '@/ui/format';
import { SyncNow } from '@/ui/sync/sync-now';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sync' };

export default async function SyncPage() {
  const status = await getServerCaller().sync.status();
  const run = status.lastRun;
  return (
    <main className="page dashboard">
      <header className="page-heading">
        <h1>Sync</h1>
        <p className="muted">
          GitHub at {status.github.apiHost}, {status.github.auth === 'none' ? 'no credentials configured' : `authenticated with a ${status.github.auth === 'app' ? 'GitHub App' : 'token'}`}
          {status.configuredTargets.length > 0 && <> · repositories: {status.configuredTargets.join(', ')}</>}
        </p>
      </header>
      <SyncNow initial={status} />
      <section className="panel" aria-labelledby="last-run-heading">
        <h2 id="last-run-heading">Latest run</h2>
        {run ? (
          <dl className="explain-facts">
            <dt>Status</dt>
            <dd data-last-run={run.status}>{run.status}</dd>
            <dt>Started</dt>
            <dd>{formatUtc(run.startedAt)}</dd>
            <dt>Finished</dt>
            <dd>{run.finishedAt ? formatUtc(run.finishedAt) : '—'}</dd>
            <dt>GitHub requests</dt>
            <dd>{run.requests}</dd>
            <dt>Rate limit left</dt>
            <dd>{run.rateLimitRemaining ?? 'unknown'}</dd>
            <dt>Skipped payloads</dt>
            <dd>{run.warnings}</dd>
            {run.error && (
              <>
                <dt>Error</dt>
                <dd className="error-message">{run.error}</dd>
              </>
            )}
          </dl>
        ) : (
          <p className="muted">Nothing has been synced yet.</p>
        )}
      </section>
      <section className="panel" aria-labelledby="repos-sync-heading">
        <h2 id="repos-sync-heading">Repositories</h2>
        {status.repositories.length === 0 ? (
          <p className="muted">No repository is stored yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Repository</th>
                  <th scope="col">Complete up to</th>
                  <th scope="col">Half-way (resumes)</th>
                  <th scope="col">Errors of the last pass</th>
                </tr>
              </thead>
              <tbody>
                {status.repositories.map((r) => (
                  <tr key={r.fullName}>
                    <th scope="row">{r.fullName}</th>
                    <td>{r.lastCompletedAt ? formatUtc(r.lastCompletedAt) : 'not complete yet'}</td>
                    <td>{r.resumable.join(', ') || '—'}</td>
                    <td>{r.errors.map((e) => `${e.resource}: ${e.error}`).join('; ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}
