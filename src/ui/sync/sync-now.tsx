'use client';
/**
 * The Sync now button and the live progress of the sync it starts: the status is polled every
 * second while a sync runs, and the page's data is refreshed when it ends.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { SyncPage } from '@/server/services/sync/sync-page.types';
import { useTRPC } from '@/ui/trpc/react';

export function SyncNow({ initial }: { initial: SyncPage }) {
  const trpc = useTRPC();
  const router = useRouter();
  const start = useMutation(trpc.sync.start.mutationOptions());
  const running = start.isSuccess || initial.live?.status === 'running';
  const status = useQuery({
    ...trpc.sync.status.queryOptions(),
    initialData: initial,
    enabled: running,
    refetchInterval: (query) => (query.state.data?.live?.status === 'running' ? 1000 : false),
  });
  const live = status.data.live;
  const wasRunning = useRef(live?.status === 'running');
  useEffect(() => {
    if (wasRunning.current && live && live.status !== 'running') router.refresh();
    wasRunning.current = live?.status === 'running';
  }, [live, router]);

  const busy = start.isPending || live?.status === 'running';
  const blocked = busy ? null : status.data.cannotStart;
  return (
    <section className="panel" aria-labelledby="sync-now-heading">
      <div className="panel-heading">
        <h2 id="sync-now-heading">Sync now</h2>
        <button type="button" className="button" onClick={() => start.mutate()} disabled={busy || blocked !== null} aria-describedby="sync-now-state">
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      <div id="sync-now-state" role="status" aria-live="polite" className="sync-state">
        {blocked && (
          <p className="muted">
            {blocked} See the README, section “Use it on your repositories”.
          </p>
        )}
        {start.error && <p className="error-message">{start.error.message}</p>}
        {live && (
          <p data-sync-status={live.status}>
            {live.status === 'running' ? 'Running' : live.status === 'succeeded' ? 'Finished' : 'Failed'}: {live.pages} pages, {live.items} items
            {live.progress && (
              <>
                {' '}
                — latest {live.progress.repo} {live.progress.resource}, page {live.progress.page}, {live.progress.requests} requests
                {live.progress.rateLimitRemaining !== null && `, rate limit ${live.progress.rateLimitRemaining} left`}
              </>
            )}
            {live.error && <span className="error-message"> {live.error}</span>}
          </p>
        )}
      </div>
    </section>
  );
}
