/**
 * How fresh each stored repository is: complete up to when, what an interrupted pass will resume,
 * the errors of its last passes, and per resource the watermark (the newest change the last
 * complete pass saw; the next asks only for what is newer) and when its passes last ran.
 */
import type { SyncPage } from '@/server/services/sync/sync-page.types';
import { formatUtc } from '@/formatting/instants';
import { resourceLabel } from './sync-format';

type Repository = SyncPage['repositories'][number];

const at = (date: Date | null, none = '—') => (date ? formatUtc(date) : none);

export function RepositoryFreshness({ repositories }: { repositories: Repository[] }) {
  if (repositories.length === 0) {
    return <p className="muted">No repository is stored yet: the first sync stores the configured ones.</p>;
  }
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Repository</th>
              <th scope="col">Complete up to</th>
              <th scope="col">Half-way (resumes)</th>
              <th scope="col">Errors of the last passes</th>
            </tr>
          </thead>
          <tbody>
            {repositories.map((r) => (
              <tr key={r.fullName}>
                <th scope="row">{r.fullName}</th>
                <td>{at(r.lastCompletedAt, 'not complete yet')}</td>
                <td>{r.resumable.map(resourceLabel).join(', ') || '—'}</td>
                <td className="sync-error-cell">
                  {r.errors.length ? <span className="error-message">{r.errors.map((e) => `${resourceLabel(e.resource)}: ${e.error}`).join('\n')}</span> : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="sync-subheading">Per resource</h3>
      {repositories.map((r) => (
        <details key={r.fullName} className="sync-resources" open={r.errors.length > 0 || r.resumable.length > 0}>
          <summary>
            {r.fullName}
            <span className="muted">
              {' '}
              · {r.resources.length} resources{r.errors.length > 0 && `, ${r.errors.length} with an error`}
              {r.resumable.length > 0 && `, ${r.resumable.length} half-way`}
            </span>
          </summary>
          <div className="table-scroll">
            <table className="data-table">
              <caption>{r.fullName}: the watermark is the newest change the last complete pass saw; the next pass asks GitHub only for what is newer.</caption>
              <thead>
                <tr>
                  <th scope="col">Resource</th>
                  <th scope="col">Watermark</th>
                  <th scope="col">Last pass started</th>
                  <th scope="col">Last completed</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {r.resources.map((s) => (
                  <tr key={s.resource}>
                    <th scope="row">{resourceLabel(s.resource)}</th>
                    <td>{at(s.watermark)}</td>
                    <td>{at(s.lastStartedAt)}</td>
                    <td>{at(s.lastCompletedAt, 'never')}</td>
                    <td className="sync-error-cell">
                      {s.lastError ? <span className="error-message">failed: {s.lastError}</span> : s.resumes ? 'half-way: resumes next sync' : 'complete'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
    </>
  );
}
