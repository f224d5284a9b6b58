#!/usr/bin/env node
// The installed `leadline` command: runs the TypeScript CLI through tsx (a dependency), so no
// separate build step is needed.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exit(await main(process.argv.slice(2)));
