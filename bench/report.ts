/**
 * Markdown tables of the results in var/bench/, for docs/performance.md:
 *
 *   npx tsx bench/report.ts
 *
 * For each size and database it takes the runs of `npm run bench -- --repeat n`
 * (results-<size>-<db>-<i>.json) or else the single run (results-<size>-<db>.json) and gives the
 * median of each figure over the runs (each percentile's median separately), the errors summed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './databases.js';
import type { BenchResults, Measurement } from './run.js';

const order = ['finland', 'programme', 'eu'] as const;
const databases = ['sqlite', 'postgres'] as const;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? (digits === 0 && Math.abs(n) >= 10 ? Math.round(n).toString() : n.toFixed(digits || 1)) : '–';

function runsOf(size: string, database: string): BenchResults[] {
  if (!existsSync(BENCH_DIR)) return [];
  const repeated = readdirSync(BENCH_DIR)
    .filter((file) => new RegExp(`^results-${size}-${database}-\\d+\\.json$`).test(file))
    .map((file) => JSON.parse(readFileSync(join(BENCH_DIR, file), 'utf8')) as BenchResults);
  if (repeated.length > 0) return repeated;
  const single = join(BENCH_DIR, `results-${size}-${database}.json`);
  return existsSync(single) ? [JSON.parse(readFileSync(single, 'utf8')) as BenchResults] : [];
}

type Row = { name: string; rps: number; p50: number; p95: number; p99: number; errors: number; ratio: number };

function summarise(name: string, measurements: Measurement[]): Row {
  return {
    name,
    rps: median(measurements.map((m) => m.requestsPerSecond)),
    p50: median(measurements.map((m) => m.latencyMs.p50)),
    p95: median(measurements.map((m) => m.latencyMs.p95)),
    p99: median(measurements.map((m) => m.latencyMs.p99)),
    errors: measurements.reduce((sum, m) => sum + m.errors, 0),
    ratio: median(measurements.map((m) => m.ratioToBare ?? 1)),
  };
}

type Summary = { size: string; database: string; rows: Row[]; runs: BenchResults[] };
const summaries: Summary[] = [];

for (const size of order) {
  for (const database of databases) {
    const runs = runsOf(size, database);
    if (runs.length === 0) continue;
    const first = runs[0]!;
    const names = [...new Set(runs.flatMap((r) => r.endpoints.map((m) => m.name)))];
    const rows: Row[] = [
      summarise(
        'bare Fastify route',
        runs.map((r) => r.bare),
      ),
    ];
    for (const name of names)
      rows.push(
        summarise(
          name,
          runs.flatMap((r) => r.endpoints.filter((m) => m.name === name)),
        ),
      );
    const mixed = runs.flatMap((r) => (r.mixed ? [r.mixed] : []));
    if (mixed.length > 0) rows.push(summarise('mixed 90 % reads / 10 % writes', mixed));
    summaries.push({ size, database, rows, runs });

    const loads = runs.map((r) => r.machine.loadAverageAtStart[0]!);
    const loadsEnd = runs.map((r) => r.machine.loadAverageAtEnd[0]!);
    console.log(`### ${size} on ${database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}\n`);
    console.log(
      `${first.data.totalRows.toLocaleString('en')} rows (${first.data.rows.projects?.toLocaleString('en')} projects, ${first.data.rows.organisations?.toLocaleString('en')} organisations, ${first.data.rows.themes?.toLocaleString('en')} themes, ${first.data.rows.finance_snapshots?.toLocaleString('en')} figure snapshots). ` +
        `${runs.length} run${runs.length > 1 ? 's' : ''} (${runs.map((r) => r.startedAt.slice(0, 16).replace('T', ' ')).join(', ')} UTC), ${first.settings.connections} connections, ${first.settings.durationSeconds} s per row; ` +
        `1-minute load average ${Math.min(...loads)}–${Math.max(...loads)} at the start of the runs, ${Math.min(...loadsEnd)}–${Math.max(...loadsEnd)} at the end. Medians over the runs.\n`,
    );
    console.log('| measurement | req/s | p50 ms | p95 ms | p99 ms | errors | × bare |');
    console.log('|---|--:|--:|--:|--:|--:|--:|');
    for (const row of rows)
      console.log(
        `| ${row.name} | ${fmt(row.rps)} | ${fmt(row.p50, 1)} | ${fmt(row.p95, 1)} | ${fmt(row.p99, 1)} | ${row.errors} | ${row.ratio.toFixed(2)} |`,
      );
    const writes = mixed.map((m) => m.writes);
    const conflicts = mixed.map((m) => m.conflicts);
    const lines: string[] = [];
    if (mixed.length > 0)
      lines.push(
        `mixed workload: ${median(writes)} writes per run (median), ${median(conflicts)} of them answered 409 (a stale If-Match, expected)`,
      );
    const exports = runs.flatMap((r) => (r.export ? [r.export] : []));
    const failed = exports.filter((e) => e.error || e.status !== 200);
    const good = exports.filter((e) => !e.error && e.status === 200);
    if (good.length > 0)
      lines.push(
        `export: ${fmt(median(good.map((e) => e.bytes / 1048576)), 1)} MB in ${fmt(median(good.map((e) => e.seconds)), 1)} s (${fmt(median(good.map((e) => e.megabytesPerSecond)), 1)} MB/s), server RSS ${fmt(median(good.map((e) => e.rssBeforeMb)))} MB before, peak ${fmt(median(good.map((e) => e.rssPeakMb)))} MB (highest peak ${Math.max(...good.map((e) => e.rssPeakMb))} MB)`,
      );
    if (failed.length > 0)
      lines.push(
        `export FAILED in ${failed.length} of ${exports.length} runs: ${failed[0]!.error ?? failed[0]!.status}`,
      );
    const cpu = runs.flatMap((r) => (r.startup.cpuSeconds === undefined ? [] : [r.startup.cpuSeconds]));
    lines.push(
      `start-up (spawn to ready / to the first answer): ${fmt(median(runs.map((r) => r.startup.readySeconds)), 2)} s / ${fmt(median(runs.map((r) => r.startup.firstAnswerSeconds)), 2)} s (runs: ${runs.map((r) => r.startup.firstAnswerSeconds).join(', ')} s)${cpu.length > 0 ? `; the server's CPU time until its first answer ${fmt(median(cpu), 2)} s (runs: ${cpu.join(', ')} s)` : ''}`,
    );
    lines.push(
      `import of the generated data: ${first.data.importSeconds} s (${first.data.importRowsPerSecond.toLocaleString('en')} rows/s)`,
    );
    const reviews = runs.flatMap((r) => ('medianMs' in r.nationalReview ? [r.nationalReview.medianMs] : []));
    if (reviews.length > 0)
      lines.push(
        `national review to DOCX (2024 data, 12 themes, its own SQLite database): median ${median(reviews)} ms (runs: ${reviews.join(', ')} ms)`,
      );
    console.log(`\n${lines.map((l) => `- ${l}`).join('\n')}\n`);
  }
}

// ---- the targets of issue 7 -----------------------------------------------------------------------

const dbName = (database: string) => (database === 'sqlite' ? 'SQLite' : 'PostgreSQL');
const verdict = (met: boolean, margin: string) => (met ? `met (${margin})` : `**missed** (${margin})`);
const find = (size: string, database: string) => summaries.find((x) => x.size === size && x.database === database);
const targets: string[][] = [];
for (const database of databases) {
  const eu = find('eu', database);
  if (!eu) continue;
  for (const name of ['overview', 'figures', 'search']) {
    const cached = eu.rows.find((r) => r.name === name);
    const uncached = eu.rows.find((r) => r.name === `${name} (uncached)`);
    if (!cached) continue;
    targets.push([
      `EU, ${dbName(database)}: ${name} p95 < 50 ms, 64 connections`,
      `${fmt(cached.p95, 1)} ms from the cache (runs ${eu.runs.flatMap((r) => r.endpoints.filter((m) => m.name === name).map((m) => m.latencyMs.p95)).join(', ')})${uncached ? `; ${fmt(uncached.p95, 1)} ms computed afresh` : ''}`,
      verdict(
        cached.p95 < 50,
        cached.p95 < 50
          ? `${fmt(50 - cached.p95, 1)} ms to spare`
          : cached.p95 < 51
            ? `at the limit, ${(cached.p95 - 50).toFixed(2)} ms over`
            : `${fmt(cached.p95 - 50, 1)} ms over, ×${(cached.p95 / 50).toFixed(1)}`,
      ),
    ]);
  }
}
for (const database of databases) {
  const eu = find('eu', database);
  const peaks =
    eu?.runs.flatMap((r) => (r.export && !r.export.error && r.export.status === 200 ? [r.export.rssPeakMb] : [])) ?? [];
  if (peaks.length === 0) continue;
  const peak = median(peaks);
  targets.push([
    `EU, ${dbName(database)}: export streams, server RSS < 300 MB`,
    `peak ${fmt(peak)} MB (median; runs ${peaks.join(', ')} MB)`,
    verdict(
      peak < 300,
      peak < 300
        ? `${fmt(300 - peak)} MB to spare`
        : `${fmt(peak - 300)} MB over, +${Math.round(((peak - 300) / 300) * 100)} %`,
    ),
  ]);
}
for (const database of databases) {
  const row = find('programme', database)?.rows.find((r) => r.name.startsWith('mixed'));
  if (!row) continue;
  targets.push([
    `programme, ${dbName(database)}: mixed 90/10, no error, p99 < 100 ms`,
    `${row.errors} errors, p99 ${fmt(row.p99, 1)} ms`,
    `no error: ${row.errors === 0 ? 'met' : '**missed**'}; p99: ${verdict(row.p99 < 100, row.p99 < 100 ? `${fmt(100 - row.p99, 1)} ms to spare` : `${fmt(row.p99 - 100)} ms over, ×${(row.p99 / 100).toFixed(0)}`)}`,
  ]);
}
for (const summary of summaries) {
  const cached = summary.rows.filter(
    (r) => r.name !== 'bare Fastify route' && !r.name.includes('uncached') && !r.name.startsWith('mixed'),
  );
  const below = cached.filter((r) => r.ratio < 0.5);
  targets.push([
    `${summary.size}, ${dbName(summary.database)}: cached public reads ≥ 0.5 × bare`,
    cached.map((r) => `${r.name} ${r.ratio.toFixed(2)}`).join(', '),
    below.length === 0
      ? 'met'
      : `**missed** by ${below.length} of ${cached.length} (lowest ${Math.min(...below.map((r) => r.ratio)).toFixed(2)})`,
  ]);
}
for (const database of databases) {
  const finland = find('finland', database);
  if (!finland) continue;
  const wall = median(finland.runs.map((r) => r.startup.firstAnswerSeconds));
  const cpu = finland.runs.flatMap((r) => (r.startup.cpuSeconds === undefined ? [] : [r.startup.cpuSeconds]));
  targets.push([
    `Finland, ${dbName(database)}: start-up to the first answer < 3 s`,
    `${fmt(wall, 2)} s wall-clock (runs ${finland.runs.map((r) => r.startup.firstAnswerSeconds).join(', ')} s)${cpu.length > 0 ? `; ${fmt(median(cpu), 2)} s of the server's CPU` : ''}`,
    verdict(
      wall < 3,
      wall < 3 ? `${fmt(3 - wall, 2)} s to spare` : `${fmt(wall - 3, 2)} s over on this loaded machine`,
    ),
  ]);
}
if (targets.length > 0) {
  console.log('### Targets\n');
  console.log('| target | measured (medians) | verdict |');
  console.log('|---|---|---|');
  for (const [target, measured, result] of targets) console.log(`| ${target} | ${measured} | ${result} |`);
  console.log('');
}
