/**
 * HTML to a tagged, bookmarked PDF. Chromium builds the tag tree from semantic HTML (headings,
 * lists, tables with headers) and the bookmarks from the headings, so screen readers can navigate
 * the file. Do not post-process the result with a PDF library: that drops the tags.
 *
 * The HTML must be self-contained (inline styles, embedded fonts): the page is loaded with
 * `setContent` and every network request is refused, so a document can never fetch anything.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.js';

export type PdfOptions = {
  /** Shown in the PDF's metadata and the reader's title bar; also set as the HTML <title>. */
  title: string;
  /** BCP 47 language of the document, e.g. 'fi' or 'sv'; set on <html lang>. */
  language: string;
};

let shared: Promise<Browser> | null = null;

/**
 * One browser for the process, started on first use; pages are cheap, browsers are not. A browser
 * that crashed or was closed is forgotten, so the next rendering starts a new one.
 */
function browser(): Promise<Browser> {
  if (!shared) {
    const launching = launchChromium();
    shared = launching;
    launching.then(
      (started) =>
        started.on('disconnected', () => {
          if (shared === launching) shared = null;
        }),
      () => {
        if (shared === launching) shared = null;
      },
    );
  }
  return shared;
}

/** Pages open in the shared browser right now (every rendering has its own page), for tests. */
export async function openBrowserPages(): Promise<number> {
  if (!shared) return 0;
  const current = await shared;
  return current.contexts().reduce((sum, context) => sum + context.pages().length, 0);
}

/** Renders one PDF on a page of its own, unbounded: the server goes through `createPdfRenderer`. */
export async function renderPdf(html: string, options: PdfOptions): Promise<Buffer> {
  const page = await (await browser()).newPage();
  try {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(({ title, language }) => {
      document.title = title;
      document.documentElement.lang = language;
    }, options);
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      margin: { top: '20mm', bottom: '20mm', left: '20mm', right: '20mm' },
    });
  } finally {
    await page.close();
  }
}

/**
 * A self-contained SVG drawn at twice its size as a PNG, on a page of its own with every request
 * refused, like a PDF; the server goes through `createPdfRenderer` (bounded, cached).
 */
export async function renderPng(svg: string): Promise<Buffer> {
  const size = /<svg[^>]*\swidth="(\d+)"[^>]*\sheight="(\d+)"/.exec(svg);
  const width = size ? Number(size[1]) : 960;
  const height = size ? Number(size[2]) : 540;
  const page = await (await browser()).newPage({ viewport: { width, height }, deviceScaleFactor: 2 });
  try {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`, { waitUntil: 'load' });
    return await page.locator('svg').first().screenshot({ type: 'png' });
  } finally {
    await page.close();
  }
}

/** Closes the shared browser (tests and a clean shutdown). */
export async function closePdfRenderer(): Promise<void> {
  const current = shared;
  shared = null;
  if (current) await (await current).close();
}
