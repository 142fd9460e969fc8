/**
 * Four projects, each saying what it is (README, "Test it"); `npm test` runs all four:
 * - unit: pure code (the domain rules, the configuration, the web app's texts), no database, no server: seconds;
 * - api: everything with a database or HTTP (the API, access, meetings, documents, the dataset,
 *   the PostgreSQL suite…). The catch-all: a test file anywhere under test/ that no other project
 *   claims is an api test, so a new directory can never fall outside every project;
 * - reliability: the real server killed, databases cut and disks filled (test/reliability);
 * - e2e: the browser tests, with one build, one server and one Chromium (test/e2e/global-setup.ts).
 */
import { defineConfig } from 'vitest/config';

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
        test: { name: 'unit', include: UNIT, testTimeout: 30_000 },
      },
      {
        extends: true,
        test: {
          name: 'api',
          include: ['test/**/*.test.ts'],
          exclude: ['node_modules/**', ...UNIT, ...RELIABILITY, ...E2E],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'reliability',
          include: RELIABILITY,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: E2E,
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
