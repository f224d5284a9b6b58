/**
 * The browser tests' world: a production build of the app (its own dist dir, built fresh so a test
 * never runs a stale build), the synthetic org generated for "now" and synced through the real sync
 * into an embedded database, and `next start` serving it on a free port. When TEST_DATABASE_URL is
 * set (CI), the same org is also synced into a new Postgres database and a second `next start` of
 * the same build serves that one: the browser tests run once against each. Debian's chromium drives
 * them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { demoTeamsFile } from '@/fake-github/demo-teams';
import { startFakeGitHub } from '@/fake-github/server';
import { generateOrgWithTruth } from '@/fake-github/truth';
import { openDatabase, type Database } from '@/server/db/client';
import { createPostgresTestDatabase } from '../support/postgres-template';
import { syncWithFake } from '../support/sync-harness';

export const CHROMIUM = '/usr/bin/chromium';
export const DIST_DIR = '.next-e2e';
export const E2E_SEED = 42;

/** One running app and the database it reads. */
export interface E2eServer {
  database: 'pglite' | 'postgres';
  baseUrl: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: { servers: E2eServer[]; now: string; seed: number } | { skipped: string };
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs} ms`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) {
    const reason = `the browser tests need Debian's chromium at ${CHROMIUM}: apt-get install chromium (or set LEADLINE_SKIP_E2E=1 to skip them)`;
    if (process.env.LEADLINE_SKIP_E2E === '1') {
      process.stderr.write(`Skipping the browser tests: ${reason}\n`);
      project.provide('e2e', { skipped: reason });
      return async () => {};
    }
    throw new Error(reason);
  }
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', LEADLINE_NEXT_DIST_DIR: DIST_DIR };
  const started = Date.now();
  const build = spawnSync(process.execPath, [next, 'build'], { env, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  process.stderr.write(`e2e: next build took ${Math.round((Date.now() - started) / 1000)} s\n`);

  // The app reads the real clock, so the org is generated for now; tests regenerate it from `now`.
  const now = new Date();
  const { org } = generateOrgWithTruth({ now, seed: E2E_SEED });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'leadline-e2e-'));
  const postgres = process.env.TEST_DATABASE_URL ? await createPostgresTestDatabase({ migrated: false }) : null;
  const running: ChildProcess[] = [];
  const teardown = async () => {
    for (const server of running) server.kill('SIGTERM');
    await Promise.all(running.map((server) => (server.exitCode === null && server.signalCode === null ? new Promise((r) => server.once('exit', r)) : null)));
    // Only once no server holds a connection to it.
    await postgres?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const targets: { kind: E2eServer['database']; open: () => Promise<Database>; env: Record<string, string> }[] = [
      {
        kind: 'pglite',
        open: () => openDatabase({ dataDir: path.join(dataDir, 'db') }),
        env: { LEADLINE_DATA_DIR: path.join(dataDir, 'db'), DATABASE_URL: '' },
      },
    ];
    if (postgres) targets.push({ kind: 'postgres', open: () => openDatabase({ url: postgres.url }), env: { DATABASE_URL: postgres.url } });

    // One sync after the other (the fake intercepts this process's requests), each from a fresh fake
    // with GitHub's full hourly budget.
    for (const target of targets) {
      const github = startFakeGitHub(structuredClone(org));
      const database = await target.open();
      try {
        const { result } = await syncWithFake(database.db, { targets: [`org:${org.login}`], horizon: new Date(now.getTime() - 120 * 86_400_000), now });
        if (result.status !== 'succeeded') throw new Error(`the e2e sync into ${target.kind} failed: ${JSON.stringify(result)}`);
      } finally {
        github.close();
        await database.close();
      }
    }

    // The demo's teams and working agreements, as `npm run demo` writes them.
    const teamsFile = path.join(dataDir, 'teams.json');
    writeFileSync(teamsFile, JSON.stringify(demoTeamsFile(org)));

    const servers: E2eServer[] = [];
    for (const target of targets) {
      const port = await freePort();
      const server = spawn(process.execPath, [next, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
        env: { ...env, ...target.env, LEADLINE_TEAMS_FILE: teamsFile, NODE_ENV: 'production' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      running.push(server);
      servers.push({ database: target.kind, baseUrl: `http://127.0.0.1:${port}` });
    }
    // Started together, waited for together.
    await Promise.all(servers.map((s, i) => waitForServer(`${s.baseUrl}/`, running[i]!, 60_000)));
    project.provide('e2e', { servers, now: now.toISOString(), seed: E2E_SEED });
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
