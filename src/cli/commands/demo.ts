/**
 * `leadline demo`: generates the synthetic org, serves it from an in-process fake GitHub, and syncs it
 * with the real sync code into a database of its own (`<LEADLINE_DATA_DIR>/demo`, recreated each time
 * so the data is always relative to today). `--serve` then starts the app on that database.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { z } from 'zod';
import type { Config } from '@/config/env';
import { describeOrg, generateOrg } from '@/fake-github/generate-org';
import { startFakeGitHub } from '@/fake-github/server';
import { openDatabase } from '@/server/db/client';
import { consoleLogger } from '@/server/logger';
import { syncRepositories } from '@/server/services/sync-repositories';
import type { ZDemoArgs } from '../args';
import { progressPrinter } from '../progress';
import { printResult } from './sync';

const DEMO_WEEKS = 12;

export async function demoCommand(args: z.infer<typeof ZDemoArgs>, config: Config): Promise<number> {
  const dataDir = path.resolve(config.dataDir, 'demo');
  rmSync(dataDir, { recursive: true, force: true });
  const now = new Date();
  const org = generateOrg({ seed: args.seed, now, weeks: DEMO_WEEKS });
  process.stderr.write(`Generated the demo org "${org.login}": ${JSON.stringify(describeOrg(org))}\n`);

  const fake = startFakeGitHub(org);
  const database = await openDatabase({ dataDir });
  const progress = progressPrinter();
  try {
    const result = await syncRepositories({
      config: {
        ...config,
        github: { apiUrl: 'https://api.github.com', auth: { kind: 'token', token: 'demo-token-not-a-secret' } },
        syncSince: `${(DEMO_WEEKS + 1) * 7}d`,
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
    if (result.status !== 'succeeded') return 1;
  } finally {
    progress.done();
    fake.close();
    await database.close();
  }
  process.stdout.write(`Demo data is in ${dataDir}.\n`);
  if (!args.serve) {
    process.stdout.write(`Serve it with: LEADLINE_DATA_DIR=${path.relative(process.cwd(), dataDir)} npm start\n`);
    return 0;
  }
  return serve(dataDir, args.port);
}

/** `next build` once if there is no production build yet, then `next start` on the demo database. */
async function serve(dataDir: string, port: number): Promise<number> {
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  // The demo database is embedded; a configured DATABASE_URL must not redirect the demo app.
  const env = { ...process.env, LEADLINE_DATA_DIR: dataDir, DATABASE_URL: '', NEXT_TELEMETRY_DISABLED: '1' };
  if (!existsSync(path.resolve('.next', 'BUILD_ID'))) {
    process.stdout.write('Building the app once (next build)…\n');
    const code = await run(process.execPath, [next, 'build'], env);
    if (code !== 0) return code;
  }
  process.stdout.write(`Serving the dashboard on http://localhost:${port}\n`);
  return run(process.execPath, [next, 'start', '--port', String(port)], env);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', env });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? 1);
    });
  });
}
