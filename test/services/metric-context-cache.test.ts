/**
 * The metric services remember a scope's facts between requests; any write to the facts must be
 * seen by the next request. Here a merged PR of the week is deleted behind the services' back (no
 * sync run, no sync state change): the fingerprint's table counts still catch it, and the cycle
 * time counts one PR fewer.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '@/fake-github/generate-org';
import { startFakeGitHub } from '@/fake-github/server';
import { createCaller } from '@/server/api/root';
import { queryRows, type Database } from '@/server/db/client';
import { syncWithFake } from '../support/sync-harness';
import { testContext } from '../support/test-context';
import { createTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const NOW = new Date('2026-11-23T12:00:00Z');
const WEEKS = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') };

describe.each(databaseKinds())('remembered metric facts on %s', (kind: DatabaseKind) => {
  let database: Database;
  beforeAll(async () => {
    const org = generateOrg({ seed: 9, now: NOW, weeks: 4, repositories: 2 });
    const github = startFakeGitHub(org);
    database = await createTestDatabase(kind);
    try {
      await syncWithFake(database.db, { targets: [`org:${org.login}`], horizon: new Date('2026-09-01T00:00:00Z'), now: NOW });
    } finally {
      github.close();
    }
  });
  afterAll(() => database.close());

  it('answers the same twice, and sees a change to the facts at once', async () => {
    const caller = createCaller(testContext(database.db, {}, NOW));
    const cycle = async () => (await caller.metrics.teamHealth(WEEKS)).cards.find((c) => c.key === 'cycleTime')!.headline;
    const first = await cycle();
    expect(first.n).toBeGreaterThan(3);
    expect(await cycle()).toEqual(first);

    // A human's PR merged in the period: it is one of the cycle time's members.
    const [merged] = await queryRows<{ id: string }>(
      database.db,
      sql`select p.id from pull_requests p join users u on u.id = p.author_id
          where p.merged_at >= ${WEEKS.from.toISOString()} and p.merged_at < ${WEEKS.to.toISOString()}
            and u.type <> 'Bot' and u.login not like '%[bot]' order by p.id limit 1`,
    );
    await database.db.execute(sql`delete from pull_requests where id = ${merged!.id}`);
    expect((await cycle()).n).toBe(first.n - 1);
  });
});
