import type { Metadata } from 'next';
import { getServerCaller } from '@/server/api/server-caller';
import { FirstRun } from '@/ui/first-run';
import { filtersToSearch, type SearchParams } from '@/ui/filters/dashboard-filters';
import { FilterBar } from '@/ui/dashboard/filter-bar';
import { PullRequestTable } from '@/ui/pulls/pull-request-table';
import { BadFilters } from '../_dashboard/bad-filters';
import { badRequestReason, loadDashboard } from '../_dashboard/load-dashboard';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Pull requests' };

export default async function PullRequestsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const load = await loadDashboard(await searchParams);
  if (load.kind === 'empty') {
    return (
      <main className="page">
        <FirstRun />
      </main>
    );
  }
  if (load.kind === 'bad-filters') return <BadFilters reason={load.reason} resetHref="/pulls" />;
  let list;
  try {
    list = await getServerCaller().pullRequests.list(load.query);
  } catch (error) {
    const reason = badRequestReason(error);
    if (reason) return <BadFilters reason={reason} resetHref="/pulls" />;
    throw error;
  }
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
