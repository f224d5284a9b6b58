import type { Metadata } from 'next';
import Link from 'next/link';
import { getServerCaller } from '@/server/api/server-caller';
import { explainPeriodOf, filtersToSearch, withFilters, type SearchParams } from '@/ui/filters/dashboard-filters';
import { AgreementsPanel } from '@/ui/agreements/agreements-panel';
import { cardAgreement } from '@/ui/agreements/card-agreement';
import { AttentionList } from '@/ui/dashboard/attention-list';
import { ExplainPanel } from '@/ui/dashboard/explain-panel';
import { FilterBar } from '@/ui/dashboard/filter-bar';
import { MetricCard } from '@/ui/dashboard/metric-card';
import { PhaseChart } from '@/ui/dashboard/phase-chart';
import { PeriodHeading } from '@/ui/dashboard/period-heading';
import { TrendChart } from '@/ui/dashboard/trend-chart';
import { BadFilters, NotReady } from './_dashboard/bad-filters';
import { dataOrReason, loadDashboard } from './_dashboard/load-dashboard';

// Reads the database on every request; never prerendered at build time.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Team health' };

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const load = await loadDashboard(await searchParams);
  if (load.kind !== 'ready') return <NotReady load={load} resetHref="/" />;

  const { filters, query, githubUrl } = load;
  const caller = getServerCaller();
  const explainPeriod = filters.explain ? explainPeriodOf(filters, load.now, load.timeZone) : null;
  const result = await dataOrReason(
    Promise.all([
      caller.metrics.teamHealth(query),
      caller.agreements.list({ from: query.from, to: query.to, repos: query.repos, team: query.team }),
      filters.explain && explainPeriod ? caller.metrics.explain({ ...query, ...explainPeriod, metric: filters.explain }) : null,
    ]),
  );
  if (!result.ok) return <BadFilters reason={result.reason} resetHref="/" />;
  const [health, agreements, explanation] = result.data;
  // With a team filter, the cards its agreements are about show its target and adherence.
  const teamAgreements = query.team ? agreements.teams.find((t) => t.team === query.team) : undefined;
  if (filters.week && !explainPeriod) return <BadFilters reason={`week: ${filters.week} is not a week`} resetHref="/" />;

  const base = withFilters(filters, { explain: undefined });
  const hrefFor = (key: (typeof health.cards)[number]['key']) => `/${filtersToSearch(withFilters(filters, { explain: key, week: undefined }))}`;
  const search = filtersToSearch(base).slice(1);

  return (
    <main className="page dashboard">
      <PeriodHeading title="Team health" health={health} timeZone={load.timeZone} />
      <FilterBar key={filtersToSearch(filters)} filters={filters} repositories={load.repositories} teams={load.teams} shown={load.shown} />

      <section aria-label="Headline metrics" className="cards">
        {health.cards.map((card) => (
          <MetricCard
            key={card.key}
            card={card}
            href={hrefFor(card.key)}
            active={filters.explain === card.key}
            agreement={cardAgreement(card.key, teamAgreements)}
          />
        ))}
      </section>

      {explanation && <ExplainPanel explanation={explanation} closeHref={`/${filtersToSearch(base)}`} week={filters.week} githubUrl={githubUrl} />}

      <div className="two-columns">
        <TrendChart series={health.cards.map((c) => ({ key: c.key, label: c.label, unit: c.unit, weekly: c.weekly }))} search={search} />
        <section className="panel" aria-labelledby="phases-heading">
          <div className="panel-heading">
            <h2 id="phases-heading">Where cycle time goes</h2>
            <Link href={hrefFor('cycleTime')}>Explain</Link>
          </div>
          <p className="muted small">Median of each phase per week (PRs merged that week; pickup by first review).</p>
          <PhaseChart weeks={health.phases} />
        </section>
      </div>

      <AgreementsPanel teams={agreements.teams} />

      <AttentionList attention={health.attention} githubUrl={githubUrl} />

      <section className="panel" aria-labelledby="repos-heading">
        <h2 id="repos-heading">Repositories</h2>
        <ul className="repo-list">
          {health.deploymentSources.map((d) => (
            <li key={d.repo}>
              <Link href={`/repos/${d.repo}${filtersToSearch(base)}`}>{d.repo}</Link>
              <span className="muted small"> — deployments: {d.reason}</span>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
