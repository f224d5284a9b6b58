import type { Metadata } from 'next';
import { getServerCaller } from '@/server/api/server-caller';
import { localDay } from '@/ui/filters/dashboard-filters';
import { formatUtc } from '@/formatting/instants';
import { GenerateReport } from '@/ui/reports/generate-report';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Weekly reports' };

const FORMATS = [
  { format: 'md', label: 'Markdown' },
  { format: 'html', label: 'HTML' },
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const { id } = await searchParams;
  const page = await getServerCaller().reports.page();
  const shown = id && /^\d+$/.test(id) ? page.archive.find((r) => r.id === Number(id)) : undefined;
  return (
    <main className="page dashboard">
      <header className="page-heading">
        <h1>Weekly reports</h1>
        <p className="muted">
          A week&apos;s numbers against the week before and the four before it, per repository, what needs attention and the slowest PRs, with a summary in
          words. Every report made is archived as it was. From the command line:{' '}
          <code>npm run leadline -- report --week 2026-W45 --all-formats --out reports/</code>.
        </p>
      </header>
      <section className="panel" aria-labelledby="make-heading">
        <h2 id="make-heading">Make a report</h2>
        <GenerateReport
          weeks={page.weeks.map((w) => ({
            key: w.key,
            label: `${w.key} (${localDay(w.from, page.timeZone)} to ${localDay(new Date(w.to.getTime() - 1), page.timeZone)})`,
          }))}
        />
      </section>
      {shown && (
        <section className="panel" aria-labelledby="preview-heading">
          <div className="panel-heading">
            <h2 id="preview-heading">
              Report {shown.id}: week {shown.week}
            </h2>
            <span className="field-group">
              {FORMATS.map((f) => (
                <a key={f.format} className="button secondary" href={`/api/reports/${shown.id}/${f.format}`} download>
                  {f.label}
                </a>
              ))}
            </span>
          </div>
          <iframe className="report-preview" title={`Report ${shown.id}, week ${shown.week}`} src={`/api/reports/${shown.id}/html?inline=1`} sandbox="" />
        </section>
      )}
      <section className="panel" aria-labelledby="archive-heading">
        <h2 id="archive-heading">Archive</h2>
        {page.archive.length === 0 ? (
          <p className="muted">No report made yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Week</th>
                  <th scope="col">Scope</th>
                  <th scope="col">Made</th>
                  <th scope="col">Files</th>
                </tr>
              </thead>
              <tbody>
                {page.archive.map((r) => (
                  <tr key={r.id} data-report={r.id}>
                    <th scope="row">
                      <a href={`/reports?id=${r.id}`}>{r.week}</a>
                    </th>
                    <td>{r.scope.team ? `team ${r.scope.team}` : r.scope.repos.length === 1 ? r.scope.repos[0] : `${r.scope.repos.length} repositories`}</td>
                    <td>{formatUtc(r.createdAt)}</td>
                    <td>
                      {FORMATS.map((f) => (
                        <a key={f.format} href={`/api/reports/${r.id}/${f.format}`} download style={{ marginRight: '0.75rem' }}>
                          {f.label}
                        </a>
                      ))}
                    </td>
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
