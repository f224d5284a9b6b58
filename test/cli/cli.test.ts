/**
 * The CLI end to end in-process: configuration from the environment, a real `sync` through the fake
 * GitHub into an embedded database on disk (or, with TEST_DATABASE_URL, a Postgres database named by
 * DATABASE_URL), `status` reading it back, and the exit codes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { main } from '@/cli/main';
import { startFakeGitHub, type FakeGitHub } from '@/fake-github/server';
import { openDatabase } from '@/server/db/client';
import { syncRuns } from '@/server/db/schema';
import { buildOrg } from '../support/fake-org-builder';
import { createPostgresTestDatabase, databaseKinds, type DatabaseKind } from '../support/test-database';

const ENV_KEYS = ['GITHUB_TOKEN', 'LEADLINE_REPOS', 'LEADLINE_DATA_DIR', 'LEADLINE_SYNC_SINCE', 'DATABASE_URL', 'LEADLINE_TIME_ZONE'];

async function run(argv: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, env);
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await main(argv);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  }
}

describe.each(databaseKinds())('leadline CLI on %s', (kind: DatabaseKind) => {
  let github: FakeGitHub & { close(): void };
  let dir: string;
  let postgres: { url: string; drop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    github = startFakeGitHub(
      buildOrg({
        repositories: [{ name: 'api', pullRequests: [{ number: 1, state: 'MERGED', reviews: [{ authorLogin: 'bob', state: 'APPROVED' }] }, { number: 2 }] }],
      }),
    );
    dir = mkdtempSync(path.join(os.tmpdir(), 'leadline-cli-'));
    if (kind === 'postgres') postgres = await createPostgresTestDatabase();
  });
  afterAll(async () => {
    github.close();
    rmSync(dir, { recursive: true, force: true });
    await postgres?.drop();
  });
  afterEach(() => vi.restoreAllMocks());

  const env = () => ({
    GITHUB_TOKEN: 'test-token',
    LEADLINE_REPOS: 'acme/api',
    LEADLINE_DATA_DIR: path.join(dir, 'data'),
    LEADLINE_SYNC_SINCE: '2023-06-01',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
  });
  /** The database the CLI uses, opened as it opens it. */
  const sameDatabase = () => openDatabase(postgres ? { url: postgres.url } : { dataDir: env().LEADLINE_DATA_DIR });
  const where = () => (kind === 'postgres' ? 'Postgres (DATABASE_URL)' : `embedded PGlite in ${path.join(dir, 'data')}`);

  it('syncs the configured repositories into the database and exits 0', async () => {
    const { code, stdout } = await run(['sync'], env());
    expect(code).toBe(0);
    expect(stdout).toMatch(/✓ acme\/api: pull_requests 2, /);
    expect(stdout).toMatch(/Sync succeeded in \d+ GitHub requests/);
  });

  it('reports what is stored with status, including the rate limit when a token is configured', async () => {
    const { code, stdout } = await run(['status'], env());
    expect(code).toBe(0);
    expect(stdout).toContain(`Database: ${where()}\n`);
    expect(stdout).toMatch(/acme\/api: synced \d{4}-/);
    expect(stdout).toContain('2 PRs (1 open, 1 merged');
    expect(stdout).toMatch(/1 reviews/);
    expect(stdout).toMatch(/Last sync: succeeded/);
    expect(stdout).toMatch(/GitHub rate limit: REST \d+\/5000/);
  });

  it('exits 1 when a repository cannot be synced, and says which', async () => {
    const { code, stdout } = await run(['sync', '--repo', 'acme/nope'], env());
    expect(code).toBe(1);
    expect(stdout).toContain('✗ acme/nope: not found, or the token cannot see it');
  });

  it('exits 1 without syncing while another process syncs (its heartbeat is recent), and syncs once that run is dead', async () => {
    // Another process's run, as it would look on a shared Postgres: started long ago, beating now.
    const other = await sameDatabase();
    const startedAt = new Date(Date.now() - 3_600_000);
    const [run_] = await other.db.insert(syncRuns).values({ startedAt, heartbeatAt: new Date(), status: 'running' }).returning({ id: syncRuns.id });
    await other.close();
    const before = github.requests.length;
    const refused = await run(['sync'], env());
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`leadline: a sync is already running in another process: started ${startedAt.toISOString()}, last heartbeat `);
    expect(github.requests.length).toBe(before);

    // Its heartbeat stopped 4 minutes ago (past the 3-minute limit): its process is gone.
    const again = await sameDatabase();
    await again.db
      .update(syncRuns)
      .set({ heartbeatAt: new Date(Date.now() - 4 * 60_000) })
      .where(eq(syncRuns.id, run_!.id));
    await again.close();
    const synced = await run(['sync'], env());
    expect(synced.code).toBe(0);
    expect(github.requests.length).toBeGreaterThan(before);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['sync', '--since', 'last week'], /--since: use YYYY-MM-DD/],
    [['sync', '--repo', 'not-a-repo'], /--repo.*use owner\/name or org:NAME/],
    [['sync', '--bogus'], /Unknown option '--bogus'/],
  ])('exits 2 for bad usage %j', async (argv, message) => {
    const { code, stderr } = await run(argv, env());
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Usage: leadline <command>');
  });

  it('exits 2 naming the variable for bad configuration, and for nothing to sync', async () => {
    const bad = await run(['status'], { ...env(), LEADLINE_TIME_ZONE: 'Mars/Olympus' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/LEADLINE_TIME_ZONE: not an IANA time zone/);
    const none = await run(['sync'], { ...env(), LEADLINE_REPOS: '' });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/No repositories to sync: set LEADLINE_REPOS/);
  });

  it('prints help and exits 0', async () => {
    const { code, stdout } = await run(['help'], {});
    expect(code).toBe(0);
    expect(stdout).toMatch(/Commands:\n\s+sync/);
  });
});
