/**
 * The loader gives the metrics exactly the facts GitHub had: synced from a hand-built org through the
 * fake GitHub, then read back as records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub } from '@/fake-github/server';
import type { Database } from '@/server/db/client';
import { loadPullRequestRecords } from '@/server/db/queries/pull-request-records';
import { at, buildOrg } from '../support/fake-org-builder';
import { syncWithFake } from '../support/sync-harness';
import { createTestDatabase, databaseKinds } from '../support/test-database';

const NOW = new Date('2024-03-01T00:00:00Z');

describe.each(databaseKinds())('loadPullRequestRecords on %s', (kind) => {
  let database: Database;
  let repoId: number;

  beforeAll(async () => {
    const org = buildOrg({
      repositories: [
        {
          name: 'api',
          pullRequests: [
            {
              number: 1,
              state: 'MERGED',
              createdAt: at(100),
              mergedAt: at(130),
              closedAt: at(130),
              labels: ['hotfix'],
              commits: [{ authoredAt: at(90) }, { authoredAt: at(95) }],
              reviews: [
                { authorLogin: 'bob', state: 'CHANGES_REQUESTED', submittedAt: at(110) },
                { authorLogin: 'dependabot[bot]', state: 'COMMENTED', submittedAt: at(105) },
              ],
              timeline: [
                { type: 'ReviewRequestedEvent', createdAt: at(101), reviewer: { kind: 'user', login: 'bob' } },
                { type: 'ReviewRequestedEvent', createdAt: at(102), reviewer: { kind: 'team', slug: 'backend' } },
              ],
            },
            // Closed long before the period and its lookback: not loaded.
            { number: 2, state: 'CLOSED', createdAt: at(1), closedAt: at(2) },
            // Still open: loaded.
            { number: 3, state: 'OPEN', createdAt: at(1200), isDraft: true },
          ],
          issueComments: [{ issueNumber: 1, authorLogin: 'codecov[bot]', createdAt: at(100.5) }],
        },
      ],
    });
    repoId = org.repositories[0]!.id;
    const github = startFakeGitHub(org);
    database = await createTestDatabase(kind);
    try {
      const { result } = await syncWithFake(database.db, { targets: ['acme/api'], horizon: new Date('2023-01-01T00:00:00Z'), now: NOW });
      expect(result.status).toBe('succeeded');
    } finally {
      github.close();
    }
  });
  afterAll(() => database.close());

  const period = { from: new Date(at(24 * 35)), to: new Date(at(24 * 63)) };

  it('loads the PRs alive in the period or its lookback, with every fact the metrics read', async () => {
    // Period: 2024-02-05 to 2024-03-04; the 30-day lookback starts 2024-01-06 00:00. PR 1 merged
    // 2024-01-06 10:00 (at(130)), inside it; PR 2 closed 2024-01-01 02:00 (at(2)), before it; PR 3 is open.
    const records = await loadPullRequestRecords(database.db, { repoIds: [repoId], ...period }, { withComments: true });
    expect(records.map((r) => r.number).sort()).toEqual([1, 3]);
    const pr = records.find((r) => r.number === 1)!;
    expect(pr).toMatchObject({
      repo: 'acme/api',
      state: 'merged',
      author: { login: 'alice', type: 'User' },
      createdAt: new Date(at(100)),
      mergedAt: new Date(at(130)),
      labels: ['hotfix'],
    });
    expect(pr.commits.map((c) => c.authoredAt).sort((a, b) => a.getTime() - b.getTime())).toEqual([new Date(at(90)), new Date(at(95))]);
    expect(pr.reviews.map((r) => [r.author.login, r.author.type, r.state, r.submittedAt])).toEqual([
      ['dependabot[bot]', 'Bot', 'COMMENTED', new Date(at(105))],
      ['bob', 'User', 'CHANGES_REQUESTED', new Date(at(110))],
    ]);
    expect(pr.events.map((e) => [e.kind, e.createdAt, e.reviewer?.login ?? null, e.team])).toEqual([
      ['review_requested', new Date(at(101)), 'bob', null],
      ['review_requested', new Date(at(102)), null, 'backend'],
    ]);
    expect(pr.comments.map((c) => [c.author.login, c.kind, c.createdAt])).toEqual([['codecov[bot]', 'conversation', new Date(at(100.5))]]);
    expect(records.find((r) => r.number === 3)).toMatchObject({ state: 'open', isDraft: true, commits: [expect.anything()] });
  });

  it('leaves comments out unless asked (only the DevLake preset reads them)', async () => {
    const records = await loadPullRequestRecords(database.db, { repoIds: [repoId], ...period }, { withComments: false });
    expect(records.every((r) => r.comments.length === 0)).toBe(true);
  });
});
