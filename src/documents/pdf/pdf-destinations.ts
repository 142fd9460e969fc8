/**
 * Reads, never writes: on which page each named destination of a Chromium (Skia) PDF lies. Chromium
 * turns every `<a href="#id">` target into a named destination in the catalogue's /Dests dictionary
 * (`/teema-3 [40 0 R /XYZ …]`); with the page tree's order that gives the page number of the element
 * with that id. Used to fill a contents' page references on a second rendering (render-pdf.ts).
 *
 * Only the plain object syntax Skia writes is understood (no object streams, no name trees); for
 * anything else the answer is an empty map and the contents simply go without page numbers.
 */
export function namedDestinationPages(pdf: Buffer): Map<string, number> {
  const text = pdf.toString('latin1');
  const bodies = new Map<number, string>();
  const objectStart = /(\d+) 0 obj\s*/g;
  for (let match = objectStart.exec(text); match; match = objectStart.exec(text)) {
    const from = match.index + match[0].length;
    if (!text.startsWith('<<', from)) continue;
    const end = text.indexOf('endobj', from);
    const stream = text.indexOf('stream', from);
    bodies.set(Number(match[1]), text.slice(from, stream !== -1 && stream < end ? stream : end));
  }
  const catalog = [...bodies.values()].find((body) => /\/Type\s*\/Catalog\b/.test(body));
  const pagesRoot = catalog && /\/Pages\s+(\d+)\s+0\s+R/.exec(catalog);
  const destsRef = catalog && /\/Dests\s+(\d+)\s+0\s+R/.exec(catalog);
  if (!pagesRoot || !destsRef) return new Map();

  const pageNumber = new Map<number, number>();
  const walk = (id: number, depth: number) => {
    const body = bodies.get(id);
    if (!body || depth > 50) return;
    if (/\/Type\s*\/Pages\b/.test(body)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(Number(kid[1]), depth + 1);
    } else if (/\/Type\s*\/Page\b/.test(body)) pageNumber.set(id, pageNumber.size + 1);
  };
  walk(Number(pagesRoot[1]), 0);

  const pages = new Map<string, number>();
  for (const dest of (bodies.get(Number(destsRef[1])) ?? '').matchAll(/\/([^\s[\]/<>()]+)\s*\[\s*(\d+)\s+0\s+R/g)) {
    const page = pageNumber.get(Number(dest[2]));
    const name = dest[1]!.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (page !== undefined) pages.set(name, page);
  }
  return pages;
}
