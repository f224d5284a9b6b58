/**
 * `npm run bench:demo`: how long `npm run demo` takes, from a checkout with a finished `npm install`
 * and no build, until the dashboard answers its first page (HTTP 200 on `/`). It removes the
 * production build (`.next`) and the demo's data first, starts the demo exactly as a user does, and
 * prints the seconds to each milestone the demo reports (sync done, build done, serving) and to the
 * first answer. Runs `--runs N` times (default 1); the machine's load average is printed with each
 * run because a busy machine slows `next build` most.
 *
 *   npm run bench:demo [-- --runs 3 --port 3123]
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const argument = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const runs = argument('--runs', 1);
const firstPort = argument('--port', 3123);
const TIMEOUT_MS = 300_000;

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).status === 200;
  } catch {
    return false;
  }
}

async function once(run: number): Promise<number> {
  // A port of its own per run: a `next start` of the run before may still be answering on the last one.
  const port = firstPort + run - 1;
  rmSync(path.resolve('.next'), { recursive: true, force: true });
  rmSync(path.resolve(process.env.LEADLINE_DATA_DIR ?? '.leadline', 'demo'), { recursive: true, force: true });
  const load = os.loadavg()[0]!.toFixed(2);
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  const child = spawn('npm', ['run', 'demo', '--', '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const milestones: string[] = [];
  const watch = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (/^(Synced|Sync |Building|Built|Serving|Demo data)/.test(line)) milestones.push(`${seconds()} s  ${line.trim()}`);
    }
  };
  child.stdout.on('data', watch);
  child.stderr.on('data', watch);
  try {
    while (performance.now() - started < TIMEOUT_MS) {
      if (child.exitCode !== null) throw new Error(`the demo exited with ${child.exitCode}:\n${milestones.join('\n')}`);
      if (await answers(`http://127.0.0.1:${port}/`)) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const total = (performance.now() - started) / 1000;
    process.stdout.write(
      `run ${run}: load average at start ${load}\n${milestones.map((m) => `  ${m}`).join('\n')}\n  ${total.toFixed(1)} s  first page answered 200\n`,
    );
    return total;
  } finally {
    // The demo runs in its own process group: stop npm, the CLI and `next start` together.
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    }
  }
}

const totals: number[] = [];
for (let run = 1; run <= runs; run++) totals.push(await once(run));
totals.sort((a, b) => a - b);
process.stdout.write(
  `npm run demo to the first page: ${totals.map((t) => t.toFixed(1)).join(', ')} s (median ${totals[Math.floor(totals.length / 2)]!.toFixed(1)} s)\n`,
);
