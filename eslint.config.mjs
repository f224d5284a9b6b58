// @ts-check
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

/**
 * The layering of docs/architecture.md, enforced. Each rule below is one boundary; a file gets every
 * boundary that applies to it (flat config replaces a rule's options rather than merging them, so
 * each block below lists all of its area's restrictions through `restrictImports`).
 *
 * - SQL lives in src/server/db: nothing else in src or bench imports drizzle-orm, or the schema's
 *   tables at run time (tests may: they read the database to check what a sync stored).
 * - src/metrics is pure: nothing from the server, the UI, the pages, the CLI, the configuration, the
 *   fake GitHub, or Node's built-ins.
 * - The fake GitHub (msw, graphql-js, GitHub's schema) is for tests, benchmarks and the demo command
 *   only, so production code never loads it; the CLI imports the demo command lazily (`await import`).
 * - Pages and UI components never reach the database or GitHub clients (they go through
 *   src/server/api); UI components, which may be client components, import nothing from the server or
 *   the configuration at run time, only types (so no server code or secret reaches a bundle).
 * - Routers are thin: one service call each; they import services, zod and tRPC (and types).
 *
 * test/lint/boundaries.test.ts shows each rule failing on a violation and passing a clean file.
 */
const AT = '(?:@/|(?:\\.\\.?/)+|src/)(?:src/)?'; // `@/x`, `../../x`, `src/x`

const DRIZZLE = {
  paths: [{ name: 'drizzle-orm', message: 'SQL lives in src/server/db/queries: call a query function from there.' }],
  patterns: [{ group: ['drizzle-orm/*'], message: 'SQL lives in src/server/db/queries: call a query function from there.' }],
};
const SCHEMA_TABLES = {
  patterns: [
    {
      // Type imports pass (row types); in the areas kept off db altogether DB_OR_GITHUB is used instead,
      // since an allowTypeImports pattern that matches lets a type import through whatever else matches.
      regex: `^${AT}server/db/schema$`,
      allowTypeImports: true,
      message: 'Tables are for src/server/db/queries; outside the db layer import row types only (`import type`).',
    },
  ],
};
const FAKE_GITHUB = {
  patterns: [
    {
      regex: `^${AT}fake-github(?:/.*)?$`,
      message: 'The fake GitHub (msw, graphql-js, the schema) is for tests, benchmarks and the demo command only.',
    },
  ],
};
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const METRICS_PURE = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: 'src/metrics is pure: no Node built-ins (it runs in the browser too).' })),
  patterns: [
    { regex: '^node:', message: 'src/metrics is pure: no Node built-ins (it runs in the browser too).' },
    {
      regex: `^${AT}(?:server|ui|app|cli|config|fake-github|reports|formatting)(?:/.*)?$`,
      message: 'src/metrics is pure: records in, numbers out; it imports nothing of the layers above it.',
    },
  ],
};
const DEMO_STATICALLY = {
  patterns: [
    {
      regex: '(?:^|/)commands/demo$',
      message: 'Load the demo command with `await import()`: it brings msw, graphql-js and the schema, which `leadline sync` never needs.',
    },
  ],
};
const DB_OR_GITHUB = {
  patterns: [
    {
      // `@/server/db`, `@/server/db/queries/x`, `../../server/github/y`, `src/server/db`...
      regex: `^${AT}server/(?:db|github)(?:/.*)?$`,
      message: 'Pages and UI go through src/server/api (a server caller or tRPC), never the database or GitHub clients.',
    },
  ],
};
const SERVER_OR_CONFIG_AT_RUNTIME = {
  patterns: [
    {
      // Any server module but db and github (typescript-eslint lets a type import through when *any*
      // allowTypeImports pattern matches, so this one must not overlap DB_OR_GITHUB).
      regex: `^${AT}(?:config(?:/.*)?|server(?:/(?!(?:db|github)(?:/|$)).*)?)$`,
      allowTypeImports: true,
      message: 'UI components may be client components: import server and config modules as types only (`import type`).',
    },
  ],
};
const ROUTER_THIN = {
  patterns: [
    {
      regex: `^${AT}server/(?:db|github)(?:/.*)?$`,
      message: 'Routers call one service; they do not query or fetch themselves.',
    },
    {
      // Everything of the app but services, db, github and the fake (those have their own, stricter
      // patterns: an allowTypeImports pattern must not overlap them), as types only.
      regex: '^@/(?!server/(?:services|db|github)(?:/|$)|fake-github(?:/|$))',
      allowTypeImports: true,
      message: 'Routers import services (and zod, tRPC, types); logic and other modules belong in a service.',
    },
    { regex: '^\\.\\./\\.\\./', message: 'Routers import services through `@/server/services/...`, and `../trpc`.' },
    // Packages: zod and tRPC only (drizzle-orm has its own rule).
    { regex: '^(?![./]|@/|@trpc/|zod$|drizzle-orm(?:/|$))', message: 'Routers import services (and zod, tRPC, types); logic belongs in a service.' },
  ],
};

/** One `@typescript-eslint/no-restricted-imports` setting from several boundaries. */
function restrictImports(...boundaries) {
  return {
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: boundaries.flatMap((b) => b.paths ?? []), patterns: boundaries.flatMap((b) => b.patterns ?? []) },
      ],
    },
  };
}

const TS = '**/*.{ts,tsx,mts,cts}';

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    '.next/**',
    '.next-e2e/**',
    'out/**',
    'build/**',
    'coverage/**',
    'test-results/**',
    'node_modules/**',
    '.leadline/**',
    'src/server/db/migrations/**',
    'next-env.d.ts',
  ]),
  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    rules: {
      // The Next preset downgrades these to warnings; with --max-warnings=0 say what is meant.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },
  // The order matters: a later block replaces an earlier one's setting for the files it matches.
  { files: ['src/' + TS, 'bench/' + TS], ignores: ['src/server/db/**'], ...restrictImports(DRIZZLE, SCHEMA_TABLES, FAKE_GITHUB) },
  { files: ['src/server/db/' + TS], ...restrictImports(FAKE_GITHUB) },
  { files: ['src/cli/' + TS], ignores: ['src/cli/commands/demo.ts'], ...restrictImports(DRIZZLE, SCHEMA_TABLES, FAKE_GITHUB, DEMO_STATICALLY) },
  { files: ['bench/' + TS, 'src/fake-github/' + TS, 'src/cli/commands/demo.ts'], ...restrictImports(DRIZZLE, SCHEMA_TABLES) },
  { files: ['src/metrics/' + TS], ...restrictImports(DRIZZLE, FAKE_GITHUB, METRICS_PURE) },
  { files: ['src/app/' + TS], ...restrictImports(DRIZZLE, FAKE_GITHUB, DB_OR_GITHUB) },
  { files: ['src/ui/' + TS], ...restrictImports(DRIZZLE, FAKE_GITHUB, DB_OR_GITHUB, SERVER_OR_CONFIG_AT_RUNTIME) },
  { files: ['src/server/api/routers/' + TS], ...restrictImports(DRIZZLE, FAKE_GITHUB, ROUTER_THIN) },
]);
