/**
 * One writer in a PGlite data directory, across real processes: while one process has it open, a
 * second one is refused with a message naming the holder and what to do, and loses nothing; a lock
 * left by a killed process is taken over, with every committed row still there.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@/server/db/client';
import { DataDirLockedError, lockPathOf, type LockHolder } from '@/server/db/data-dir-lock';
import { syncRuns } from '@/server/db/schema';

const HOLDER = path.resolve('test/support/data-dir-holder.ts');

interface Child {
  process: ChildProcessWithoutNullStreams;
  /** The first line it printed. */
  firstLine: Promise<string>;
  exited: Promise<number | null>;
}

function startHolder(dataDir: string, ids: number[]): Child {
  // Node itself with tsx's loader (not the tsx wrapper, which would run it as a grandchild with another pid).
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, dataDir, ...ids.map(String)], { stdio: 'pipe' });
  let out = '';
  let err = '';
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    child.on('exit', (code) => reject(new Error(`the holder exited ${code} before saying anything:\n${err}`)));
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { process: child, firstLine, exited };
}

async function storedIds(dataDir: string): Promise<number[]> {
  const database = await openDatabase({ dataDir });
  try {
    return (await database.db.select({ id: syncRuns.id }).from(syncRuns).orderBy(syncRuns.id)).map((r) => r.id);
  } finally {
    await database.close();
  }
}

// Each case starts PGlite in two to four processes; on a loaded two-core machine one start can take 20 s.
describe('the PGlite data directory lock', { timeout: 240_000 }, () => {
  let root: string;
  let dataDir: string;
  const children: Child[] = [];
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'leadline-lock-'));
    dataDir = path.join(root, 'db');
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.process.exitCode === null) child.process.kill('SIGKILL');
      await child.exited;
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('refuses a second process while one has it open, naming the holder and what to do; no row is lost', async () => {
    // The first process opens it and writes.
    const first = startHolder(dataDir, [1, 2]);
    children.push(first);
    expect(await first.firstLine).toBe(`ready ${first.process.pid} 1,2`);

    // A second process is refused, and so is this one.
    const second = startHolder(dataDir, [3]);
    children.push(second);
    const refusal = await second.firstLine;
    expect(await second.exited).toBe(3);
    expect(refusal).toContain(`refused The database in ${dataDir} is in use by another process: pid ${first.process.pid} (`);
    expect(refusal).toContain('data-dir-holder.ts');
    expect(refusal).toContain('Stop that process first');
    expect(refusal).toContain('Sync now');
    const here = await openDatabase({ dataDir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(here).toBeInstanceOf(DataDirLockedError);
    const holder = (here as DataDirLockedError).holder;
    expect(holder).toMatchObject({ pid: first.process.pid, hostname: os.hostname() });
    // "since when": the time it took the lock, a moment ago.
    expect(Date.now() - Date.parse(holder.since)).toBeLessThan(60_000);

    // The first closes; then the directory opens again with everything it wrote, and the next writer adds to it.
    first.process.stdin.write('close\n');
    expect(await first.exited).toBe(0);
    expect(existsSync(lockPathOf(dataDir))).toBe(false);
    const third = startHolder(dataDir, [4]);
    children.push(third);
    expect(await third.firstLine).toBe(`ready ${third.process.pid} 1,2,4`);
    third.process.stdin.write('close\n');
    expect(await third.exited).toBe(0);
    expect(await storedIds(dataDir)).toEqual([1, 2, 4]);
  });

  it('takes over the lock of a process that was killed, with every row it committed', async () => {
    const first = startHolder(dataDir, [7, 8]);
    children.push(first);
    expect(await first.firstLine).toBe(`ready ${first.process.pid} 7,8`);
    first.process.kill('SIGKILL');
    await first.exited;
    // It could not release: the lock still names it.
    const left = JSON.parse(readFileSync(lockPathOf(dataDir), 'utf8')) as LockHolder;
    expect(left.pid).toBe(first.process.pid);

    expect(await storedIds(dataDir)).toEqual([7, 8]);
    expect(existsSync(lockPathOf(dataDir))).toBe(false);
  });

  it("lets exactly one of two processes racing for a dead holder's lock take it over; the other is refused naming the winner", async () => {
    // A pid that no longer runs: a process that has exited.
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((r) => dead.on('exit', r));
    const stale: LockHolder = { pid: dead.pid!, command: 'node old', since: '2026-01-01T00:00:00.000Z', hostname: os.hostname(), startedAt: null };
    writeFileSync(lockPathOf(dataDir), JSON.stringify(stale));

    const racers = [startHolder(dataDir, [1]), startHolder(dataDir, [2])];
    children.push(...racers);
    const lines = await Promise.all(racers.map((r) => r.firstLine));
    const winners = lines.filter((l) => l.startsWith('ready '));
    const losers = lines.filter((l) => l.startsWith('refused '));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const winnerPid = Number(winners[0]!.split(' ')[1]);
    expect(losers[0]).toContain(`pid ${winnerPid} (`);
    const winner = racers.find((r) => r.process.pid === winnerPid)!;
    winner.process.stdin.write('close\n');
    expect(await winner.exited).toBe(0);
    expect((await storedIds(dataDir)).length).toBe(1);
  });

  it('takes over a lock whose pid now belongs to another process (a reused pid), and one left empty by a crash', async () => {
    // This test's own pid is alive, but the lock says it started at another time: another process.
    const stale: LockHolder = {
      pid: process.pid,
      command: 'node old',
      since: '2026-01-01T00:00:00.000Z',
      hostname: os.hostname(),
      startedAt: 'another-boot:1',
    };
    writeFileSync(lockPathOf(dataDir), JSON.stringify(stale));
    const isLinux = existsSync(`/proc/${process.pid}/stat`);
    if (isLinux) expect(await storedIds(dataDir)).toEqual([]);
    else
      expect(
        await openDatabase({ dataDir }).then(
          () => null,
          (e: unknown) => e,
        ),
      ).toBeInstanceOf(DataDirLockedError);

    // Created but never written (a crash between the two), a while ago.
    writeFileSync(lockPathOf(dataDir), '');
    const old = new Date(Date.now() - 60_000);
    (await import('node:fs')).utimesSync(lockPathOf(dataDir), old, old);
    expect(await storedIds(dataDir)).toEqual([]);
  });

  it('is refused within one process too (PGlite does not survive a second open of its files)', async () => {
    const database = await openDatabase({ dataDir });
    try {
      const second = await openDatabase({ dataDir }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(second).toBeInstanceOf(DataDirLockedError);
      expect((second as Error).message).toContain(`pid ${process.pid}`);
    } finally {
      await database.close();
    }
    expect(existsSync(lockPathOf(dataDir))).toBe(false);
  });
});
