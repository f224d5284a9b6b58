'use client';
/** A repository's coverage level at the end of each week (the last covered commit's). */
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatPercent } from '@/formatting/metric-values';

export function CoverageChart({ weekly }: { weekly: { week: string; partial: boolean; value: number | null }[] }) {
  if (weekly.every((w) => w.value === null)) return <p className="muted">No coverage reported on the default branch.</p>;
  return (
    <div className="chart" role="img" aria-label="Coverage per week">
      <ResponsiveContainer width="100%" height={200}>
        <LineChart
          data={weekly.map((w) => ({ ...w, label: w.partial ? `${w.week} (in progress)` : w.week }))}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" />
          <YAxis domain={['auto', 'auto']} unit=" %" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" width={64} />
          <Tooltip
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
            formatter={(v) => [formatPercent(typeof v === 'number' ? v : null), 'coverage']}
          />
          <Line type="stepAfter" dataKey="value" stroke="var(--chart-3)" strokeWidth={2} isAnimationActive={false} connectNulls dot={{ r: 3 }} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
