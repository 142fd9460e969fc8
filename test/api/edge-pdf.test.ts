/**
 * The bounded PDF renderer (issue 12, item 5) with Debian's real Chromium: 60 concurrent requests for
 * one published minutes open at most N pages and render once; more documents than pages wait for a
 * page; a full queue answers 503 with Retry-After. The pages are counted in the browser itself, not
 * only by the pool's own counters. On SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/db/dataset/read-dataset.js';
import { createPdfRenderer, PdfBusyError, type PdfRenderer } from '../../src/documents/pdf/pdf-pool.js';
import { closePdfRenderer, openBrowserPages } from '../../src/documents/pdf/render-pdf.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';

const MEETING = readDataset('data/2024').meetings.find((m) => m.number === '2023/1')!.key;
const PAGES = 2;
const MB = 1024 * 1024;

/** The most pages open in the shared Chromium at any moment while `work` runs. */
async function peakPages<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await openBrowserPages());
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  try {
    return { result: await work(), peak };
  } finally {
    sampling = false;
    await sampler;
    peak = Math.max(peak, await openBrowserPages());
  }
}

/**
 * Published minutes to start from. The way there (check, approval at the next meeting, publication)
 * has its own test, test/meetings/meeting-workflow.test.ts; here the state is set as it would end.
 */
async function publish(t: TestApp) {
  await t.database.db.updateTable('meetings').set({ minutes_status: 'published' }).where('key', '=', MEETING).execute();
}

afterAll(async () => closePdfRenderer());

describe.each(DIALECTS)('published minutes as PDF under load on %s', (dialect) => {
  let t: TestApp;
  let pool: PdfRenderer;

  beforeAll(async () => {
    pool = createPdfRenderer({ pages: PAGES, queue: 100, queueWaitMs: 120_000, cacheBytes: 64 * MB });
    t = await createTestApp(dialect, { pdf: pool });
    await publish(t);
  }, 60_000);
  afterAll(async () => t?.close());

  const minutesPdf = (lang = 'fi') =>
    t.app.inject({ method: 'GET', url: `/api/v1/meetings/${MEETING}/minutes/pdf?lang=${lang}` });

  it('answers 60 concurrent anonymous requests with one rendering and at most N pages open', async () => {
    const { result: answers, peak } = await peakPages(() =>
      Promise.all(Array.from({ length: 60 }, () => minutesPdf())),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(60).fill(200));
    const first = answers[0]!.rawPayload;
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    for (const answer of answers) expect(answer.rawPayload.equals(first)).toBe(true);
    expect(pool.stats().renderings).toBe(1);
    expect(peak).toBeGreaterThanOrEqual(1);
    expect(peak).toBeLessThanOrEqual(PAGES);
    expect(pool.stats().peakRendering).toBeLessThanOrEqual(PAGES);

    // Asked again later, it comes from the cache; in the other language it is another document.
    expect((await minutesPdf()).rawPayload.equals(first)).toBe(true);
    expect(pool.stats().renderings).toBe(1);
    const swedish = await minutesPdf('sv');
    expect(swedish.statusCode).toBe(200);
    expect(swedish.rawPayload.equals(first)).toBe(false);
    expect(pool.stats().renderings).toBe(2);
  }, 120_000);
});

describe('the PDF pool', () => {
  const page = (n: number) =>
    `<!doctype html><html><body><h1>Asiakirja ${n}</h1><p>${'teksti '.repeat(50)}</p></body></html>`;
  const options = { title: 'Testi', language: 'fi' };

  it('renders more documents than it has pages by letting the rest wait, never more than N at once', async () => {
    const pool = createPdfRenderer({ pages: PAGES, queue: 100, queueWaitMs: 120_000, cacheBytes: 64 * MB });
    const { result, peak } = await peakPages(() =>
      Promise.all(Array.from({ length: 6 }, (_, n) => pool.render(page(n), options))),
    );
    expect(result.every((pdf) => pdf.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    expect(pool.stats()).toMatchObject({ renderings: 6, rendering: 0, waiting: 0, refused: 0 });
    expect(peak).toBeLessThanOrEqual(PAGES);
    expect(pool.stats().peakRendering).toBe(PAGES);
  }, 120_000);

  it('keeps what it rendered by content, within its bytes: a changed document renders again', async () => {
    const pool = createPdfRenderer({ pages: 1, queue: 10, queueWaitMs: 60_000, cacheBytes: 64 * MB });
    const once = await pool.render(page(100), options);
    expect((await pool.render(page(100), options)).equals(once)).toBe(true);
    expect(pool.stats()).toMatchObject({ renderings: 1, cacheHits: 1 });
    await pool.render(page(101), options);
    await pool.render(page(100), { ...options, title: 'Toinen otsikko' });
    expect(pool.stats().renderings).toBe(3);

    // A cache smaller than two files keeps only the latest.
    const small = createPdfRenderer({ pages: 1, queue: 10, queueWaitMs: 60_000, cacheBytes: once.length + 100 });
    await small.render(page(100), options);
    await small.render(page(101), options);
    await small.render(page(100), options);
    expect(small.stats().renderings).toBe(3);
    expect(small.stats().cachedBytes).toBeLessThanOrEqual(once.length + 100);
  }, 120_000);

  it('refuses beyond its queue at once, with a time to retry; the one that waited gets its page', async () => {
    const pool = createPdfRenderer({ pages: 1, queue: 1, queueWaitMs: 60_000, cacheBytes: 0 });
    const outcomes = await Promise.allSettled([200, 201, 202].map((n) => pool.render(page(n), options)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const reason = (outcomes[2] as PromiseRejectedResult).reason as PdfBusyError;
    expect(reason).toBeInstanceOf(PdfBusyError);
    expect(reason.retryAfterSeconds).toBe(60);
    expect(pool.stats()).toMatchObject({ renderings: 2, refused: 1, rendering: 0, waiting: 0 });
  }, 120_000);

  it('refuses a request that waited its whole time for a page', async () => {
    const pool = createPdfRenderer({ pages: 1, queue: 5, queueWaitMs: 1, cacheBytes: 0 });
    const outcomes = await Promise.allSettled([300, 301].map((n) => pool.render(page(n), options)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(PdfBusyError);
    expect(pool.stats()).toMatchObject({ renderings: 1, refused: 1, rendering: 0, waiting: 0 });
  }, 120_000);
});

describe('a busy PDF renderer over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', {
      pdf: createPdfRenderer({ pages: 1, queue: 0, queueWaitMs: 5_000, cacheBytes: 0 }),
    });
    await publish(t);
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers 503 with Retry-After as a problem document in the language asked', async () => {
    const answers = await Promise.all(
      ['fi', 'sv'].map((lang) =>
        t.app.inject({
          method: 'GET',
          url: `/api/v1/meetings/${MEETING}/minutes/pdf?lang=${lang}`,
          headers: { 'accept-language': 'en' },
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 503]);
    const busy = answers.find((a) => a.statusCode === 503)!;
    expect(busy.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(busy.headers['retry-after']).toBe('5');
    expect(busy.json()).toMatchObject({ status: 503, title: 'Service unavailable' });
    expect(busy.json().detail).toMatch(/documents/);
  }, 120_000);
});
