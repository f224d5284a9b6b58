/**
 * The layer boundaries of docs/architecture.md are lint rules (eslint.config.mjs). Each rule is shown
 * failing on a deliberate violation, and passing the same file written the allowed way, by linting
 * source text as if it sat at the given path (the file need not exist).
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(root, 'eslint.config.mjs') });
});

async function restrictions(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  // Any other finding (a parse error, an unused import) would make a "clean" case meaningless.
  const other = result!.messages.filter((m) => m.ruleId !== '@typescript-eslint/no-restricted-imports');
  expect(other.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([]);
  return result!.messages.map((m) => m.message);
}

interface Case {
  rule: string;
  file: string;
  code: string;
}

/** Each: the rule, where the file sits, its code, and a phrase of the message it must fail with. */
const VIOLATIONS: (Case & { says: string })[] = [
  {
    rule: 'drizzle-orm only in src/server/db',
    file: 'src/server/services/metrics/probe.ts',
    code: "import { eq } from 'drizzle-orm';\nexport const probe = eq;\n",
    says: 'SQL lives in src/server/db/queries',
  },
  {
    rule: 'drizzle-orm only in src/server/db (sub-path)',
    file: 'src/server/github/probe.ts',
    code: "import { pgTable } from 'drizzle-orm/pg-core';\nexport const probe = pgTable;\n",
    says: 'SQL lives in src/server/db/queries',
  },
  {
    rule: 'drizzle-orm only in src/server/db (benchmarks)',
    file: 'bench/probe.bench.ts',
    code: "import { sql } from 'drizzle-orm';\nexport const probe = sql;\n",
    says: 'SQL lives in src/server/db/queries',
  },
  {
    rule: 'tables only in src/server/db',
    file: 'src/server/github/probe.ts',
    code: "import { repositories } from '@/server/db/schema';\nexport const probe = repositories;\n",
    says: 'Tables are for src/server/db/queries',
  },
  {
    rule: 'metrics are pure: no server',
    file: 'src/metrics/probe.ts',
    code: "import type { Db } from '@/server/db/client';\nexport type Probe = Db;\n",
    says: 'src/metrics is pure',
  },
  {
    rule: 'metrics are pure: no server (relative)',
    file: 'src/metrics/delivery/probe.ts',
    code: "import { AppError } from '../../server/errors';\nexport const probe = AppError;\n",
    says: 'src/metrics is pure',
  },
  {
    rule: 'metrics are pure: no UI',
    file: 'src/metrics/probe.ts',
    code: "import { formatCount } from '@/ui/sync/sync-format';\nexport const probe = formatCount;\n",
    says: 'src/metrics is pure',
  },
  {
    rule: 'metrics are pure: no pages',
    file: 'src/metrics/probe.ts',
    code: "import Page from '@/app/page';\nexport const probe = Page;\n",
    says: 'src/metrics is pure',
  },
  {
    rule: 'metrics are pure: no node: built-ins',
    file: 'src/metrics/probe.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n",
    says: 'no Node built-ins',
  },
  {
    rule: 'metrics are pure: no bare built-ins',
    file: 'src/metrics/probe.ts',
    code: "import path from 'path';\nexport const probe = path;\n",
    says: 'no Node built-ins',
  },
  {
    rule: 'the fake GitHub only for tests, benchmarks and the demo',
    file: 'src/server/services/sync/probe.ts',
    code: "import { startFakeGitHub } from '@/fake-github/server';\nexport const probe = startFakeGitHub;\n",
    says: 'for tests, benchmarks and the demo command only',
  },
  {
    rule: 'the fake GitHub not in pages',
    file: 'src/app/probe.ts',
    code: "import { generateOrg } from '@/fake-github/generate-org';\nexport const probe = generateOrg;\n",
    says: 'for tests, benchmarks and the demo command only',
  },
  {
    rule: 'the CLI loads the demo lazily',
    file: 'src/cli/main.ts',
    code: "import { demoCommand } from './commands/demo';\nexport const probe = demoCommand;\n",
    says: 'Load the demo command with `await import()`',
  },
  {
    rule: 'routers import services: no queries',
    file: 'src/server/api/routers/probe.ts',
    code: "import { listSyncStates } from '@/server/db/queries/sync-status';\nexport const probe = listSyncStates;\n",
    says: 'Routers call one service',
  },
  {
    rule: 'routers import services: no GitHub',
    file: 'src/server/api/routers/probe.ts',
    code: "import { runSync } from '@/server/github/sync';\nexport const probe = runSync;\n",
    says: 'Routers call one service',
  },
  {
    rule: 'routers import services: no other module at run time',
    file: 'src/server/api/routers/probe.ts',
    code: "import { consoleLogger } from '@/server/logger';\nexport const probe = consoleLogger;\n",
    says: 'Routers import services',
  },
  {
    rule: 'routers import services: not by a relative path out of api',
    file: 'src/server/api/routers/probe.ts',
    code: "import { consoleLogger } from '../../logger';\nexport const probe = consoleLogger;\n",
    says: 'Routers import services',
  },
  {
    rule: 'routers import services: no other package',
    file: 'src/server/api/routers/probe.ts',
    code: "import superjson from 'superjson';\nexport const probe = superjson;\n",
    says: 'Routers import services',
  },
  {
    rule: 'routers import services: no drizzle-orm',
    file: 'src/server/api/routers/probe.ts',
    code: "import { eq } from 'drizzle-orm';\nexport const probe = eq;\n",
    says: 'SQL lives in src/server/db/queries',
  },
  {
    rule: 'pages never touch the database',
    file: 'src/app/probe/page.tsx',
    code: "import { getDatabase } from '@/server/db/instance';\nexport const probe = getDatabase;\n",
    says: 'Pages and UI go through src/server/api',
  },
  {
    rule: 'UI components import server modules as types only',
    file: 'src/ui/probe.tsx',
    code: "import { metricSettings } from '@/server/metric-settings';\nexport const probe = metricSettings;\n",
    says: 'import server and config modules as types only',
  },
  {
    rule: 'UI components never import db, not even types',
    file: 'src/ui/probe.tsx',
    code: "import type { Db } from '@/server/db/client';\nexport type Probe = Db;\n",
    says: 'Pages and UI go through src/server/api',
  },
];

/** The same boundaries, kept. */
const ALLOWED: Case[] = [
  {
    rule: 'drizzle-orm in a query',
    file: 'src/server/db/queries/probe.ts',
    code: "import { eq } from 'drizzle-orm';\nimport { repositories } from '../schema';\nexport const probe = [eq, repositories];\n",
  },
  {
    rule: 'a service calls a query',
    file: 'src/server/services/metrics/probe.ts',
    code: "import { listSyncStates } from '@/server/db/queries/sync-status';\nexport const probe = listSyncStates;\n",
  },
  {
    rule: 'row types from the schema',
    file: 'src/server/github/probe.ts',
    code: "import type { repositories } from '@/server/db/schema';\nexport type Probe = typeof repositories.$inferInsert;\n",
  },
  {
    rule: 'tests read the database directly',
    file: 'test/probe.test.ts',
    code: "import { eq } from 'drizzle-orm';\nimport { repositories } from '@/server/db/schema';\nexport const probe = [eq, repositories];\n",
  },
  {
    rule: 'metrics import metrics and libraries',
    file: 'src/metrics/probe.ts',
    code: [
      "import { addDays } from 'date-fns';",
      "import type { Period } from '@/metrics/types';",
      "import { ZMetricKey } from './catalogue';",
      'export const probe = [addDays, ZMetricKey];',
      'export type Probe = Period;',
      '',
    ].join('\n'),
  },
  {
    rule: 'the demo command uses the fake GitHub',
    file: 'src/cli/commands/demo.ts',
    code: "import { startFakeGitHub } from '@/fake-github/server';\nexport const probe = startFakeGitHub;\n",
  },
  {
    rule: 'tests use the fake GitHub',
    file: 'test/github/probe.test.ts',
    code: "import { startFakeGitHub } from '@/fake-github/server';\nexport const probe = startFakeGitHub;\n",
  },
  {
    rule: 'benchmarks use the fake GitHub',
    file: 'bench/probe.bench.ts',
    code: "import { startFakeGitHub } from '@/fake-github/server';\nexport const probe = startFakeGitHub;\n",
  },
  {
    rule: 'the CLI imports the demo lazily',
    file: 'src/cli/main.ts',
    code: "export async function probe() {\n  const { demoCommand } = await import('./commands/demo');\n  return demoCommand;\n}\n",
  },
  {
    rule: 'a router: zod, tRPC, a service, types',
    file: 'src/server/api/routers/probe.ts',
    code: [
      "import { TRPCError } from '@trpc/server';",
      "import { z } from 'zod';",
      "import type { MetricSettings } from '@/server/metric-settings';",
      "import { getSyncPage } from '@/server/services/sync/get-sync-page';",
      "import { publicProcedure, router } from '../trpc';",
      'export const probe = [TRPCError, z, getSyncPage, publicProcedure, router];',
      'export type Probe = MetricSettings;',
      '',
    ].join('\n'),
  },
  {
    rule: 'a UI component imports server types',
    file: 'src/ui/probe.tsx',
    code: "import type { SyncPage } from '@/server/services/sync/sync-page.types';\nexport type Probe = SyncPage;\n",
  },
];

describe('layer boundaries (eslint.config.mjs)', () => {
  it.each(VIOLATIONS)('fails: $rule ($file)', async ({ file, code, says }) => {
    const messages = await restrictions(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(says);
  });

  it.each(ALLOWED)('passes: $rule ($file)', async ({ file, code }) => {
    expect(await restrictions(file, code)).toEqual([]);
  });

  it('passes the real routers, the CLI entry point and a metrics module', async () => {
    const files = ['src/server/api/routers/*.ts', 'src/cli/main.ts', 'src/metrics/weeks.ts'];
    const results = await eslint.lintFiles(files.map((f) => path.join(root, f)));
    expect(results.length).toBeGreaterThanOrEqual(7);
    expect(results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}: ${m.message}`))).toEqual([]);
  });
});
