/**
 * The server's PDF renderer: a bounded pool over the one Chromium, with a cache of finished files.
 *
 * Chromium is the costliest thing the server does (a page takes about 100 MB and a core for a
 * moment), and every PDF request used to open a page of its own: 30 anonymous requests for one
 * published minutes took both cores and 1.6 GB. Here at most `pages` render at once; up to `queue`
 * more wait at most `queueWaitMs` for a page, and anything beyond gets `PdfBusyError` (503 with
 * Retry-After), so the server stays answerable under a burst.
 *
 * A rendered file is kept by what it was rendered from (the HTML, title and language: the document's
 * exact version), in a least-recently-used cache bounded in bytes. Requests for a file that is being
 * rendered wait for that rendering instead of starting their own, so the same published minutes are
 * rendered once however many ask at once, and once more only after they change.
 */
import { createHash } from 'node:crypto';
import type { PdfPoolConfig } from '../../config/env.js';
import { renderPdf, renderPng, type PdfOptions } from './render-pdf.js';

export class PdfBusyError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('every PDF page is busy and the queue is full');
    this.name = 'PdfBusyError';
  }
}

export type PdfStats = {
  /** Renderings started in Chromium since the renderer was made. */
  renderings: number;
  /** Answers served from the cache, and answers that waited for a rendering already running. */
  cacheHits: number;
  sharedRenderings: number;
  /** Pages rendering now, the most at any moment, requests waiting for a page, requests refused. */
  rendering: number;
  peakRendering: number;
  waiting: number;
  refused: number;
  cachedBytes: number;
};

export type PdfRenderer = {
  render(html: string, options: PdfOptions): Promise<Buffer>;
  /** A self-contained SVG as a PNG, on the same bounded pages and cache (key-figure charts). */
  renderPng(svg: string): Promise<Buffer>;
  stats(): PdfStats;
  /** Refuses the requests still waiting (at shutdown); renderings under way finish. */
  close(): void;
};

export const DEFAULT_PDF_POOL: PdfPoolConfig = {
  pages: 2,
  queue: 20,
  queueWaitMs: 20_000,
  cacheBytes: 64 * 1024 * 1024,
};

type Waiter = { start: () => void; refuse: (error: Error) => void };

export function createPdfRenderer(config: PdfPoolConfig = DEFAULT_PDF_POOL): PdfRenderer {
  const cache = new Map<string, Buffer>(); // insertion order: re-inserted on a hit, oldest first out
  const running = new Map<string, Promise<Buffer>>();
  const waiters: Waiter[] = [];
  const stats: PdfStats = {
    renderings: 0,
    cacheHits: 0,
    sharedRenderings: 0,
    rendering: 0,
    peakRendering: 0,
    waiting: 0,
    refused: 0,
    cachedBytes: 0,
  };
  const retryAfter = Math.max(1, Math.ceil(config.queueWaitMs / 1000));
  const refuse = () => {
    stats.refused += 1;
    return new PdfBusyError(retryAfter);
  };

  /** A page to render on: now, after a wait in the queue, or a refusal. */
  const acquire = async (): Promise<void> => {
    if (stats.rendering < config.pages) {
      stats.rendering += 1;
      stats.peakRendering = Math.max(stats.peakRendering, stats.rendering);
      return;
    }
    if (waiters.length >= config.queue) throw refuse();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        // The page is handed over by `release`, which leaves `rendering` as it is.
        start: () => {
          clearTimeout(timer);
          resolve();
        },
        refuse: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        stats.waiting = waiters.length;
        reject(refuse());
      }, config.queueWaitMs);
      waiters.push(waiter);
      stats.waiting = waiters.length;
    });
  };

  const release = () => {
    const next = waiters.shift();
    stats.waiting = waiters.length;
    if (next) next.start();
    else stats.rendering -= 1;
  };

  const keep = (key: string, pdf: Buffer) => {
    if (pdf.length > config.cacheBytes) return;
    cache.set(key, pdf);
    stats.cachedBytes += pdf.length;
    for (const [oldest, file] of cache) {
      if (stats.cachedBytes <= config.cacheBytes) break;
      cache.delete(oldest);
      stats.cachedBytes -= file.length;
    }
  };

  const renderOnce = async (key: string, draw: () => Promise<Buffer>): Promise<Buffer> => {
    await acquire();
    try {
      stats.renderings += 1;
      const pdf = await draw();
      keep(key, pdf);
      return pdf;
    } finally {
      release();
    }
  };

  const cachedOrRendered = (key: string, draw: () => Promise<Buffer>): Promise<Buffer> => {
    const kept = cache.get(key);
    if (kept) {
      cache.delete(key);
      cache.set(key, kept);
      stats.cacheHits += 1;
      return Promise.resolve(kept);
    }
    const already = running.get(key);
    if (already) {
      stats.sharedRenderings += 1;
      return already;
    }
    const rendering = renderOnce(key, draw);
    running.set(key, rendering);
    const forget = () => running.delete(key);
    rendering.then(forget, forget);
    return rendering;
  };

  return {
    render(html, options) {
      const key = createHash('sha256')
        .update(JSON.stringify([options.title, options.language, options.pageReferences ?? false]))
        .update('\n')
        .update(html)
        .digest('hex');
      return cachedOrRendered(key, () => renderPdf(html, options));
    },
    renderPng(svg) {
      const key = createHash('sha256').update('png\n').update(svg).digest('hex');
      return cachedOrRendered(key, () => renderPng(svg));
    },
    stats: () => ({ ...stats }),
    close() {
      for (const waiter of waiters.splice(0)) waiter.refuse(refuse());
      stats.waiting = 0;
    },
  };
}
