/** Reading a workbook back in tests: the rows of a sheet as strings (shared or inline strings, numbers as written). */
import { inflateBounded } from '../../src/documents/zip-bounds.js';

export function sheetRows(xlsx: Buffer, sheet: number): string[][] {
  const zip = inflateBounded(xlsx);
  if ('reason' in zip) throw new Error(`not an xlsx: ${zip.reason}`);
  const xml = (name: string) => zip.entries.get(name)?.toString('utf8') ?? '';
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  const shared = [...xml('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join('')),
  );
  return [...xml(`xl/worksheets/sheet${sheet}.xml`).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: string[] = [];
    for (const [, attrs, inner = ''] of row[1]!.matchAll(/<c([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      // Cells without a value may be left out: place each by its column reference (A1, B1…).
      const ref = /r="([A-Z]+)\d+"/.exec(attrs!)?.[1];
      const index = ref ? [...ref].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1 : cells.length;
      while (cells.length < index) cells.push('');
      let value = '';
      if (/t="s"/.test(attrs!)) value = shared[Number(/<v>(\d+)<\/v>/.exec(inner)![1])]!;
      else {
        const t = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner) ?? /<v>([\s\S]*?)<\/v>/.exec(inner);
        value = t ? unescape(t[1]!) : '';
      }
      cells.push(value);
    }
    return cells;
  });
}

/**
 * The number format of each cell of a sheet (its style's format code, "" for General), in the same
 * shape as sheetRows: for checking that a number is shown as euros, a rounded one with "≈", a date
 * as a date.
 */
export function sheetFormats(xlsx: Buffer, sheet: number): string[][] {
  const zip = inflateBounded(xlsx);
  if ('reason' in zip) throw new Error(`not an xlsx: ${zip.reason}`);
  const xml = (name: string) => zip.entries.get(name)?.toString('utf8') ?? '';
  const styles = xml('xl/styles.xml');
  const codes = new Map<string, string>(
    [...styles.matchAll(/<numFmt [^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)].map((m) => [
      m[1]!,
      m[2]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
    ]),
  );
  // Built-in formats the writer may use: 14 is the locale's short date.
  codes.set('14', 'm/d/yyyy');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const formatOfStyle = [...xfs.matchAll(/<xf\b([^>]*)/g)].map(
    (m) => codes.get(/numFmtId="(\d+)"/.exec(m[1]!)?.[1] ?? '0') ?? '',
  );
  return [...xml(`xl/worksheets/sheet${sheet}.xml`).matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const formats: string[] = [];
    for (const [, attrs] of row[1]!.matchAll(/<c([^>]*?)(?:\/>|>[\s\S]*?<\/c>)/g)) {
      const ref = /r="([A-Z]+)\d+"/.exec(attrs!)?.[1];
      const index = ref ? [...ref].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1 : formats.length;
      while (formats.length < index) formats.push('');
      const style = /\bs="(\d+)"/.exec(attrs!)?.[1];
      formats.push(style === undefined ? '' : (formatOfStyle[Number(style)] ?? ''));
    }
    return formats;
  });
}
