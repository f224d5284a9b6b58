/**
 * Sync progress on the terminal: one line rewritten in place on a TTY, a line per page otherwise
 * (CI logs, pipes).
 */
import type { SyncProgress } from '@/server/github/sync-context';

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): { onProgress(p: SyncProgress): void; done(): void } {
  let lastLength = 0;
  return {
    onProgress(p) {
      const rate = p.rateLimitRemaining === null ? '' : `, rate limit ${p.rateLimitRemaining} left`;
      const line = `${p.repo}  ${p.resource.padEnd(14)} page ${p.page}  +${p.items} items  (${p.requests} requests${rate})`;
      if (stream.isTTY) {
        stream.write(`\r${line.padEnd(lastLength)}`);
        lastLength = line.length;
      } else {
        stream.write(`${line}\n`);
      }
    },
    done() {
      if (stream.isTTY && lastLength > 0) stream.write('\n');
      lastLength = 0;
    },
  };
}
