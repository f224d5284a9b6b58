/**
 * A second process for the one-writer test (test/db/data-dir-lock.test.ts): opens the PGlite data
 * directory given as argv[2], inserts the sync run ids given after it, says `ready <pid>` on
 * stdout, and closes when its stdin says `close` (or is killed). A refused open prints the error's
 * message after `refused ` and exits 3.
 */
import { createInterface } from 'node:readline';
import { openDatabase } from '@/server/db/client';
import { DataDirLockedError } from '@/server/db/data-dir-lock';
import { syncRuns } from '@/server/db/schema';

const [dataDir, ...ids] = process.argv.slice(2);
try {
  const database = await openDatabase({ dataDir: dataDir! });
  for (const id of ids) await database.db.insert(syncRuns).values({ id: Number(id), startedAt: new Date(), status: 'succeeded' });
  const rows = await database.db.select({ id: syncRuns.id }).from(syncRuns).orderBy(syncRuns.id);
  process.stdout.write(`ready ${process.pid} ${rows.map((r) => r.id).join(',')}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    if (line === 'close') break;
  }
  await database.close();
  process.exit(0);
} catch (error) {
  if (!(error instanceof DataDirLockedError)) throw error;
  process.stdout.write(`refused ${error.message}\n`);
  process.exit(3);
}
