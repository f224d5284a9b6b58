// @ts-check
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import tseslint from 'typescript-eslint';

/**
 * Layering, enforced: pages and UI components never reach the database or GitHub clients (they go
 * through src/server/api); UI components, which may be client components, import nothing from the
 * server or the config at run time, only types (so no server code or secret reaches a bundle); and
 * routers call services, never queries or drizzle.
 */
const DB_OR_GITHUB = {
  // `@/server/db`, `@/server/db/queries/x`, `../../server/github/y`, `src/server/db`...
  regex: '^(?:@/|(?:\\.\\.?/)+|src/)(?:src/)?server/(?:db|github)(?:/.*)?$',
  message: 'Pages and UI go through src/server/api (a server caller or tRPC), never the database or GitHub clients.',
};
const SERVER_OR_CONFIG_AT_RUNTIME = {
  // Any server module but db and github (typescript-eslint lets a type import through when *any*
  // allowTypeImports pattern matches, so this one must not overlap DB_OR_GITHUB).
  regex: '^(?:@/|(?:\\.\\.?/)+|src/)(?:src/)?(?:config(?:/.*)?|server(?:/(?!(?:db|github)(?:/|$)).*)?)$',
  allowTypeImports: true,
  message: 'UI components may be client components: import server and config modules as types only (`import type`).',
};

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
  {
    files: ['src/app/**'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [DB_OR_GITHUB] }],
    },
  },
  {
    files: ['src/ui/**'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [DB_OR_GITHUB, SERVER_OR_CONFIG_AT_RUNTIME] }],
    },
  },
  {
    files: ['src/server/api/routers/**'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'drizzle-orm', message: 'Routers call services; SQL lives in src/server/db/queries.' }],
          patterns: [
            { group: ['drizzle-orm/*'], message: 'Routers call services; SQL lives in src/server/db/queries.' },
            { ...DB_OR_GITHUB, message: 'Routers call one service; they do not query or fetch themselves.' },
          ],
        },
      ],
    },
  },
]);
