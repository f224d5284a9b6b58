/**
 * One headline: the median (or rate, or level) with its spread and count, the change against the
 * previous period coloured by whether it is better, the DORA band where one applies, and the weekly
 * sparkline. A change that leaves repositories out (coverage compares only those with a value in
 * both periods) names them under it. The whole card opens the number's explanation. `data-*`
 * attributes carry the raw values for tests and scripts.
 */
import Link from 'next/link';
import { METRIC_CATALOGUE } from '@/metrics/catalogue';
import type { MetricCard as MetricCardData } from '@/server/services/metrics/team-health.types';
import { formatChange, formatMetricValue, formatRatio } from '@/formatting/metric-values';
import type { CardAgreement } from '@/ui/agreements/card-agreement';
import { Sparkline } from './sparkline';

const BAND_LABEL = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' } as const;

export function MetricCard({
  card,
  href,
  active,
  agreement = null,
}: {
  card: MetricCardData;
  href: string;
  active: boolean;
  agreement?: CardAgreement | null;
}) {
  const { headline, unit } = card;
  const spread =
    headline.kind === 'distribution'
      ? `p75 ${formatMetricValue(unit, headline.p75)} · p90 ${formatMetricValue(unit, headline.p90)} · n ${headline.n}`
      : headline.kind === 'rate'
        ? `${headline.numerator} of ${headline.denominator}`
        : `${headline.n} ${headline.n === 1 ? 'repository' : 'repositories'}`;
  const trend = card.improved === null ? 'neutral' : card.improved ? 'better' : 'worse';
  return (
    <Link
      href={href}
      className="metric-card"
      aria-current={active ? 'true' : undefined}
      data-metric={card.key}
      data-value={headline.value ?? ''}
      data-n={headline.n}
      title={card.formula}
    >
      <span className="metric-label">{card.label}</span>
      <span className="metric-value">
        {formatMetricValue(unit, headline.value)}
        {METRIC_CATALOGUE[card.key].suffix && headline.value !== null && <span className="metric-unit">{METRIC_CATALOGUE[card.key].suffix}</span>}
      </span>
      <span className="metric-spread">{spread}</span>
      {agreement && (
        <span className="metric-agreement" data-agreement-adherence={agreement.adherence ?? ''} title={`The team's working agreement: ${agreement.label}`}>
          Target: {agreement.label.charAt(0).toLowerCase() + agreement.label.slice(1)} · kept {formatRatio(agreement.adherence)} ({agreement.met} of{' '}
          {agreement.applied})
        </span>
      )}
      <span className="metric-footer">
        <span className={`metric-change ${trend}`} title={`previous period: ${formatMetricValue(unit, card.previous)}`}>
          {card.change === null ? 'no previous data' : `${formatChange(unit, card.change)} vs previous`}
          <span className="visually-hidden">{trend === 'better' ? ' (better)' : trend === 'worse' ? ' (worse)' : ''}</span>
        </span>
        {card.band && (
          <span className={`band band-${card.band}`} title="DORA 2023 performance band">
            {BAND_LABEL[card.band]}
          </span>
        )}
      </span>
      {card.changeLeftOut.length > 0 && (
        <span className="metric-note" data-left-out={card.changeLeftOut.join(' ')}>
          Change over repositories with a value in both periods; left out: {card.changeLeftOut.join(', ')}
        </span>
      )}
      <Sparkline points={card.weekly} unit={unit} />
    </Link>
  );
}
