/**
 * GitHub lists only the newest 1,000 releases of a repository and refuses a page past them (422,
 * "Only the first 1000 results are available."); the fake does the same. A first sync of a
 * repository with 1,050 releases stores the newest 1,000, says in its warnings that older ones are
 * not synced, and ends the pass, rather than keeping the refused page as a cursor that would fail
 * every later sync.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '@/fake-github/server';
import { queryRows, type Database } from '@/server/db/client';
import type { SyncResult } from '@/server/github/sync';
import { buildOrg, iso } from '../support/fake-org-builder';
import { syncWithFake } from '../support/sync-harness';
import { createTestDatabase } from '../support/test-database';

const HORIZON = new Date('2024-01-01T00:00:00Z');
const NOW = new Date('2024-03-01T00:00:00Z');

describe('a repository with more releases than GitHub lists', () => {
  // Release i created i hours after the horizon: the newest 1,000 are 51..1050.
  const org = buildOrg({
    repositories: [
      { name: 'api', releases: Array.from({ length: 1050 }, (_, i) => ({ tagName: `v${i + 1}`, createdAt: iso(HORIZON.getTime() + (i + 1) * 3_600_000) })) },
    ],
  });
  let github: FakeGitHub & { close(): void };
  let database: Database;
  let first: { result: SyncResult; warnings: string[] };

  beforeAll(async () => {
    github = startFakeGitHub(structuredClone(org));
    database = await createTestDatabase('pglite');
    const { result, logger } = await syncWithFake(database.db, { targets: ['acme/api'], horizon: HORIZON, now: NOW });
    first = { result, warnings: logger.warnings() };
    // The sync followed GitHub's Link to page 11 once, and was refused there.
    expect(github.requests.filter((r) => r.status === 422).map((r) => new URL(r.url).searchParams.get('page'))).toEqual(['11']);
  });
  afterAll(async () => {
    github.close();
    await database.close();
  });

  it('is refused past the first 1,000 by the fake, as by GitHub', async () => {
    const answer = await fetch('https://api.github.com/repos/acme/api/releases?per_page=100&page=11', { headers: { authorization: 'token t' } });
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { message: string }).message).toBe('Only the first 1000 results are available.');
  });

  it('stores the newest 1,000, warns that older ones are not synced, and completes the pass', async () => {
    expect(first.result.status).toBe('succeeded');
    const rows = await queryRows<{ tag_name: string }>(database.db, sql`select tag_name from releases`);
    const numbers = rows.map((r) => Number(r.tag_name.slice(1))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 1000 }, (_, i) => 51 + i));
    expect(first.warnings).toEqual(['acme/api: GitHub lists only the first 1000 releases; older ones are not synced']);
    const [state] = await queryRows<{ cursor: string | null; watermark: Date | null }>(
      database.db,
      sql`select cursor, watermark from sync_state where resource = 'releases'`,
    );
    expect(state!.cursor).toBeNull();
    // The newest release: 1,050 hours after the horizon.
    expect(new Date(state!.watermark!).getTime()).toBe(HORIZON.getTime() + 1050 * 3_600_000);
  });

  it('leaves no refused page behind: the next sync succeeds', async () => {
    const before = github.requests.length;
    const { result } = await syncWithFake(database.db, { targets: ['acme/api'], horizon: HORIZON, now: NOW });
    expect(result.status).toBe('succeeded');
    expect(github.requests.slice(before).filter((r) => r.status === 422)).toEqual([]);
  });
});
