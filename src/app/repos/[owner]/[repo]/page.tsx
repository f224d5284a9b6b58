import type { Metadata } from 'next';
import { getServerCaller } from '@/server/api/server-caller';
import { explainPeriodOf, filtersToSearch, withFilters, type SearchParams } from '@/ui/filters/dashboard-filters';
import { formatUtc } from '@/formatting/instants';
import { ExplainPanel } from '@/ui/dashboard/explain-panel';
import { FilterBar } from '@/ui/dashboard/filter-bar';
import { MetricCard } from '@/ui/dashboard/metric-card';
import { PeriodHeading } from '@/ui/dashboard/period-heading';
import { TrendChart } from '@/ui/dashboard/trend-chart';
import { formatPercent } from '@/formatting/metric-values';
import { PullRequestTable } from '@/ui/pulls/pull-request-table';
import { CoverageChart } from '@/ui/repository/coverage-chart';
import { DeploymentTimeline } from '@/ui/repository/deployment-timeline';
import { WorkflowTable } from '@/ui/repository/workflow-table';
import { BadFilters, NotReady } from '../../../_dashboard/bad-filters';
import { dataOrReason, loadDashboard } from '../../../_dashboard/load-dashboard';

export const dynamic = 'force-dynamic';

type Params = Promise<{ owner: string; repo: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { owner, repo } = await params;
  return { title: `${owner}/${repo}` };
}

export default async function RepositoryPage({ params, searchParams }: { params: Params; searchParams: Promise<SearchParams> }) {
  const { owner, repo } = await params;
  const fullName = `${decodeURIComponent(owner)}/${decodeURIComponent(repo)}`;
  const path = `/repos/${fullName}`;
  const load = await loadDashboard(await searchParams);
  if (load.kind !== 'ready') return <NotReady load={load} resetHref={path} />;
  const { filters, githubUrl } = load;
  const query = { ...load.query, repos: [fullName] };
  const caller = getServerCaller();
  const explainPeriod = filters.explain ? explainPeriodOf(filters, load.now, load.timeZone) : null;
  const result = await dataOrReason(
    Promise.all([
      caller.metrics.teamHealth(query),
      caller.metrics.repository({ ...query, repo: fullName }),
      caller.pullRequests.list(query),
      filters.explain && explainPeriod ? caller.metrics.explain({ ...query, ...explainPeriod, metric: filters.explain }) : null,
    ]),
  );
  if (!result.ok) return <BadFilters reason={result.reason} resetHref="/" />;
  const [health, detail, pulls, explanation] = result.data;
  const base = withFilters(filters, { explain: undefined, repos: undefined });
  const hrefFor = (key: (typeof health.cards)[number]['key']) => `${path}${filtersToSearch(withFilters(base, { explain: key }))}`;
  const failures = detail.deployments.filter((d) => d.failed).length;

  return (
    <main className="page dashboard">
      <PeriodHeading title={detail.repo} health={health} timeZone={load.timeZone} />
      <p className="muted small">
        <a href={`${githubUrl}/${detail.repo}`} target="_blank" rel="noreferrer noopener">
          On GitHub
        </a>{' '}
        · default branch <span className="branch">{detail.defaultBranch}</span> · deployments: {detail.detection.reason}
      </p>
      <FilterBar key={filtersToSearch(base)} filters={base} repositories={load.repositories} teams={load.teams} shown={load.shown} fixedRepo />

      <section aria-label="Headline metrics" className="cards">
        {health.cards.map((card) => (
          <MetricCard key={card.key} card={card} href={hrefFor(card.key)} active={filters.explain === card.key} />
        ))}
      </section>
      {explanation && <ExplainPanel explanation={explanation} closeHref={`${path}${filtersToSearch(base)}`} week={filters.week} githubUrl={githubUrl} />}

      <section className="panel" aria-labelledby="deployments-heading">
        <h2 id="deployments-heading">
          Deployments{' '}
          <span className="muted small">
            {detail.deployments.length} in the period, {failures} change failures
          </span>
        </h2>
        <DeploymentTimeline deployments={detail.deployments} period={health.period} />
        <details>
          <summary className="muted small">Every deployment</summary>
          <div className="table-scroll">
            <table className="data-table" data-deployments={detail.deployments.length}>
              <thead>
                <tr>
                  <th scope="col">Deployment</th>
                  <th scope="col">Finished</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Change failure</th>
                  <th scope="col">Recovered</th>
                  <th scope="col">Shipped</th>
                </tr>
              </thead>
              <tbody>
                {detail.deployments.map((d) => (
                  <tr key={d.id} data-deployment={d.id}>
                    <th scope="row">{d.label}</th>
                    <td>{d.finishedAt ? formatUtc(d.finishedAt) : 'pending'}</td>
                    <td>{d.outcome}</td>
                    <td>{d.failed ? d.reasons.join(', ') : 'no'}</td>
                    <td>{d.recoveredAt ? formatUtc(d.recoveredAt) : d.failed ? 'not yet' : ''}</td>
                    <td>{d.shipped.map((n) => `#${n}`).join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>

      <div className="two-columns">
        <section className="panel" aria-labelledby="ci-heading">
          <h2 id="ci-heading">CI health per workflow</h2>
          <WorkflowTable workflows={detail.workflows} githubUrl={githubUrl} repo={detail.repo} />
        </section>
        <section className="panel" aria-labelledby="coverage-heading">
          <h2 id="coverage-heading">
            Coverage <span className="muted small">{formatPercent(detail.coverage.latest)}</span>
          </h2>
          <CoverageChart weekly={detail.coverage.weekly} />
        </section>
      </div>

      <TrendChart series={health.cards.map((c) => ({ key: c.key, label: c.label, unit: c.unit, weekly: c.weekly }))} search={filtersToSearch(base).slice(1)} />

      <PullRequestTable
        rows={pulls.rows}
        githubUrl={githubUrl}
        fileName={`leadline-${detail.repo.replace('/', '-')}-pull-requests-${load.shown.from}-to-${load.shown.to}.csv`}
      />
    </main>
  );
}
