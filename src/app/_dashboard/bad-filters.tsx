import Link from 'next/link';
import { FirstRun } from '@/ui/first-run';
import type { DashboardLoad } from './load-dashboard';

/** A filter in the URL that cannot be used: the reason, and the way back. */
export function BadFilters({ reason, resetHref }: { reason: string; resetHref: string }) {
  return (
    <main className="page">
      <section className="panel error-panel" role="alert" aria-labelledby="bad-filters-heading">
        <h1 id="bad-filters-heading">These filters cannot be used</h1>
        <p className="error-message">{reason}</p>
        <p>
          <Link href={resetHref} className="button">
            Reset the filters
          </Link>
        </p>
      </section>
    </main>
  );
}

/** What a dashboard page shows instead of its numbers: the first-run page, or why its filters cannot be used. */
export function NotReady({ load, resetHref }: { load: Exclude<DashboardLoad, { kind: 'ready' }>; resetHref: string }) {
  if (load.kind === 'bad-filters') return <BadFilters reason={load.reason} resetHref={resetHref} />;
  return (
    <main className="page">
      <FirstRun />
    </main>
  );
}
