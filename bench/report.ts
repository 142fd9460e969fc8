/**
 * Markdown tables of the results in var/bench/results-*.json, for docs/performance.md:
 *
 *   npx tsx bench/report.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './databases.js';
import type { BenchResults, Measurement } from './run.js';

const order = ['finland', 'programme', 'eu'] as const;
const databases = ['sqlite', 'postgres'] as const;

const results: BenchResults[] = [];
for (const size of order) {
  for (const database of databases) {
    const path = join(BENCH_DIR, `results-${size}-${database}.json`);
    if (existsSync(path)) results.push(JSON.parse(readFileSync(path, 'utf8')) as BenchResults);
  }
}

const cell = (m: Measurement | undefined) => (m ? `${m.requestsPerSecond} / ${m.latencyMs.p50} / ${m.latencyMs.p95} / ${m.latencyMs.p99}${m.errors ? ` (${m.errors} errors)` : ''}` : '–');
const names = [...new Set(results.flatMap((r) => [r.bare.name, ...r.endpoints.map((m) => m.name), ...(r.mixed ? ['mixed'] : [])]))];

console.log(`Each cell: requests/s / p50 / p95 / p99 latency in ms. ${results[0]?.settings.connections ?? 64} connections, ${results[0]?.settings.durationSeconds ?? '?'} s per row.\n`);
console.log(`| measurement | ${results.map((r) => `${r.size} ${r.database}`).join(' | ')} |`);
console.log(`|---|${results.map(() => '---').join('|')}|`);
for (const name of names) {
  const row = results.map((r) => cell(name === 'bare' ? r.bare : name === 'mixed' ? (r.mixed ?? undefined) : r.endpoints.find((m) => m.name === name)));
  console.log(`| ${name} | ${row.join(' | ')} |`);
}
console.log(`| × bare (cached reads, lowest) | ${results.map((r) => Math.min(...r.endpoints.filter((m) => !m.name.includes('uncached')).map((m) => m.ratioToBare ?? 0)).toFixed(2)).join(' | ')} |`);
console.log(`| mixed: writes / 409 | ${results.map((r) => (r.mixed ? `${r.mixed.writes} / ${r.mixed.conflicts}` : '–')).join(' | ')} |`);
console.log(`| export: MB, s, peak RSS MB | ${results.map((r) => (r.export ? `${(r.export.bytes / 1048576).toFixed(0)} MB, ${r.export.seconds} s, ${r.export.rssPeakMb} MB` : '–')).join(' | ')} |`);
console.log(`| start-up: first answer s | ${results.map((r) => r.startup.firstAnswerSeconds).join(' | ')} |`);
console.log(`| import: s (rows/s) | ${results.map((r) => `${r.data.importSeconds} (${r.data.importRowsPerSecond})`).join(' | ')} |`);
console.log(`| rows | ${results.map((r) => r.data.totalRows.toLocaleString('en')).join(' | ')} |`);
console.log(`| load average at start → end | ${results.map((r) => `${r.machine.loadAverageAtStart[0]} → ${r.machine.loadAverageAtEnd[0]}`).join(' | ')} |`);
console.log(`| measured at (UTC) | ${results.map((r) => r.startedAt.slice(0, 16).replace('T', ' ')).join(' | ')} |`);
const review = results.find((r) => 'medianMs' in r.nationalReview)?.nationalReview;
if (review && 'line' in review) console.log(`\nNational review: ${review.line}.`);
