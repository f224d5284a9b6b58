import type { Metadata } from 'next';
import { getServerCaller } from '@/server/api/server-caller';
import { filtersToSearch, type SearchParams } from '@/ui/filters/dashboard-filters';
import { FilterBar } from '@/ui/dashboard/filter-bar';
import { PullRequestTable } from '@/ui/pulls/pull-request-table';
import { BadFilters, NotReady } from '../_dashboard/bad-filters';
import { dataOrReason, loadDashboard } from '../_dashboard/load-dashboard';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Pull requests' };

export default async function PullRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const load = await loadDashboard(await searchParams);
  if (load.kind !== 'ready') return <NotReady load={load} resetHref="/pulls" />;
  const result = await dataOrReason(getServerCaller().pullRequests.list(load.query));
  if (!result.ok) return <BadFilters reason={result.reason} resetHref="/pulls" />;
  const list = result.data;
  return (
    <main className="page dashboard">
      <header className="page-heading">
        <h1>Pull requests</h1>
        <p className="muted">
          Created, merged or closed from {load.shown.from} to {load.shown.to} ({load.timeZone}), or still open then. Phases follow{' '}
          {list.preset === 'devlake' ? "DevLake's definitions" : "Leadline's definitions (docs/metrics.md)"}.
        </p>
      </header>
      <FilterBar key={filtersToSearch(load.filters)} filters={load.filters} repositories={load.repositories} teams={load.teams} shown={load.shown} />
      <PullRequestTable rows={list.rows} githubUrl={load.githubUrl} fileName={`leadline-pull-requests-${load.shown.from}-to-${load.shown.to}.csv`} />
    </main>
  );
}
