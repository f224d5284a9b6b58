'use client';
/**
 * The selection: period, repositories, team, author, bots, business time, preset. Every change is a
 * navigation to the same page with the new filters in the URL (so the view can be bookmarked and
 * the back button undoes it); the server renders the numbers.
 */
import { usePathname, useRouter } from 'next/navigation';
import { useState, useTransition, type FormEvent } from 'react';
import { filtersToSearch, PERIOD_PRESETS, withFilters, type DashboardFilters } from '@/ui/filters/dashboard-filters';

const PERIOD_LABELS: Record<(typeof PERIOD_PRESETS)[number], string> = {
  '1w': 'Last week',
  '4w': 'Last 4 weeks',
  '12w': 'Last 12 weeks',
  '26w': 'Last 26 weeks',
  '52w': 'Last 52 weeks',
};

export interface FilterBarProps {
  filters: DashboardFilters;
  /** Every stored repository, `owner/name`. */
  repositories: string[];
  /** Configured or synced team slugs. */
  teams: string[];
  /** The period shown, as local dates `YYYY-MM-DD` (to inclusive), for the custom range inputs. */
  shown: { from: string; to: string };
  /** A page about one repository has no repository choice. */
  fixedRepo?: boolean;
}

export function FilterBar({ filters, repositories, teams, shown, fixedRepo = false }: FilterBarProps) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const [custom, setCustom] = useState(Boolean(filters.from));
  // The switches answer at once; the page (keyed by the filters) remounts this bar when the URL changes.
  const [bots, setBots] = useState(filters.bots === '1');
  const [business, setBusiness] = useState(filters.business === '1');
  const go = (patch: Partial<DashboardFilters>) => {
    const next = withFilters({ ...filters, explain: undefined, week: undefined }, patch);
    startTransition(() => router.push(`${pathname}${filtersToSearch(next)}`));
  };
  const selectedRepos = new Set(filters.repos ?? []);

  const applyRange = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    go({ from: String(data.get('from')), to: String(data.get('to')), period: undefined });
  };
  const applyRepos = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const chosen = new FormData(event.currentTarget).getAll('repo').map(String);
    go({ repos: chosen.length === repositories.length ? undefined : chosen });
  };
  const applyAuthor = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const author = String(new FormData(event.currentTarget).get('author') ?? '').trim();
    go({ author: author || undefined });
  };

  return (
    <section className="filter-bar" aria-label="Filters" aria-busy={pending}>
      <label className="field">
        <span>Period</span>
        <select
          value={custom ? 'custom' : (filters.period ?? '4w')}
          onChange={(e) => {
            if (e.target.value === 'custom') setCustom(true);
            else {
              setCustom(false);
              go({ period: e.target.value as DashboardFilters['period'] });
            }
          }}
        >
          {PERIOD_PRESETS.map((p) => (
            <option key={p} value={p}>
              {PERIOD_LABELS[p]}
            </option>
          ))}
          <option value="custom">Custom range…</option>
        </select>
      </label>
      {custom && (
        <form className="field-group" onSubmit={applyRange} aria-label="Custom range">
          <label className="field">
            <span>From</span>
            <input type="date" name="from" defaultValue={filters.from ?? shown.from} required />
          </label>
          <label className="field">
            <span>To</span>
            <input type="date" name="to" defaultValue={filters.to ?? shown.to} required />
          </label>
          <button type="submit" className="button">
            Apply
          </button>
        </form>
      )}

      {!fixedRepo && (
        <details className="field popover">
          <summary>Repositories: {selectedRepos.size ? `${selectedRepos.size} of ${repositories.length}` : `all ${repositories.length}`}</summary>
          <form onSubmit={applyRepos} className="popover-body">
            <fieldset>
              <legend className="visually-hidden">Repositories</legend>
              {repositories.map((r) => (
                <label key={r} className="check">
                  <input type="checkbox" name="repo" value={r} defaultChecked={selectedRepos.size === 0 || selectedRepos.has(r)} />
                  {r}
                </label>
              ))}
            </fieldset>
            <button type="submit" className="button">
              Apply
            </button>
          </form>
        </details>
      )}

      {teams.length > 0 && (
        <label className="field">
          <span>Team</span>
          <select value={filters.team ?? ''} onChange={(e) => go({ team: e.target.value || undefined })}>
            <option value="">Everyone</option>
            {teams.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
      )}

      <form className="field-group" onSubmit={applyAuthor} role="search" aria-label="Author">
        <label className="field">
          <span>Author</span>
          <input name="author" defaultValue={filters.author ?? ''} placeholder="any" size={12} autoComplete="off" spellCheck={false} />
        </label>
        <button type="submit" className="button secondary">
          Set
        </button>
      </form>

      <label className="check">
        <input
          type="checkbox"
          checked={bots}
          onChange={(e) => {
            setBots(e.target.checked);
            go({ bots: e.target.checked ? '1' : undefined });
          }}
        />
        Include bot PRs
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={business}
          onChange={(e) => {
            setBusiness(e.target.checked);
            go({ business: e.target.checked ? '1' : undefined });
          }}
        />
        Business time
      </label>
      <label className="field">
        <span>Definitions</span>
        <select value={filters.preset ?? 'default'} onChange={(e) => go({ preset: e.target.value === 'devlake' ? 'devlake' : undefined })}>
          <option value="default">Leadline</option>
          <option value="devlake">DevLake</option>
        </select>
      </label>
      {pending && (
        <span className="muted" role="status">
          Updating…
        </span>
      )}
    </section>
  );
}
