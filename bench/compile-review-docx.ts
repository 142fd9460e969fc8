/**
 * How long compiling the 2024 review to DOCX takes: a fresh SQLite database with the 2024 data,
 * the twelve reports imported and approved (seed 001 when present, else a review written from the
 * dataset), then compileReview + renderReviewDocx timed over several runs ("made": the page layout
 * each time), and compileReview + the server's DOCX cache (documents/review/docx-cache.ts) asked
 * again for the same review ("cached": what a second request costs until the data changes).
 *
 *   npx tsx bench/compile-review-docx.ts [runs]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/database.js';
import { readDataset } from '../src/db/dataset/read-dataset.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../src/db/prepare.js';
import { renderReviewDocx } from '../src/documents/review/review-docx.js';
import { createDocxCache } from '../src/documents/review/docx-cache.js';
import { compileReview } from '../src/documents/review/review-model.js';
import { createReportingPeriod } from '../src/server/modules/reports/create-reporting-period.js';
import { confirmImport, readUpload } from '../src/server/modules/reports/import-review.js';
import { buildReviewFixture } from '../test/helpers/review-fixture.js';

const runs = Number(process.argv[2] ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'bench-review-'));
const handle = openDatabase({ kind: 'sqlite', path: join(dir, 'bench.sqlite') });
try {
  await prepareDatabase(handle, { datasetDir: 'data/2024', topologyPath: DEFAULT_TOPOLOGY });
  const actor = {
    kind: 'user' as const,
    userId: 0,
    username: 'bench',
    displayName: 'bench',
    roles: [{ role: 'admin' as const, ministry: null, themeId: null, steeringGroupId: null }],
  };
  const deps = {
    db: handle.db,
    actor,
    audit: { actorId: null, actor: 'bench', ip: null, requestId: null, at: new Date().toISOString() },
  };
  await createReportingPeriod(deps, {
    key: '2024',
    kind: 'review',
    title: { fi: 'Toteutuskatsaus 2024' },
    cutOff: '2024-10-31',
  });
  const seed = '../shared/seeds/001_ecf7eb9cbcaeb76b.txt';
  const content = existsSync(seed) ? readFileSync(seed, 'utf8') : buildReviewFixture(readDataset('data/2024')).text;
  const upload = { format: 'text' as const, content };
  const { digest } = await readUpload(upload);
  await confirmImport(deps, '2024', { ...upload, digest, state: 'approved' });

  const stats = (times: number[]) => {
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return {
      median,
      text: `median ${median.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`,
    };
  };
  const made: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 1; i++) {
    const start = performance.now();
    const buffer = await renderReviewDocx(await compileReview(handle.db, '2024'));
    const elapsed = performance.now() - start;
    if (i >= 1) made.push(elapsed); // the first run warms up the JIT
    bytes = buffer.length;
  }
  const cache = createDocxCache();
  await cache.get(await compileReview(handle.db, '2024'), renderReviewDocx);
  const cached: number[] = [];
  for (let i = 0; i < Math.max(runs, 20); i++) {
    const start = performance.now();
    await cache.get(await compileReview(handle.db, '2024'), renderReviewDocx);
    cached.push(performance.now() - start);
  }
  const cold = stats(made);
  const warm = stats(cached);
  console.log(
    `source: ${existsSync(seed) ? 'seed 001' : 'fixture from the dataset'}; DOCX ${(bytes / 1024).toFixed(0)} KiB; cache: ${cache.stats().renderings} made, ${cache.stats().hits} hits`,
  );
  console.log(`2024 review to DOCX, made (${made.length} runs): ${cold.text}`);
  console.log(`2024 review to DOCX, cached (${cached.length} runs): ${warm.text}`);
  if (warm.median >= 1000) process.exitCode = 1;
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
