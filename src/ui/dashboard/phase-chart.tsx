'use client';
/** Where cycle time goes: the median of each phase per week, stacked (medians do not add up to the cycle median, so the stack is labelled as phases, not as cycle time). */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDuration } from '@/formatting/metric-values';

export interface PhaseWeek {
  week: string;
  partial: boolean;
  coding: number | null;
  pickup: number | null;
  review: number | null;
  merge: number | null;
}

const PHASES = [
  { key: 'coding', label: 'Coding', color: 'var(--chart-1)' },
  { key: 'pickup', label: 'Pickup', color: 'var(--chart-2)' },
  { key: 'review', label: 'Review', color: 'var(--chart-3)' },
  { key: 'merge', label: 'Merge', color: 'var(--chart-4)' },
] as const;

const hours = (s: number | null) => (s === null ? 0 : Math.round((s / 3600) * 100) / 100);

export function PhaseChart({ weeks }: { weeks: PhaseWeek[] }) {
  const data = weeks.map((w) => ({
    week: w.partial ? `${w.week} (in progress)` : w.week,
    raw: w,
    coding: hours(w.coding),
    pickup: hours(w.pickup),
    review: hours(w.review),
    merge: hours(w.merge),
  }));
  return (
    <div className="chart" role="img" aria-label="Median hours per phase of cycle time, per week">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="week" tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" />
          <YAxis tick={{ fill: 'var(--text-muted)', fontSize: 12 }} stroke="var(--border)" unit=" h" width={64} />
          <Tooltip
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
            formatter={(_v, name, item) => {
              const phase = PHASES.find((p) => p.label === name);
              const raw = (item.payload as (typeof data)[number]).raw;
              return [phase ? formatDuration(raw[phase.key]) : '', name];
            }}
          />
          <Legend />
          {PHASES.map((p) => (
            <Bar key={p.key} dataKey={p.key} name={p.label} stackId="phases" fill={p.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
