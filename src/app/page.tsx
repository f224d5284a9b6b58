import { getServerCaller } from '@/server/api/server-caller';
import { FirstRun } from '@/ui/first-run';
import { RepositoryTable } from '@/ui/repositories/repository-table';
import { SyncStatus } from '@/ui/repositories/sync-status';

// Reads the database on every request; never prerendered at build time.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const list = await getServerCaller().repositories.list();
  const empty = list.repositories.length === 0;
  return (
    <main className="page">
      <header className="masthead">
        <h1>Leadline</h1>
        {(!empty || list.sync.latestRun) && <SyncStatus list={list} />}
      </header>
      {empty ? <FirstRun /> : <RepositoryTable list={list} />}
    </main>
  );
}
