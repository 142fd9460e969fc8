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
import { namedDestinationPages } from './pdf-destinations.js';

export type PdfOptions = {
  /** Shown in the PDF's metadata and the reader's title bar; also set as the HTML <title>. */
  title: string;
  /** BCP 47 language of the document, e.g. 'fi' or 'sv'; set on <html lang>. */
  language: string;
  /**
   * Fill page references: every element with `data-page-of="id"` gets the page number on which the
   * element with that id begins (the contents). Costs a second rendering: the first finds the pages
   * (pdf-destinations.ts), the second prints them. The references must keep their width (a fixed-width
   * cell), so that filling them moves nothing.
   */
  pageReferences?: boolean;
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
  if (!options.pageReferences) return printPage(html, options, null);
  // The second rendering on a page of its own: printing a page twice doubles its bookmarks' text.
  const pages = Object.fromEntries(namedDestinationPages(await printPage(html, options, null)));
  return printPage(html, options, pages);
}

async function printPage(html: string, options: PdfOptions, pages: Record<string, number> | null): Promise<Buffer> {
  const page = await (await browser()).newPage();
  try {
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(
      ({ title, language, found }) => {
        document.title = title;
        document.documentElement.lang = language;
        for (const reference of document.querySelectorAll<HTMLElement>('[data-page-of]')) {
          const number = found?.[reference.dataset.pageOf ?? ''];
          if (number !== undefined) reference.textContent = String(number);
        }
      },
      { title: options.title, language: options.language, found: pages },
    );
    // Web fonts load when first used (unicode-range faces): print only once they are in, else the
    // text laid out again with them is collected twice into the bookmarks ("2 § Title2 § Title").
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    // The page size and margins of the document's own @page rule win (its margin boxes carry the
    // page numbers); the margins here hold for a document without one.
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      tagged: true,
      outline: true,
      preferCSSPageSize: true,
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
