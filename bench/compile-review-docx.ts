/**
 * How long compiling the 2024 review to DOCX takes: a fresh SQLite database with the 2024 data,
 * the twelve reports imported and approved (seed 001 when present, else a review written from the
 * dataset), then compileReview + renderReviewDocx timed over several runs.
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
import { compileReview } from '../src/documents/review/review-model.js';
import { createReportingPeriod } from '../src/server/modules/reports/create-reporting-period.js';
import { confirmImport, readUpload } from '../src/server/modules/reports/import-review.js';
import { buildReviewFixture } from '../test/helpers/review-fixture.js';

const runs = Number(process.argv[2] ?? 20);
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

  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    const buffer = await renderReviewDocx(await compileReview(handle.db, '2024'));
    const elapsed = performance.now() - start;
    if (i >= 2) times.push(elapsed); // the first two runs warm up the JIT
    bytes = buffer.length;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `source: ${existsSync(seed) ? 'seed 001' : 'fixture from the dataset'}; ${runs} runs; DOCX ${(bytes / 1024).toFixed(0)} KiB`,
  );
  console.log(
    `compile 2024 review to DOCX: median ${median.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
  );
  if (median >= 1000) process.exitCode = 1;
} finally {
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
