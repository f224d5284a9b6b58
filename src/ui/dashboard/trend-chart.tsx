'use client';
/**
 * The weekly trend of one metric at a time (tabs), with the week still in progress marked. Clicking
 * a point opens the explanation of that week's number; the same links are in the table under the
 * chart for keyboards and screen readers. The line joins the weeks with straight segments: a smoothed
 * curve would draw values between two weeks (and peaks) that no week had.
 */
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MetricUnit } from '@/metrics/catalogue';
import { formatMetricValue } from '@/formatting/metric-values';
import { axisUnit, chartValue } from './chart-values';

export interface TrendSeries {
  key: string;
  label: string;
  unit: MetricUnit;
  weekly: { week: string; partial: boolean; value: number | null; n: number }[];
}

export function TrendChart({ series, search }: { series: TrendSeries[]; search: string }) {
  const [selected, setSelected] = useState(series[0]?.key ?? '');
  const router = useRouter();
  const pathname = usePathname();
  const current = series.find((s) => s.key === selected) ?? series[0];
  if (!current) return null;
  const hrefFor = (week: string) => {
    const params = new URLSearchParams(search);
    params.set('explain', current.key);
    params.set('week', week);
    return `${pathname}?${params.toString()}`;
  };
  const data = current.weekly.map((w) => ({ ...w, v: chartValue(current.unit, w.value) }));
  const partial = data.find((d) => d.partial);
  const unit = axisUnit(current.unit);

  return (
    <section className="panel trend" aria-labelledby="trend-heading">
      <div className="panel-heading">
        <h2 id="trend-heading">Weekly trend</h2>
        <div role="tablist" aria-label="Metric" className="tabs">
          {series.map((s) => (
            <button key={s.key} type="button" role="tab" aria-selected={s.key === current.key} onClick={() => setSelected(s.key)}>
              {s.label}
            </button>
          ))}
        </div>
      </div>
      <div className="chart" role="img" aria-label={`${current.label} per week`}>
        <ResponsiveContainer width="100%" height={240}>
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            onClick={(state) => {
              if (typeof state?.activeLabel === 'string') router.push(hrefFor(state.activeLabel));
            }}
            style={{ cursor: 'pointer' }}
          >
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="week" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" />
            <YAxis tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" unit={unit ? ` ${unit}` : ''} width={64} />
            {partial && (
              <ReferenceArea
                x1={partial.week}
                x2={partial.week}
                fill="var(--surface-muted)"
                label={{ value: 'in progress', fill: 'var(--text-muted)', fontSize: 11 }}
              />
            )}
            <Tooltip
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
              formatter={(_v, _n, item) => {
                const point = item.payload as (typeof data)[number];
                return [`${formatMetricValue(current.unit, point.value)} (n = ${point.n})${point.partial ? ', week in progress' : ''}`, current.label];
              }}
            />
            <Line
              type="linear"
              dataKey="v"
              stroke="var(--chart-1)"
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls
              dot={{ r: 3 }}
              activeDot={{ r: 5 }}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <details className="chart-data">
        <summary>Data and explanations per week</summary>
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col" className="num">
                  {current.label}
                </th>
                <th scope="col" className="num">
                  n
                </th>
              </tr>
            </thead>
            <tbody>
              {current.weekly.map((w) => (
                <tr key={w.week}>
                  <th scope="row">
                    <Link href={hrefFor(w.week)}>{w.week}</Link>
                    {w.partial && <span className="muted"> (in progress)</span>}
                  </th>
                  <td className="num">{formatMetricValue(current.unit, w.value)}</td>
                  <td className="num">{w.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
