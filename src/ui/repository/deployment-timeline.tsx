'use client';
/**
 * A repository's deployments over the period: each a dot at its finish (green success, red change
 * failure, grey pending), a failure joined to its recovery. The table under it lists them all.
 */
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { RepositoryDetail } from '@/server/services/metrics/repository-detail.types';
import { formatUtc } from '@/formatting/instants';

type Deployment = RepositoryDetail['deployments'][number];

const LANES = { success: 1, failure: 2, pending: 0 } as const;

export function DeploymentTimeline({ deployments, period }: { deployments: Deployment[]; period: { from: Date; to: Date } }) {
  const point = (d: Deployment) => ({
    x: (d.finishedAt ?? d.startedAt).getTime(),
    y: d.failed ? LANES.failure : d.outcome === 'pending' ? LANES.pending : LANES.success,
    d,
  });
  const ok = deployments.filter((d) => !d.failed && d.outcome !== 'pending').map(point);
  const failed = deployments.filter((d) => d.failed).map(point);
  const pending = deployments.filter((d) => d.outcome === 'pending').map(point);
  const recoveries = deployments.filter((d) => d.failed && d.recoveredAt).map((d) => ({ x: d.recoveredAt!.getTime(), y: LANES.success, d }));
  const day = (ms: number) => new Date(ms).toISOString().slice(5, 10);
  return (
    <div className="chart" role="img" aria-label={`${deployments.length} deployments: ${failed.length} change failures`}>
      <ResponsiveContainer width="100%" height={160}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis
            type="number"
            dataKey="x"
            domain={[period.from.getTime(), period.to.getTime()]}
            tickFormatter={day}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            stroke="var(--border)"
          />
          <YAxis
            type="number"
            dataKey="y"
            domain={[-0.5, 2.5]}
            ticks={[0, 1, 2]}
            tickFormatter={(v: number) => ['pending', 'success', 'failed'][v] ?? ''}
            tick={{ fill: 'var(--text-muted)', fontSize: 12 }}
            stroke="var(--border)"
            width={64}
          />
          <ZAxis range={[40, 40]} />
          <Tooltip
            contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }}
            formatter={() => ''}
            labelFormatter={() => ''}
            content={({ payload }) => {
              const d = (payload?.[0]?.payload as { d?: Deployment } | undefined)?.d;
              if (!d) return null;
              return (
                <div className="tooltip">
                  <strong>{d.label}</strong>
                  <div>{d.finishedAt ? formatUtc(d.finishedAt) : 'pending'}</div>
                  {d.failed && <div>failed: {d.reasons.join(', ')}</div>}
                  {d.recoveredAt && <div>recovered {formatUtc(d.recoveredAt)}</div>}
                  {d.shipped.length > 0 && <div>shipped #{d.shipped.join(', #')}</div>}
                </div>
              );
            }}
          />
          <Scatter data={ok} fill="var(--good)" isAnimationActive={false} name="success" />
          <Scatter data={failed} fill="var(--bad)" isAnimationActive={false} name="failed" />
          <Scatter data={recoveries} fill="var(--surface)" stroke="var(--good)" isAnimationActive={false} name="recovered" />
          <Scatter data={pending} fill="var(--text-muted)" isAnimationActive={false} name="pending" />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
