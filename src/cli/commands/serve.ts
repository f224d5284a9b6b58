/**
 * `leadline serve` (what `npm start` runs): `next start` on the production build, listening where
 * chooseBinding allows (127.0.0.1 unless asked otherwise, and then only with an explicit setting).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { Config } from '@/config/env';
import type { ZServeArgs } from '../args';
import { chooseBinding } from '../binding';
import { runNext } from '../next-process';

export interface ServeIo {
  err?: { write(text: string): unknown };
  env?: NodeJS.ProcessEnv;
  /** Starts the server (tests see what would be run instead). */
  run?: (args: string[], env: NodeJS.ProcessEnv) => Promise<number>;
}

export async function serveCommand(args: z.infer<typeof ZServeArgs>, config: Config, io: ServeIo = {}): Promise<number> {
  const err = io.err ?? process.stderr;
  const env = io.env ?? process.env;
  const port = args.port ?? Number(env.PORT || 3000);
  const binding = chooseBinding(args.hostname ?? env.HOSTNAME, port, config.web);
  const distDir = env.LEADLINE_NEXT_DIST_DIR || '.next';
  if (!io.run && !existsSync(path.resolve(distDir, 'BUILD_ID'))) {
    err.write(`leadline: no production build in ${distDir}: run \`npm run build\` first\n`);
    return 1;
  }
  if (binding.warning) err.write(`${binding.warning}\n`);
  err.write(`${binding.notice}\n`);
  return (io.run ?? runNext)(['start', '--hostname', binding.hostname, '--port', String(port)], { ...env, NEXT_TELEMETRY_DISABLED: '1' });
}
