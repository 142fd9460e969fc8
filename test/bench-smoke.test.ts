/**
 * The benchmark still runs: the tiny size, a second per endpoint, no thresholds (speed is measured
 * by `npm run bench` on a quiet machine, not by tests). It generates a throw-away database, starts the
 * real server as a child process and drives every endpoint, the export and the mixed workload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../bench/run.js';
import { DIALECTS, postgresUrl } from './helpers/databases.js';

const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(DIALECTS)('benchmark smoke test on %s', (dialect) => {
  it('generates the tiny data and measures every endpoint, the export and the mixed workload', async () => {
    const results = await runBenchmark({
      size: 'tiny',
      dialect,
      duration: 1,
      connections: 4,
      seed: 1,
      postgresUrl: dialect === 'postgres' ? new URL(postgresUrl!).toString() : undefined,
      output: null,
      quiet: true,
      scratch: { dir, name: `smoke-${randomUUID().slice(0, 8)}` },
      // The review is compiled from its own SQLite database whatever --db says: once is enough.
      only:
        dialect === 'sqlite'
          ? []
          : ['overview', 'theme', 'figures', 'search', 'project', 'organisation', 'export', 'mixed'],
    });
    expect(results.bare.requests).toBeGreaterThan(0);
    // Everything on SQLite; on PostgreSQL what was asked, without the computed figures.
    const reads = ['overview', 'theme', 'figures', ...(dialect === 'sqlite' ? ['figures-computed'] : [])];
    expect(results.endpoints.map((m) => m.name)).toEqual(
      [...reads, 'search', 'project', 'organisation'].flatMap((name) => [name, `${name} (uncached)`]),
    );
    for (const measurement of [...results.endpoints, results.mixed!]) {
      expect(measurement.requests, measurement.name).toBeGreaterThan(0);
      expect(
        Object.keys(measurement.statuses).filter((status) => Number(status) >= 500),
        measurement.name,
      ).toEqual([]);
      expect(measurement.errors, measurement.name).toBe(0);
    }
    expect(results.export?.status).toBe(200);
    expect(results.export?.bytes).toBeGreaterThan(0);
    expect(results.mixed?.writes).toBeGreaterThan(0);
    expect(results.startup.firstAnswerSeconds).toBeGreaterThan(0);
    if (dialect === 'sqlite') expect(results.nationalReview).toHaveProperty('medianMs');
  }, 240_000);
});
