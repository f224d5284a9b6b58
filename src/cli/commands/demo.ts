/**
 * `leadline demo`: generates the synthetic org, serves it from a fake GitHub over HTTP on 127.0.0.1, and
 * syncs it with the real sync code into a database of its own (`<LEADLINE_DATA_DIR>/demo`, recreated
 * each time so the data is always relative to today). `--serve` then starts the app on that database,
 * configured for the fake (its URL, a stand-in token, `org:<login>`) so the app's Sync now works with
 * no token and no network; the fake keeps answering until the app stops.
 *
 * The first `--serve` also needs a production build: `next build` starts at once and runs while the
 * sync does, so a first demo waits for the longer of the two, not for both (README gives the figure).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { z } from 'zod';
import type { Config } from '@/config/env';
import type { ZDemoArgs } from '../args';
import { runNext } from '../next-process';

const DEMO_WEEKS = 12;
/** What the demo's fake GitHub accepts; not a secret. */
const DEMO_TOKEN = 'demo-token-not-a-secret';

export async function demoCommand(args: z.infer<typeof ZDemoArgs>, config: Config): Promise<number> {
  const dataDir = path.resolve(config.dataDir, 'demo');
  rmSync(dataDir, { recursive: true, force: true });
  // The build reads no data (every page is rendered on request), so it need not wait for the sync.
  const build = args.serve ? startBuildIfMissing() : null;
  // The rest (msw, graphql-js and GitHub's schema, the database, the sync) is loaded once the build
  // is under way: the seconds it takes to load are then not spent before the build starts.
  const [
    { demoTeamsFile },
    { describeOrg, generateOrg },
    { serveFakeGitHub },
    { openDatabase },
    { consoleLogger },
    { syncRepositories },
    { progressPrinter },
    { printResult },
  ] = await Promise.all([
    import('@/fake-github/demo-teams'),
    import('@/fake-github/generate-org'),
    import('@/fake-github/http-server'),
    import('@/server/db/client'),
    import('@/server/logger'),
    import('@/server/services/sync/sync-repositories'),
    import('../progress'),
    import('./sync'),
  ]).catch((error: unknown) => {
    build?.stop();
    throw error;
  });
  const now = new Date();
  const org = generateOrg({ seed: args.seed, now, weeks: DEMO_WEEKS });
  process.stderr.write(`Generated the demo org "${org.login}": ${JSON.stringify(describeOrg(org))}\n`);

  // Served over HTTP on 127.0.0.1 (not only inside this process), so the app's "Sync now" can use it too.
  // Its teams and their working agreements, where everything pointed at this data directory finds them.
  mkdirSync(dataDir, { recursive: true });
  const teamsFile = path.join(dataDir, 'teams.json');
  writeFileSync(teamsFile, `${JSON.stringify(demoTeamsFile(org), null, 2)}\n`);
  process.stderr.write(`Wrote the demo's teams and working agreements to ${teamsFile}.\n`);

  const fake = await serveFakeGitHub(org);
  process.stderr.write(`The demo's fake GitHub answers at ${fake.apiUrl} (GraphQL: ${fake.graphqlUrl}) while the demo runs.\n`);
  const github = { GITHUB_API_URL: fake.apiUrl, GITHUB_TOKEN: DEMO_TOKEN, LEADLINE_REPOS: `org:${org.login}`, LEADLINE_SYNC_SINCE: `${(DEMO_WEEKS + 1) * 7}d` };
  const database = await openDatabase({ dataDir });
  const progress = progressPrinter();
  let synced = false;
  try {
    const result = await syncRepositories({
      config: {
        ...config,
        github: { apiUrl: fake.apiUrl, auth: { kind: 'token', token: DEMO_TOKEN } },
        syncSince: github.LEADLINE_SYNC_SINCE,
      },
      db: database.db,
      logger: consoleLogger,
      repos: [`org:${org.login}`],
      onProgress: progress.onProgress,
      // The fake answers locally: no pacing, and a failure is a bug to see at once.
      client: { graphqlIntervalMs: 0, retries: 0 },
    });
    progress.done();
    printResult(result);
    synced = result.status === 'succeeded';
  } finally {
    progress.done();
    await database.close();
    if (!synced || !args.serve) await fake.close();
    if (!synced) build?.stop();
  }
  if (!synced) return 1;
  process.stdout.write(`Demo data is in ${dataDir}.\n`);
  if (!args.serve) {
    process.stdout.write(`Serve it with: LEADLINE_DATA_DIR=${path.relative(process.cwd(), dataDir)} npm start\n`);
    process.stdout.write(
      `See what breaks its teams' working agreements: LEADLINE_DATA_DIR=${path.relative(process.cwd(), dataDir)} npm run leadline -- nudge --dry-run\n`,
    );
    return 0;
  }
  try {
    if (build) {
      process.stdout.write('Waiting for the build to finish…\n');
      const code = await build.done;
      if (code !== 0) return code;
    }
    return await serve(dataDir, args.port, github);
  } finally {
    await fake.close();
  }
}

const NEXT_BIN = () => createRequire(import.meta.url).resolve('next/dist/bin/next');

/**
 * `next build` in the background when there is no production build yet. Its output is kept and
 * shown only if it fails, so it does not interleave with the sync's progress. `LEADLINE_DEMO_BUILD`
 * leaves out what a one-off build to serve does not need (the type check, the build cache; see
 * next.config.ts).
 */
function startBuildIfMissing(): { done: Promise<number>; stop: () => void } | null {
  if (existsSync(path.resolve(process.env.LEADLINE_NEXT_DIST_DIR || '.next', 'BUILD_ID'))) return null;
  process.stdout.write('Building the app once (next build), while the demo data is made and synced…\n');
  const started = Date.now();
  const child = spawn(process.execPath, [NEXT_BIN(), 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', LEADLINE_DEMO_BUILD: '1' },
  });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const done = new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => {
      if (code === 0) process.stdout.write(`Built the app in ${Math.round((Date.now() - started) / 1000)} s.\n`);
      else if (!signal) process.stderr.write(`next build failed (exit ${code}):\n${Buffer.concat(output).toString()}\n`);
      resolve(code ?? 1);
    });
  });
  return { done, stop: () => child.kill('SIGTERM') };
}

/** `next start` on the demo database, on 127.0.0.1 only: the demo has no sign-in and its Sync now reaches its fake GitHub. */
async function serve(dataDir: string, port: number, github: Record<string, string>): Promise<number> {
  // The demo database is embedded; a configured DATABASE_URL must not redirect the demo app. The
  // app's GitHub is the demo's fake (a stand-in token, nothing secret), so "Sync now" works offline.
  const env = {
    ...process.env,
    ...github,
    GITHUB_APP_ID: '',
    GITHUB_APP_PRIVATE_KEY: '',
    GITHUB_APP_INSTALLATION_ID: '',
    LEADLINE_DATA_DIR: dataDir,
    LEADLINE_TEAMS_FILE: path.join(dataDir, 'teams.json'),
    DATABASE_URL: '',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  process.stdout.write(`Serving the dashboard on http://127.0.0.1:${port}, reachable from this machine only\n`);
  return runNext(['start', '--hostname', '127.0.0.1', '--port', String(port)], env);
}
