#!/usr/bin/env node
/**
 * `npm run build`: the server and command line (src/ without src/web) bundled by esbuild into
 * dist/server/main.js, and the web application built by Vite into dist/web
 * (docs/decisions/0004-build-with-esbuild.md). `node scripts/build.mjs server` or `… web` builds one.
 *
 * Plain JavaScript, so that the start script (scripts/start.mjs) can use it without a TypeScript
 * loader. esbuild and Vite are development dependencies and are imported only when building: a
 * production install (`npm prune --omit=dev`) never loads them.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SERVER_OUT = join(ROOT, 'dist/server/main.js');
export const WEB_OUT = join(ROOT, 'dist/web/index.html');

/** What each output is made from: a newer file here means the output is stale. */
const SOURCES = {
  server: {
    paths: ['src', 'package.json', 'scripts/build.mjs', 'tsconfig.json'],
    skip: [join(ROOT, 'src/web')],
  },
  // The web app imports src/contracts and src/domain and the map's TopoJSON. Not package-lock.json,
  // though the web app bundles its packages: `npm prune` rewrites it, which would make a pruned
  // install look stale. After changing dependencies, `npm run build`.
  web: { paths: ['src/web', 'src/contracts', 'src/domain', 'data/geo'], skip: [] },
};

function newestMtime(path, skip) {
  if (skip.includes(path)) return 0;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry), skip));
  return newest;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

/** 'server' and/or 'web' when their output is missing or older than one of their sources. */
export function staleParts(parts = ['server', 'web']) {
  return parts.filter((part) => {
    const built = mtime(part === 'server' ? SERVER_OUT : WEB_OUT);
    const { paths, skip } = SOURCES[part];
    return built < 0 || paths.some((path) => newestMtime(join(ROOT, path), skip) > built);
  });
}

async function buildServer() {
  const { build } = await import('esbuild');
  // Chunks are named by their hash: without this, old ones would pile up.
  rmSync(dirname(SERVER_OUT), { recursive: true, force: true });
  await build({
    entryPoints: { main: join(ROOT, 'src/cli/main.ts') },
    outdir: dirname(SERVER_OUT),
    bundle: true,
    // A dynamic import() of our own module becomes a chunk of its own, so that what only a
    // document needs (docx, pptxgenjs) is loaded when the first one is asked for, not at start.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    // Packages stay in node_modules, loaded by Node as they are (native modules, fonts, Playwright).
    packages: 'external',
    // Node uses it with --enable-source-maps (docs/deployment.md); without, traces name the bundle.
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

async function buildWeb() {
  // Vite takes React's production build from NODE_ENV when it is set.
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({
    configFile: join(ROOT, 'src/web/vite.config.ts'),
    mode: 'production',
    logLevel: 'warn',
  });
}

export async function build(parts = ['server', 'web']) {
  for (const part of parts) {
    const started = performance.now();
    await (part === 'server' ? buildServer() : buildWeb());
    const out = relative(ROOT, part === 'server' ? SERVER_OUT : WEB_OUT);
    console.error(`built ${out} in ${Math.round(performance.now() - started)} ms`);
  }
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((part) => part !== 'server' && part !== 'web');
  if (unknown.length) {
    console.error(`Unknown part ${unknown.join(', ')}: node scripts/build.mjs [server] [web]`);
    process.exit(2);
  }
  await build(asked.length ? asked : undefined);
}
