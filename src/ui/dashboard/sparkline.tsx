'use client';
/**
 * A card's weekly series at a glance: no axes, the partial week drawn hollow. Decorative (the card
 * states the number), so hidden from assistive technology and out of the tab order: recharts'
 * accessibility layer would make each sparkline a keyboard stop inside an aria-hidden box. Straight
 * segments between weeks, as in every chart: a smoothed line draws values between weeks that no week had.
 */
import { Line, LineChart } from 'recharts';
import type { MetricUnit } from '@/metrics/catalogue';
import { chartValue } from './chart-values';

export interface SparklinePoint {
  week: string;
  partial: boolean;
  value: number | null;
}

export function Sparkline({ points, unit }: { points: SparklinePoint[]; unit: MetricUnit }) {
  const data = points.map((p) => ({ week: p.week, partial: p.partial, v: chartValue(unit, p.value) }));
  if (data.every((d) => d.v === null)) return <div className="sparkline empty" aria-hidden="true" />;
  return (
    <div className="sparkline" aria-hidden="true">
      <LineChart width={120} height={32} data={data} margin={{ top: 4, right: 4, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <Line
          type="linear"
          dataKey="v"
          stroke="var(--chart-1)"
          strokeWidth={1.5}
          isAnimationActive={false}
          connectNulls
          dot={(props: { cx?: number; cy?: number; index?: number }) => {
            const point = data[props.index ?? -1];
            if (!point?.partial || props.cx === undefined || props.cy === undefined) return <g key={`d${props.index}`} />;
            return <circle key={`d${props.index}`} cx={props.cx} cy={props.cy} r={2.5} fill="var(--surface)" stroke="var(--chart-1)" />;
          }}
        />
      </LineChart>
    </div>
  );
}
