/**
 * The open-data export in-process: each document streamed to the end into a SHA-256, with the
 * process's memory sampled every 50 ms, so that a change to the export can show both that its bytes
 * are the same and what it holds while it runs (issue 16, docs/performance.md "The export's memory").
 *
 *   npx tsx bench/export-memory.ts --size programme --db sqlite|postgres [--seed 16] [--tables]
 *   npx tsx bench/export-memory.ts --dataset --db sqlite|postgres [--tables]   # the 2024 dataset
 *
 * `--dataset` builds a fresh database with the 2024 dataset as the tests do (PostgreSQL through
 * TEST_DATABASE_URL); otherwise the benchmark's cached database of that size and seed is used (it is
 * generated first when there is none). `--tables` adds each collection's CSV and JSON table.
 * Node's options go before the script: `node --trace-gc --import tsx bench/export-memory.ts …`.
 */
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { openDataExport } from '../src/documents/open-data-export.js';
import { OPEN_DATA_TABLE_NAMES, tableCsv, tableJson } from '../src/documents/open-data-tables.js';
import { openDatabase, type DatabaseHandle, type DialectName } from '../src/db/database.js';
import { benchDatabase } from './databases.js';
import type { BenchSize } from './generate.js';

const GENERATED_AT = new Date('2026-11-23T10:00:00.000Z');
const MB = 1048576;

type Peak = { rss: number; heapUsed: number; external: number };

function sampler() {
  const peak: Peak = { rss: 0, heapUsed: 0, external: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
    peak.external = Math.max(peak.external, m.external);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

async function measure(name: string, source: () => AsyncIterable<string>): Promise<void> {
  const hash = createHash('sha256');
  let bytes = 0;
  const before = process.memoryUsage().rss;
  const memory = sampler();
  const started = performance.now();
  await pipeline(
    Readable.from(source()),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        hash.update(chunk);
        done();
      },
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const peak = memory.stop();
  const mb = (n: number) => (n / MB).toFixed(0);
  console.log(
    `${name.padEnd(32)} ${(bytes / MB).toFixed(1).padStart(7)} MB ${seconds.toFixed(2).padStart(6)} s  RSS ${mb(before)} → ${mb(peak.rss)} MB, heap ≤ ${mb(peak.heapUsed)} MB, external ≤ ${mb(peak.external)} MB  sha256 ${hash.digest('hex').slice(0, 16)}`,
  );
}

function argument(args: string[], name: string): string | undefined {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

async function open(args: string[]): Promise<{ handle: DatabaseHandle; close: () => Promise<void> }> {
  const dialect = (argument(args, 'db') ?? 'sqlite') as DialectName;
  if (args.includes('--dataset')) {
    const { createTestDatabase } = await import('../test/helpers/databases.js');
    const database = await createTestDatabase(dialect);
    // Published minutes, as test/api/open-data.test.ts makes them: the dataset's are drafts.
    await database.db
      .updateTable('meetings')
      .set({ minutes_status: 'published', minutes_published_at: '2026-11-01T10:00:00.000Z' })
      .execute();
    return { handle: database, close: () => database.destroy() };
  }
  const database = await benchDatabase({
    size: (argument(args, 'size') ?? 'programme') as BenchSize,
    seed: Number(argument(args, 'seed') ?? 16),
    dialect,
  });
  const handle = openDatabase(
    database.target.kind === 'sqlite'
      ? { kind: 'sqlite', path: database.target.path }
      : { kind: 'postgres', url: database.target.url },
  );
  return { handle, close: () => handle.close() };
}

async function main(args: string[]): Promise<void> {
  const { handle, close } = await open(args);
  try {
    const { db } = handle;
    await measure('export', () => openDataExport(db, GENERATED_AT));
    if (args.includes('--tables'))
      for (const name of OPEN_DATA_TABLE_NAMES) {
        await measure(`tables/${name}.csv`, () => tableCsv(db, name));
        await measure(`tables/${name}.json`, () => tableJson(db, name));
      }
  } finally {
    await close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
