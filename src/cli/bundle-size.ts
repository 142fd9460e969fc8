/**
 * `npm run size`: what the first page costs. Reads Vite's manifest in dist/web and adds up, gzipped,
 * the JavaScript the browser must load before the overview shows: the entry and every chunk it
 * imports statically, and the Finnish words of the overview (other pages and languages load later). Fails above
 * the budget, so that the number in docs/performance.md stays true.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const FIRST_PAGE_BUDGET_BYTES = 250 * 1024;

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

export type FirstPageSize = {
  files: { file: string; bytes: number; gzipBytes: number }[];
  bytes: number;
  gzipBytes: number;
  cssGzipBytes: number;
};

export function measureFirstPage(webRoot = resolve('dist/web')): FirstPageSize {
  const manifest = JSON.parse(readFileSync(join(webRoot, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const entry = Object.entries(manifest).find(([, chunk]) => chunk.isEntry);
  if (!entry) throw new Error('The manifest has no entry chunk');
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`The manifest lacks ${key}`);
    for (const file of chunk.css ?? []) css.add(file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry[0]);
  // The overview's words in Finnish, loaded at once on the first page: counted too.
  for (const key of ['locales/fi/common.json', 'locales/fi/overview.json']) if (manifest[key]) visit(key);
  const files = [...seen].map((key) => {
    const content = readFileSync(join(webRoot, manifest[key]!.file));
    return { file: manifest[key]!.file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const cssGzipBytes = [...css].reduce(
    (total, file) => total + gzipSync(readFileSync(join(webRoot, file)), { level: 9 }).length,
    0,
  );
  return {
    files,
    bytes: files.reduce((total, f) => total + f.bytes, 0),
    gzipBytes: files.reduce((total, f) => total + f.gzipBytes, 0),
    cssGzipBytes,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const size = measureFirstPage();
  for (const file of size.files)
    console.log(`  ${file.file.padEnd(48)} ${kb(file.bytes).padStart(10)}  gzip ${kb(file.gzipBytes).padStart(9)}`);
  console.log(
    `First page JavaScript: ${kb(size.bytes)}, gzipped ${kb(size.gzipBytes)} (budget ${kb(FIRST_PAGE_BUDGET_BYTES)}); CSS gzipped ${kb(size.cssGzipBytes)}`,
  );
  if (size.gzipBytes > FIRST_PAGE_BUDGET_BYTES) {
    console.error('Over budget.');
    process.exitCode = 1;
  }
}
