'use client';
/**
 * The Sync now button and the live progress of a sync: `sync.progress` is polled every second while
 * this server syncs (every 5 s while another process does), and the page's data is refreshed when
 * the sync ends. Without credentials or repositories the button is disabled and says what to set.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';
import type { SyncPage, SyncProgressView } from '@/server/services/sync/sync-page.types';
import { formatUtc } from '@/formatting/instants';
import { useTRPC } from '@/ui/trpc/react';
import { formatCount, formatElapsed, resourceLabel, waitLabel } from './sync-format';

interface Props {
  cannotStart: SyncPage['cannotStart'];
  initial: SyncProgressView;
  staleAfterMinutes: number;
}

function pollEvery(state: SyncProgressView | undefined): number | false {
  if (state?.live?.status === 'running') return 1000;
  if (state?.elsewhere) return 5000;
  return false;
}

export function SyncNow({ cannotStart, initial, staleAfterMinutes }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const progressKey = trpc.sync.progress.queryKey();
  const progress = useQuery({
    ...trpc.sync.progress.queryOptions(),
    initialData: initial,
    // What the server rendered is fresh; anything cached from an earlier visit is not.
    staleTime: 0,
    refetchInterval: (query) => pollEvery(query.state.data),
  });
  const start = useMutation(
    trpc.sync.start.mutationOptions({
      onSuccess: (live) => queryClient.setQueryData(progressKey, { live, elsewhere: null }),
      // Refused (another sync runs) or started: either way, show what runs now.
      onSettled: () => queryClient.invalidateQueries({ queryKey: progressKey }),
    }),
  );

  const { live, elsewhere } = progress.data;
  const running = live?.status === 'running';
  const busy = start.isPending || running || elsewhere !== null;

  // When a sync ends, the server-rendered parts (runs, freshness) are read again.
  const wasSyncing = useRef(running || elsewhere !== null);
  useEffect(() => {
    const syncing = running || elsewhere !== null;
    if (wasSyncing.current && !syncing) router.refresh();
    wasSyncing.current = syncing;
  }, [running, elsewhere, router]);

  const onClick = () => {
    if (busy || cannotStart) return;
    start.mutate();
  };

  return (
    <section className="panel sync-now" aria-labelledby="sync-now-heading">
      <div className="panel-heading">
        <h2 id="sync-now-heading">Sync now</h2>
        <button
          type="button"
          className="button"
          onClick={onClick}
          // Without configuration there is nothing to do: disabled. While busy it stays focusable
          // (aria-disabled), so keyboard focus is not lost when the sync starts.
          disabled={cannotStart !== null}
          aria-disabled={busy || undefined}
          aria-describedby="sync-now-state"
        >
          {start.isPending ? 'Starting…' : busy ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
      <p className="muted small">
        Brings the configured repositories up to date in this server; the first sync of a repository reads its history, later ones only what changed.
      </p>

      <div id="sync-now-state" role="status" aria-live="polite" className="sync-state">
        {cannotStart && (
          <>
            <p>{cannotStart.reason}</p>
            <pre>
              <code>
                {cannotStart.fix === 'credentials'
                  ? 'GITHUB_TOKEN=github_pat_…\nLEADLINE_REPOS=my-org/api,my-org/web'
                  : 'LEADLINE_REPOS=my-org/api,my-org/web   # or org:my-org'}
              </code>
            </pre>
          </>
        )}
        {start.error && <p className="error-message sync-error">Sync now was refused: {start.error.message}</p>}
        {!cannotStart && !start.error && !live && !elsewhere && !start.isPending && (
          <p className="muted">No sync has been started from this server since it started.</p>
        )}
        {start.isPending && <p>Starting a sync…</p>}
        {running && (
          <p>
            Syncing {live.targets.join(', ')} since {formatUtc(live.startedAt)}.
          </p>
        )}
        {live && live.status !== 'running' && (
          <p data-sync-status={live.status} className={live.status === 'failed' ? 'sync-error' : undefined}>
            {live.status === 'succeeded' ? 'The sync finished' : 'The sync failed'} at {formatUtc(live.finishedAt ?? live.startedAt)} after{' '}
            {formatElapsed((live.finishedAt ?? live.startedAt).getTime() - live.startedAt.getTime())}: {formatCount(live.items)} items written in{' '}
            {formatCount(live.pages)} pages, {formatCount(live.requests)} GitHub requests.
          </p>
        )}
        {live?.error && <p className="error-message sync-error">{live.error}</p>}
        {!running && elsewhere && (
          <p>
            A sync started at {formatUtc(elsewhere.startedAt)} by another process is running (last sign of life {formatUtc(elsewhere.lastActivityAt)}). Sync now
            is available when it ends, or when it has been silent for {staleAfterMinutes} minutes; this page updates itself.
          </p>
        )}
        {progress.error && <p className="error-message">Could not read the progress: {progress.error.message}. Retrying.</p>}
      </div>

      {live && (
        <div className="sync-progress" data-sync-progress={live.status}>
          {running && <progress aria-label="Sync in progress" />}
          <dl className="explain-facts">
            <dt>Repository</dt>
            <dd>{live.progress?.repo ?? (running ? 'resolving the targets…' : '—')}</dd>
            <dt>Resource</dt>
            <dd>{live.progress ? `${resourceLabel(live.progress.resource)}, page ${live.progress.page}` : '—'}</dd>
            <dt>Written</dt>
            <dd>
              {formatCount(live.items)} items in {formatCount(live.pages)} pages, {live.repositories} {live.repositories === 1 ? 'repository' : 'repositories'}
            </dd>
            <dt>GitHub requests</dt>
            <dd>{formatCount(live.requests)}</dd>
            <dt>Rate limit left</dt>
            <dd>
              {live.rateLimitRemaining === null ? 'not seen yet' : formatCount(live.rateLimitRemaining)}
              {live.rateLimitResetAt && live.rateLimitRemaining !== null && <> (resets {formatUtc(live.rateLimitResetAt)})</>}
            </dd>
            {running && live.waiting && (
              <>
                <dt>Waiting</dt>
                <dd data-sync-waiting={live.waiting.reason}>
                  {waitLabel(live.waiting.reason)} until {formatUtc(live.waiting.until)}
                </dd>
              </>
            )}
          </dl>
        </div>
      )}
    </section>
  );
}
