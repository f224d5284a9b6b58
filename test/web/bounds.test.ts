/**
 * Bounds at the tRPC endpoint, through `handleTrpcRequest` (what the Next route handler runs) and
 * the download route: a batch, a body, an id or a date past what Leadline accepts is a 4xx that
 * says why, never a 500; a form post never reaches a mutation; making the same report again adds
 * nothing to the archive, and making many is limited per requester.
 */
import superjson from 'superjson';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET as downloadReport } from '@/app/api/reports/[id]/[format]/route';
import { handleTrpcRequest, MAX_BATCH_SIZE } from '@/server/api/http';
import { resetRateLimits } from '@/server/api/rate-limit';
import { REPORTS_PER_MINUTE } from '@/server/api/routers/reports';
import type { Database } from '@/server/db/client';
import { reports, syncRuns } from '@/server/db/schema';
import { MAX_BODY_BYTES } from '@/server/http/request-guard';
import { testContext } from '../support/test-context';
import { createTestDatabase, databaseKinds } from '../support/test-database';

const NOW = new Date('2026-03-01T12:00:00Z');
const BASE = 'http://localhost:3000/api/trpc';

describe.each(databaseKinds())('bounds at the tRPC endpoint (%s)', (kind) => {
  let database: Database;
  const call = (request: Request, now = NOW) => handleTrpcRequest(request, async () => testContext(database.db, {}, now));
  const query = (path: string, input: unknown) => call(new Request(`${BASE}/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`));
  const mutate = (path: string, input: unknown, now = NOW) =>
    call(
      new Request(`${BASE}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(superjson.serialize(input)) }),
      now,
    );
  const errorOf = async (response: Response) => ((await response.json()) as { error: { json: { message: string } } }).error.json.message;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(() => {
    resetRateLimits();
  });

  it('refuses a batch of more than MAX_BATCH_SIZE calls with 400, and answers one of that size', async () => {
    const batch = (n: number) => {
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, superjson.serialize(undefined)]));
      return call(new Request(`${BASE}/${Array(n).fill('repositories.list').join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`));
    };
    const over = await batch(MAX_BATCH_SIZE + 1);
    expect(over.status).toBe(400);
    expect(JSON.stringify(await over.json())).toContain('Batch call exceeds maximum size');
    const at = await batch(MAX_BATCH_SIZE);
    expect(at.status).toBe(200);
    expect(await at.json()).toHaveLength(MAX_BATCH_SIZE);
  });

  it('refuses a body over the limit with 413, counted as it arrives when no length is announced', async () => {
    const big = new TextEncoder().encode(JSON.stringify({ json: { week: '2026-W08', team: 'x'.repeat(MAX_BODY_BYTES) } }));
    // A stream: no Content-Length, as a chunked upload sends it.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < big.length; i += 16_384) controller.enqueue(big.slice(i, i + 16_384));
        controller.close();
      },
    });
    const request = new Request(`${BASE}/reports.generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.get('content-length')).toBeNull();
    const response = await call(request);
    expect(response.status).toBe(413);
    expect(await response.text()).toContain(`larger than ${MAX_BODY_BYTES} bytes`);
    expect(await database.db.select().from(reports)).toEqual([]);
  });

  it('never lets a form post reach a mutation: 415, and no sync started', async () => {
    const form = new FormData();
    form.set('x', '1');
    for (const body of [form, new URLSearchParams({ x: '1' })]) {
      const response = await call(new Request(`${BASE}/sync.start`, { method: 'POST', body }));
      expect(response.status).toBe(415);
      expect(await response.text()).toContain('JSON only');
    }
    expect(await database.db.select().from(syncRuns)).toEqual([]);
  });

  it('refuses a report id past the integer column with 400, on tRPC and on the download route', async () => {
    const huge = await query('reports.file', { id: 2 ** 40, format: 'md' });
    expect(huge.status).toBe(400);
    expect(await errorOf(huge)).toContain('no report id exceeds 2147483647');
    // 2147483647 is the last id the column holds: a plain miss.
    expect((await query('reports.file', { id: 2_147_483_647, format: 'md' })).status).toBe(404);

    const download = (id: string, format = 'md') =>
      downloadReport(new Request(`http://localhost:3000/api/reports/${id}/${format}`), { params: Promise.resolve({ id, format }) });
    for (const id of ['1099511627776', '99999999999999999999', '-1', '1e3']) {
      const response = await download(id);
      expect(response.status, id).toBe(400);
      expect(await response.text()).toContain('numeric id');
    }
    expect((await download('1', 'exe')).status).toBe(400);
  });

  it('refuses dates outside 2000-2099 with 400 naming the rule, on every query that takes a period', async () => {
    const periods = [
      { from: new Date('9999-01-01T00:00:00Z'), to: new Date('9999-06-01T00:00:00Z') },
      // The last instants JavaScript can hold, where the previous period is no date at all.
      { from: new Date(8.64e15 - 10 * 86_400_000), to: new Date(8.64e15) },
      { from: new Date(-8.64e15), to: new Date(-8.64e15 + 10 * 86_400_000) },
      { from: new Date('1970-01-01T00:00:00Z'), to: new Date('1970-02-01T00:00:00Z') },
    ];
    for (const period of periods) {
      for (const [path, input] of [
        ['metrics.teamHealth', period],
        ['metrics.explain', { ...period, metric: 'cycleTime' }],
        ['metrics.repository', { ...period, repo: 'acme/api' }],
        ['pullRequests.list', period],
      ] as const) {
        const response = await query(path, input);
        expect(response.status, `${path} ${period.from.toISOString()}`).toBe(400);
        expect(await errorOf(response)).toContain('dates must fall in the years 2000 to 2099');
      }
    }
    for (const week of ['9999-W01', '1999-W52', '0001-W01']) {
      const response = await mutate('reports.generate', { week });
      expect(response.status, week).toBe(400);
      expect(await errorOf(response)).toContain('dates must fall in the years 2000 to 2099');
    }
    const notAWeek = await mutate('reports.generate', { week: '2026-W99' });
    expect(notAWeek.status).toBe(400);
    expect(await errorOf(notAWeek)).toContain('Not an ISO week');
    expect(await database.db.select().from(reports)).toEqual([]);
  });

  it('returns the archived report when the same one is made again, and limits how many a requester makes', async () => {
    const ids: number[] = [];
    for (let i = 0; i < REPORTS_PER_MINUTE.max; i++) {
      const response = await mutate('reports.generate', { week: '2026-W08' }, new Date(NOW.getTime() + i * 1000));
      expect(response.status).toBe(200);
      const { id, reused } = superjson.deserialize<{ id: number; reused: boolean }>(((await response.json()) as { result: { data: never } }).result.data);
      expect(reused).toBe(i > 0);
      ids.push(id);
    }
    // Made six times (generatedAt differs each time), archived once.
    expect(new Set(ids).size).toBe(1);
    expect(await database.db.select({ id: reports.id }).from(reports)).toEqual([{ id: ids[0] }]);

    // The seventh within the minute (first call at NOW, this one 6 s later) is refused, saying when to retry: 60 − 6 = 54 s.
    const seventh = await mutate('reports.generate', { week: '2026-W07' }, new Date(NOW.getTime() + 6_000));
    expect(seventh.status).toBe(429);
    expect(await errorOf(seventh)).toBe('At most 6 reports made per 60 s; try again in 54 s.');
    // A minute after the first, the window is new.
    const later = await mutate('reports.generate', { week: '2026-W07' }, new Date(NOW.getTime() + 60_000));
    expect(later.status).toBe(200);
    expect(await database.db.select({ week: reports.week }).from(reports).orderBy(reports.id)).toEqual([{ week: '2026-W08' }, { week: '2026-W07' }]);
  });
});
