import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (domain, services and repositories on a fresh database per suite, see
// test/db.ts) and `e2e` (the real server driven through Debian's Chromium). `npm test` runs both.
export default defineConfig({
  test: {
    // Vitest's default is one worker less than the CPUs: a single worker on a 2-core CI machine,
    // although much of a suite's time is spent waiting (child processes, databases, the browser):
    // three workers keep both cores busy.
    maxWorkers: 3,
    // Each worker resolves drizzle-orm's files without re-reading its package.json (bin/).
    execArgv: ['--import', fileURLToPath(new URL('./bin/resolve-hooks.js', import.meta.url))],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          globalSetup: ['test/global-setup.ts', 'test/build-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/build-setup.ts', 'test/e2e/demo-template.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          pool: 'forks',
          fileParallelism: false,
        },
      },
    ],
  },
});
