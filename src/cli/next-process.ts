/** `next` as a child process (build, start), with this process's SIGINT and SIGTERM passed on to it. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

export function runNext(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [next, ...args], { stdio: 'inherit', env });
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
