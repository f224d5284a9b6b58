/**
 * `npm run bench:sync`: what a sync costs against GitHub. The synthetic org (5 repositories, about
 * 1,000 merged PRs by default) is served by the fake GitHub over HTTP on 127.0.0.1 with a set latency
 * per answer, and the real sync (`syncRepositories`, the client's production defaults) runs twice
 * into an embedded PGlite: a full sync, then a sync with nothing changed. Printed per pass: requests
 * by kind and per 1,000 merged PRs, 304s, GraphQL points (the fake charges GitHub's cost formula),
 * wall time; and the process's peak RSS (which includes the in-process fake and the generated org).
 *
 *   npm run bench:sync [-- --weeks 22 --latency 50 --out bench/results.md --label "after"]
 *
 * `--out` appends the figures to a Markdown file, with the machine.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '@/config/env';
import { describeOrg, generateOrg } from '@/fake-github/generate-org';
import { serveFakeGitHub } from '@/fake-github/http-server';
import type { RecordedRequest } from '@/fake-github/server';
import { openDatabase } from '@/server/db/client';
import { memoryLogger } from '@/server/logger';
import { syncRepositories } from '@/server/services/sync/sync-repositories';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const weeks = Number(option('weeks') ?? 22);
const latencyMs = Number(option('latency') ?? 50);
const out = option('out');
const label = option('label') ?? 'this checkout';
const NOW = new Date('2026-11-23T12:00:00Z');

/** A request the sync sends once per item (a deployment's statuses, a run's attempt, an artifact), not per page. */
const PER_ITEM = /\/(deployments|actions\/runs|actions\/artifacts)\/\d+\//;

interface PassFigures {
  graphql: number;
  restLists: number;
  perItem: number;
  notModified: number;
  points: number;
  wallMs: number;
  perItemByRoute: Map<string, number>;
}

function classify(requests: RecordedRequest[], points: number, wallMs: number): PassFigures {
  const figures: PassFigures = { graphql: 0, restLists: 0, perItem: 0, notModified: 0, points, wallMs, perItemByRoute: new Map() };
  for (const request of requests) {
    if (request.status === 304) figures.notModified += 1;
    if (request.kind === 'graphql') {
      figures.graphql += 1;
      continue;
    }
    const { pathname } = new URL(request.url);
    if (!PER_ITEM.test(pathname)) {
      figures.restLists += 1;
      continue;
    }
    figures.perItem += 1;
    const route = pathname.replace(/^.*\/repos\/[^/]+\/[^/]+/, '').replace(/\/\d+/g, '/{n}');
    figures.perItemByRoute.set(route, (figures.perItemByRoute.get(route) ?? 0) + 1);
  }
  return figures;
}

async function graphqlPointsUsed(apiUrl: string): Promise<number> {
  const response = await fetch(`${apiUrl}/rate_limit`, { headers: { authorization: 'token bench' } });
  const body = (await response.json()) as { resources: { graphql: { used: number } } };
  return body.resources.graphql.used;
}

async function main(): Promise<void> {
  const org = generateOrg({ seed: 7, now: NOW, weeks, repositories: 5 });
  const description = describeOrg(org);
  const merged = description.pullRequests.merged;
  const served = await serveFakeGitHub(org, { latencyMs, rateLimits: { core: 1_000_000, graphql: 1_000_000 } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'leadline-bench-sync-'));
  const database = await openDatabase({ dataDir: path.join(dir, 'db') });
  const config = loadConfig({ GITHUB_TOKEN: 'bench', GITHUB_API_URL: served.apiUrl, LEADLINE_SYNC_SINCE: `${weeks * 7 + 7}d` });
  const passes: [string, PassFigures][] = [];
  try {
    for (const pass of ['full sync', 'no-change sync']) {
      const before = served.fake.requests.length;
      const pointsBefore = await graphqlPointsUsed(served.apiUrl);
      const started = performance.now();
      const result = await syncRepositories({ config, db: database.db, logger: memoryLogger(), repos: ['org:acme'], now: () => NOW });
      const wallMs = performance.now() - started;
      if (result.status !== 'succeeded') throw new Error(`the ${pass} did not succeed: ${JSON.stringify(result.repositories.flatMap((r) => r.errors))}`);
      // The points query itself is one REST request; it is left out of the counts.
      const requests = served.fake.requests.slice(before);
      const points = (await graphqlPointsUsed(served.apiUrl)) - pointsBefore;
      passes.push([pass, classify(requests, points, wallMs)]);
    }
  } finally {
    await database.close();
    await served.close();
    rmSync(dir, { recursive: true, force: true });
  }

  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const per1k = (n: number) => ((n * 1000) / merged).toFixed(0);
  const lines = [
    `### ${label}: ${merged.toLocaleString('en')} merged PRs (${description.pullRequests.total.toLocaleString('en')} PRs, ${org.repositories.length} repositories, ${description.deployments.total} deployments, ${description.workflowRuns.total} runs), ${latencyMs} ms per answer`,
    '',
    '| pass | requests | per 1,000 merged PRs | GraphQL pages | REST lists | per-item REST | of them 304 | GraphQL points | wall time |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...passes.map(([pass, f]) => {
      const total = f.graphql + f.restLists + f.perItem;
      const items = [...f.perItemByRoute].map(([route, n]) => `${n} ${route}`).join(', ');
      return `| ${pass} | ${total} | ${per1k(total)} | ${f.graphql} | ${f.restLists} | ${f.perItem}${items ? ` (${items})` : ''} | ${f.notModified} | ${f.points} | ${(f.wallMs / 1000).toFixed(1)} s |`;
    }),
    '',
    `Peak RSS of the process: ${peakRssMb.toFixed(0)} MB (the sync, the in-process fake GitHub and the generated org together). ` +
      `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end.`,
    '',
  ];
  console.log(lines.join('\n'));
  if (out) appendFileSync(out, `${lines.join('\n')}\n`);
}

await main();
