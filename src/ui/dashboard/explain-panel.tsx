/**
 * "Where does this number come from?": the number, its formula in words, the preset and period it
 * was computed under, and every member with its own value. Rendered on the server from the URL
 * (`?explain=…[&week=…]`), so an explanation can be linked to.
 */
import Link from 'next/link';
import type { MetricExplanation } from '@/server/services/metrics/metric-view.types';
import { formatUtc } from '@/formatting/instants';
import { formatMetricValue } from '@/formatting/metric-values';
import { ExplainDrawer } from './explain-drawer';
import { MembersTable } from './members-table';

function howItAddsUp(e: MetricExplanation): string {
  const h = e.headline;
  const counted = e.rows.filter((r) => r.counted).length;
  if (h.kind === 'rate') return `${h.numerator} of ${h.denominator} members are in the numerator: ${formatMetricValue(e.unit, h.value)}.`;
  if (h.kind === 'level') return `The mean of the ${counted} repositories' latest levels (rows counted "yes"): ${formatMetricValue(e.unit, h.value)}.`;
  if (e.key === 'deploymentFrequency')
    return `${e.rows.length} successful deployments over ${h.n} weeks; the median week had ${formatMetricValue(e.unit, h.value)}.`;
  return `The median of the ${counted} counted values: ${formatMetricValue(e.unit, h.value)} (p75 ${formatMetricValue(e.unit, h.p75)}, p90 ${formatMetricValue(e.unit, h.p90)}). Rows not counted have no value (a phase that has not ended, or a negative span).`;
}

export function ExplainPanel({
  explanation,
  closeHref,
  week,
  githubUrl,
}: {
  explanation: MetricExplanation;
  closeHref: string;
  week?: string;
  githubUrl: string;
}) {
  const e = explanation;
  return (
    <ExplainDrawer closeHref={closeHref} labelledBy="explain-heading">
      <section className="explain" aria-labelledby="explain-heading" data-explain={e.key}>
        <div className="panel-heading">
          <h2 id="explain-heading">
            {e.label}
            {week ? `, week ${week}` : ''}: {formatMetricValue(e.unit, e.headline.value)}
          </h2>
          <Link href={closeHref} className="button secondary" scroll={false}>
            Close
          </Link>
        </div>
        <dl className="explain-facts">
          <dt>Formula</dt>
          <dd>{e.formula}</dd>
          <dt>How it adds up</dt>
          <dd>{howItAddsUp(e)}</dd>
          <dt>Definitions</dt>
          <dd>{e.preset === 'devlake' ? "DevLake's (preset devlake)" : "Leadline's (docs/metrics.md)"}</dd>
          <dt>Period</dt>
          <dd>
            {formatUtc(e.period.from)} to {formatUtc(e.period.to)} (end excluded)
          </dd>
        </dl>
        <MembersTable explanation={e} githubUrl={githubUrl} />
      </section>
    </ExplainDrawer>
  );
}
