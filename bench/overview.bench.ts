/**
 * `npm run bench`: the dashboard's server work on the demo org (what `npm run demo` generates and
 * syncs: 4 repositories, 12 weeks), measured in-process through the same tRPC callers the pages
 * use. Cases are interleaved per iteration so the machine's noise hits them alike; medians and
 * ratios are from one run. Each request is measured as a dashboard sees it (the facts of the scope
 * remembered from an earlier request, as long as no sync wrote since) and cold (nothing remembered:
 * load, derive and prepare everything). Embedded PGlite always; a Postgres server too with BENCH_DATABASE_URL
 * (a server URL: the bench creates and drops its own database there).
 *
 *   npm run bench [-- --iterations 30]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '@/config/env';
import { generateOrg } from '@/fake-github/generate-org';
import { startFakeGitHub } from '@/fake-github/server';
import { createCaller } from '@/server/api/root';
import { ANONYMOUS } from '@/server/http/requester';
import { openDatabase, type Database } from '@/server/db/client';
import { memoryLogger } from '@/server/logger';
import { metricSettings } from '@/server/metric-settings';
import { forgetMetricContexts } from '@/server/services/metrics/metric-context';
import { syncRepositories } from '@/server/services/sync/sync-repositories';
import { periodOf } from '@/ui/filters/dashboard-filters';

const iterations = Number(process.argv[process.argv.indexOf('--iterations') + 1]) || 30;
const WARM_UP = 3;

function quantile(sorted: number[], q: number): number {
  const rank = (sorted.length - 1) * q;
  const low = Math.floor(rank);
  return sorted[low]! + (sorted[Math.ceil(rank)]! - sorted[low]!) * (rank - low);
}

async function syncDemoOrg(database: Database, now: Date): Promise<void> {
  const org = generateOrg({ seed: 42, now, weeks: 12 });
  const fake = startFakeGitHub(org);
  try {
    const config = loadConfig({ GITHUB_TOKEN: 'bench', LEADLINE_SYNC_SINCE: '91d' });
    const result = await syncRepositories({
      config,
      db: database.db,
      logger: memoryLogger(),
      repos: [`org:${org.login}`],
      client: { graphqlIntervalMs: 0, retries: 0 },
      now: () => now,
    });
    if (result.status !== 'succeeded') throw new Error('the bench sync failed');
  } finally {
    fake.close();
  }
}

async function measure(label: string, database: Database, now: Date): Promise<void> {
  const config = loadConfig({});
  const caller = createCaller({ requester: ANONYMOUS, db: database.db, config, settings: metricSettings(config), now: () => now });
  const period = periodOf({}, now, config.timeZone);
  const requests: Record<string, () => Promise<unknown>> = {
    'metrics.teamHealth (overview, last 4 weeks)': () => caller.metrics.teamHealth(period),
    'metrics.explain cycleTime': () => caller.metrics.explain({ ...period, metric: 'cycleTime' }),
    'pullRequests.list (explorer)': () => caller.pullRequests.list(period),
    'metrics.repository acme/api': () => caller.metrics.repository({ ...period, repo: 'acme/api' }),
    'repositories.list': () => caller.repositories.list(),
  };
  // Two phases, each interleaving its cases: cold forgets everything before every request; warm
  // is a dashboard's steady state (the scope's facts remembered, no sync in between).
  const times: Record<string, number[]> = {};
  for (const phase of ['cold', 'warm'] as const) {
    for (let i = 0; i < WARM_UP + iterations; i++) {
      for (const [name, run] of Object.entries(requests)) {
        if (phase === 'cold') forgetMetricContexts(database.db);
        const start = performance.now();
        await run();
        if (i >= WARM_UP) (times[`${name}, ${phase}`] ??= []).push(performance.now() - start);
      }
    }
  }
  const overview = [...times['metrics.teamHealth (overview, last 4 weeks), cold']!].sort((a, b) => a - b);
  const overviewMedian = quantile(overview, 0.5);
  console.log(`\n${label}: ${iterations} iterations after ${WARM_UP} warm-up, milliseconds`);
  console.table(
    Object.fromEntries(
      Object.entries(times).map(([name, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        const median = quantile(sorted, 0.5);
        return [
          name,
          {
            median: +median.toFixed(1),
            p90: +quantile(sorted, 0.9).toFixed(1),
            min: +sorted[0]!.toFixed(1),
            'vs cold overview': +(median / overviewMedian).toFixed(2),
          },
        ];
      }),
    ),
  );
  const warmMedian = quantile(
    [...times['metrics.teamHealth (overview, last 4 weeks), warm']!].sort((a, b) => a - b),
    0.5,
  );
  console.log(
    `overview median: cold ${overviewMedian.toFixed(1)} ms (${overviewMedian < 300 ? 'under' : 'OVER'} the 300 ms budget), warm ${warmMedian.toFixed(1)} ms`,
  );
}

async function main(): Promise<void> {
  const now = new Date();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leadline-bench-'));
  const embedded = await openDatabase({ dataDir: path.join(dir, 'db') });
  try {
    const started = performance.now();
    await syncDemoOrg(embedded, now);
    console.log(`synced the demo org into embedded PGlite in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await measure('embedded PGlite', embedded, now);
  } finally {
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    console.log('\n(set BENCH_DATABASE_URL=postgres://…/postgres to measure a Postgres server too)');
    return;
  }
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS leadline_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE leadline_bench');
  const url = new URL(server);
  url.pathname = '/leadline_bench';
  const postgres = await openDatabase({ url: url.toString() });
  try {
    await syncDemoOrg(postgres, now);
    await measure('Postgres server', postgres, now);
  } finally {
    await postgres.close();
    await admin.query('DROP DATABASE IF EXISTS leadline_bench');
    await admin.end();
  }
}

await main();
