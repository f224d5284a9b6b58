/**
 * One process at a time in a PGlite data directory. PGlite is Postgres in this process's memory
 * over files on disk; a second process opening the same files does not fail, it silently loses one
 * side's writes. So opening takes a lock first: a file beside the directory, created exclusively,
 * naming its holder. A second opener is refused with who holds it and what to do instead.
 *
 * A holder that died without releasing (killed, crashed) leaves the file behind: it is stale when
 * that process no longer runs, judged by its pid and, on Linux, its start time (a reused pid is
 * another process; a container's app is pid 1 on every start). Taking a stale lock over is itself
 * guarded by an exclusive file, so two openers finding the same dead holder cannot both win.
 */
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LockHolder {
  pid: number;
  /** How it was started (argv without the node binary), for the message. */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
  hostname: string;
  /** Linux: the process's start time in clock ticks since boot, and the boot's id; null elsewhere. */
  startedAt: string | null;
}

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The database in ${dataDir} is in use by another process: pid ${holder.pid} (${holder.command}) on ${holder.hostname}, since ${holder.since}. ` +
        'The embedded database (PGlite) can be opened by one process at a time, and a second one would lose writes. ' +
        'Stop that process first; or, if it is the Leadline app, sync from its Sync page ("Sync now") instead of `leadline sync`. ' +
        'To run the app and syncs side by side, use Postgres (set DATABASE_URL).',
    );
  }
}

export interface DataDirLock {
  /** Removes the lock file if it is still this process's. */
  release(): void;
}

/** A takeover takes milliseconds; a guard file older than this was left by an opener that died mid-way. */
const TAKEOVER_GUARD_STALE_MS = 10_000;
const ATTEMPTS = 50;

export function lockPathOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const lockPath = lockPathOf(dataDir);
  const mine: LockHolder = {
    pid: process.pid,
    command: commandLine(),
    since: new Date().toISOString(),
    hostname: os.hostname(),
    startedAt: processStartedAt(process.pid),
  };
  const content = `${JSON.stringify(mine)}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusively(lockPath, content)) return held(lockPath, content);
    const existing = readLock(lockPath);
    if (existing === 'gone') continue;
    if (existing === 'being-written') {
      await sleep(20);
      continue;
    }
    if (isRunning(existing.holder)) throw new DataDirLockedError(path.resolve(dataDir), existing.holder);
    await takeOver(lockPath, existing.raw);
  }
  throw new Error(`Could not lock ${lockPath} after ${ATTEMPTS} attempts: another process keeps taking it.`);
}

function held(lockPath: string, content: string): DataDirLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      if (readFileSync(lockPath, 'utf8') === content) unlinkSync(lockPath);
    } catch {
      // Already gone.
    }
  };
  // A process that exits without closing (an uncaught error, process.exit) leaves no lock behind.
  process.on('exit', release);
  return { release };
}

function createExclusively(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

type ReadLock = { holder: LockHolder; raw: string } | 'gone' | 'being-written';

function readLock(lockPath: string): ReadLock {
  let raw: string;
  try {
    raw = readFileSync(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const holder = JSON.parse(raw) as LockHolder;
    if (typeof holder.pid === 'number') return { holder, raw };
  } catch {
    // Created but not yet written, or cut short by a crash between the two.
  }
  const ageMs = Date.now() - statSync(lockPath).mtimeMs;
  return ageMs < TAKEOVER_GUARD_STALE_MS ? 'being-written' : { holder: { pid: 0, command: '?', since: '?', hostname: os.hostname(), startedAt: null }, raw };
}

/** Removes a stale lock, unless someone else took it over (or it changed) in the meantime. */
async function takeOver(lockPath: string, staleRaw: string): Promise<void> {
  const guard = `${lockPath}.takeover`;
  if (!createExclusively(guard, `${process.pid}\n`)) {
    try {
      if (Date.now() - statSync(guard).mtimeMs > TAKEOVER_GUARD_STALE_MS) unlinkSync(guard);
    } catch {
      // Gone already: the other opener finished.
    }
    await sleep(20);
    return;
  }
  try {
    let current: string | null = null;
    try {
      current = readFileSync(lockPath, 'utf8');
    } catch {
      // Removed meanwhile.
    }
    if (current === staleRaw) unlinkSync(lockPath);
  } finally {
    unlinkSync(guard);
  }
}

function isRunning(holder: LockHolder): boolean {
  // Another machine's process (a shared disk) cannot be checked from here: assume it runs.
  if (holder.hostname !== os.hostname()) return true;
  if (holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists, as another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const startedAt = processStartedAt(holder.pid);
  return holder.startedAt === null || startedAt === null || startedAt === holder.startedAt;
}

/** Linux: `<boot id>:<start time in ticks>` of a process, which no other process ever shares. */
function processStartedAt(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): state is field 3, starttime field 22.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    return `${boot}:${fields[19]}`;
  } catch {
    return null;
  }
}

function commandLine(): string {
  const [script, ...args] = process.argv.slice(1);
  const text = [script ? path.relative(process.cwd(), script) || script : '', ...args].join(' ').trim();
  return text.length > 200 ? `${text.slice(0, 200)}…` : text || 'node';
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
