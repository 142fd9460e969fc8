/**
 * Four projects, each saying what it is (README, "Test it"); `npm test` runs all four:
 * - unit: pure code (the domain rules, the configuration, the web app's texts), no database, no server: seconds;
 * - api: everything with a database or HTTP (the API, access, meetings, documents, the dataset,
 *   the PostgreSQL suite…). The catch-all: a test file anywhere under test/ that no other project
 *   claims is an api test, so a new directory can never fall outside every project;
 * - reliability: the real server killed, databases cut and disks filled (test/reliability);
 * - e2e: the browser tests: one build and one prepared database (test/e2e/global-setup.ts), and for
 *   each file its own server on a copy of it and its own Chromium (test/e2e/server.ts, browser.ts).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The unit and API tests mostly wait (for the database's commits, for PostgreSQL, for a child
// process): one worker more than the cores keeps the cores busy. Vitest's default is one fewer,
// which on CI's two cores is one worker and ran them one file at a time. TEST_WORKERS overrides.
const WORKERS = Number(process.env.TEST_WORKERS) || availableParallelism() + 1;

// The browser tests, two files at a time unless E2E_WORKERS says otherwise.
const E2E_WORKERS = Number(process.env.E2E_WORKERS) || 2;

const UNIT = [
  'test/domain/**/*.test.ts',
  'test/config/**/*.test.ts',
  'test/web/**/*.test.ts',
  'test/types/**/*.test.ts',
];
const RELIABILITY = ['test/reliability/**/*.test.ts'];
const E2E = ['test/e2e/**/*.test.ts'];

export default defineConfig({
  test: {
    exclude: ['node_modules/**', 'dist/**'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: UNIT, testTimeout: 30_000, maxWorkers: WORKERS, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['test/**/*.test.ts'],
          exclude: ['node_modules/**', ...UNIT, ...RELIABILITY, ...E2E],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability',
          include: RELIABILITY,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // After the unit and API tests and alone: they kill servers and fill disks, and measure
          // latency under load, which other files' load beside them would skew.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['test/e2e/global-setup.ts'],
          // Two files at once, each with its own server and database: a journey keeps about one of
          // CI's two cores busy (the browser and the server), so two at once fill both (decision 0012).
          maxWorkers: E2E_WORKERS,
          sequence: { groupOrder: 2 },
          // Within a file, tests marked concurrent (every-page.test.ts) run this many at a time.
          maxConcurrency: 3,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
