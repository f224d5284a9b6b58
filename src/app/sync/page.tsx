import type { Metadata } from 'next';
import { getServerCaller } from '@/server/api/server-caller';
import { formatUtc } from '@/formatting/instants';
import { RepositoryFreshness } from '@/ui/sync/repository-freshness';
import { formatCount } from '@/ui/sync/sync-format';
import { SyncNow } from '@/ui/sync/sync-now';
import { SyncRuns } from '@/ui/sync/sync-runs';
import './sync.css';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Sync' };

export default async function SyncPage() {
  const status = await getServerCaller().sync.status();
  const auth = status.github.auth === 'none' ? 'no credentials configured' : `authenticated with a ${status.github.auth === 'app' ? 'GitHub App' : 'token'}`;
  return (
    <main className="page dashboard sync-page">
      <header className="page-heading">
        <h1>Sync</h1>
        <p className="muted">
          GitHub at {status.github.apiHost}, {auth}
          {status.configuredTargets.length > 0 ? <> · repositories: {status.configuredTargets.join(', ')}</> : <> · no repositories configured</>}
          {status.rateLimit && (
            <>
              {' '}
              · rate limit left as last seen: {formatCount(status.rateLimit.remaining)} ({formatUtc(status.rateLimit.seenAt)})
            </>
          )}
        </p>
      </header>
      <SyncNow cannotStart={status.cannotStart} initial={status.progress} staleAfterMinutes={status.staleAfterMinutes} />
      <section className="panel" aria-labelledby="runs-heading">
        <h2 id="runs-heading">Latest runs</h2>
        <SyncRuns runs={status.runs} staleAfterMinutes={status.staleAfterMinutes} />
      </section>
      <section className="panel" aria-labelledby="repos-sync-heading">
        <h2 id="repos-sync-heading">Repositories</h2>
        <RepositoryFreshness repositories={status.repositories} />
      </section>
    </main>
  );
}
