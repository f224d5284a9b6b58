import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname, 'src') } },
  test: {
    // Two cores: more workers only thrash. Each file opens its own database, so files stay isolated.
    maxWorkers: 2,
    testTimeout: 60_000,
    // Suites sync the synthetic org in beforeAll: give a loaded 2-core machine room.
    hookTimeout: 180_000,
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'], globalSetup: ['test/support/global-setup.ts'] },
      },
      {
        // The browser tests: their setup builds the app, syncs the synthetic org and serves it, so it
        // runs only when an e2e file is selected (`npm test` selects everything).
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
