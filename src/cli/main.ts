/**
 * `leadline <command>`: exit 0 ok, 1 failure, 2 bad usage or configuration.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from '@/config/env';
import { NothingToSyncError } from '@/server/services/sync/sync-repositories';
import { USAGE, UsageError, parseCliArgs, type CliArgs } from './args';
import { nudgeCommand } from './commands/nudge';
import { reportCommand } from './commands/report';
import { serveCommand } from './commands/serve';
import { statusCommand } from './commands/status';
import { syncCommand } from './commands/sync';

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`leadline: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    // Like `next start`, read a .env file from the working directory; the environment wins.
    if (existsSync('.env')) process.loadEnvFile('.env');
    const config = loadConfig();
    switch (args.command) {
      case 'sync':
        return await syncCommand(args, config);
      case 'status':
        return await statusCommand(config);
      case 'demo': {
        // Loaded only when asked for: the demo brings msw, graphql-js and GitHub's schema, which `sync` never needs.
        const { demoCommand } = await import('./commands/demo');
        return await demoCommand(args, config);
      }
      case 'report':
        return await reportCommand(args, config);
      case 'nudge':
        return await nudgeCommand(args, config);
      case 'serve':
        return await serveCommand(args, config);
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof NothingToSyncError) {
      process.stderr.write(`leadline: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`leadline: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// Run when executed (tsx src/cli/main.ts, or bin/leadline.mjs), not when imported by tests.
if (process.argv[1] && /cli[\\/]main\.ts$/.test(process.argv[1])) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
