/**
 * The heartbeat of a sync run: stamped at once and then every interval while it runs, never after
 * it stops; a failed stamp is logged and the beat goes on.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/server/db/client';
import { syncRuns } from '@/server/db/schema';
import { startHeartbeat } from '@/server/github/sync-heartbeat';
import { createTestDatabase, databaseKinds } from '../support/test-database';

describe.each(databaseKinds())('the sync heartbeat (%s)', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });

  it('stamps the run at once and at every interval until stopped', async () => {
    const [run] = await database.db
      .insert(syncRuns)
      .values({ startedAt: new Date('2026-03-01T00:00:00Z'), status: 'running' })
      .returning({ id: syncRuns.id });
    const heartbeatOf = async () => (await database.db.select({ at: syncRuns.heartbeatAt }).from(syncRuns).where(eq(syncRuns.id, run!.id)))[0]!.at;
    // A clock that moves one minute per reading: each beat stamps the next minute.
    let minute = 0;
    const clock = () => new Date(Date.UTC(2026, 2, 1, 0, ++minute));
    const warnings: string[] = [];
    const logger = { info: () => {}, error: () => {}, warn: (m: string) => warnings.push(m) };
    const heartbeat = startHeartbeat(database.db, run!.id, clock, logger, 20);
    await new Promise((r) => setTimeout(r, 300));
    await heartbeat.stop();
    const beats = minute;
    // At least the first beat and several interval beats (300 ms / 20 ms, however slow the machine).
    expect(beats).toBeGreaterThanOrEqual(3);
    expect(await heartbeatOf()).toEqual(new Date(Date.UTC(2026, 2, 1, 0, beats)));
    await new Promise((r) => setTimeout(r, 100));
    expect(minute).toBe(beats);
    expect(warnings).toEqual([]);
  });

  it('logs a beat it could not record, and keeps beating', async () => {
    const warnings: string[] = [];
    const logger = { info: () => {}, error: () => {}, warn: (m: string) => warnings.push(m) };
    let calls = 0;
    const failingClock = () => {
      calls += 1;
      // An invalid date fails the update.
      return new Date(Number.NaN);
    };
    const heartbeat = startHeartbeat(database.db, 1, failingClock, logger, 20);
    await new Promise((r) => setTimeout(r, 200));
    await heartbeat.stop();
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(warnings.length).toBe(calls);
    expect(warnings[0]).toMatch(/^sync run 1: heartbeat not recorded: /);
  });
});
