/**
 * The members behind a number, as a table: each column formatted by its kind, each row linked to
 * GitHub, rows that did not count in the headline marked. Also used for downloads (see members-csv).
 */
import type { MetricExplanation } from '@/server/services/metrics/metric-view.types';
import { formatUtc } from '@/formatting/instants';
import { formatDuration, formatPercent, formatRatio } from '@/formatting/metric-values';

type Column = MetricExplanation['columns'][number];
type Cell = MetricExplanation['rows'][number]['cells'][string];

export function formatCell(kind: Column['kind'], value: Cell | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (value instanceof Date) return formatUtc(value);
  switch (kind) {
    case 'duration':
      return typeof value === 'number' ? formatDuration(value) : String(value);
    case 'ratio':
      return typeof value === 'number' ? formatRatio(value) : String(value);
    case 'percent':
      return typeof value === 'number' ? formatPercent(value) : String(value);
    case 'boolean':
      return value === true ? 'yes' : value === false ? 'no' : String(value);
    default:
      return String(value);
  }
}

const NUMERIC = new Set<Column['kind']>(['number', 'duration', 'ratio', 'percent']);

export function MembersTable({ explanation, githubUrl }: { explanation: MetricExplanation; githubUrl: string }) {
  const { columns, rows } = explanation;
  if (rows.length === 0) return <p className="muted">Nothing in this period: the number has no members.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table members">
        <caption className="visually-hidden">What {explanation.label} was computed from</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={NUMERIC.has(c.kind) ? 'num' : undefined}>
                {c.label}
              </th>
            ))}
            <th scope="col">Counted</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.counted ? undefined : 'not-counted'} data-value={row.value ?? ''} data-counted={row.counted}>
              {columns.map((c, i) => {
                const text = formatCell(c.kind, row.cells[c.key]);
                const content =
                  i === 0 && row.github ? (
                    <a href={`${githubUrl}/${row.github.repo}/${row.github.path}`} target="_blank" rel="noreferrer noopener">
                      {text}
                    </a>
                  ) : (
                    text
                  );
                return (
                  <td key={c.key} className={NUMERIC.has(c.kind) ? 'num' : undefined}>
                    {content}
                  </td>
                );
              })}
              <td>{row.counted ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
