#!/usr/bin/env node
/**
 * `npm start` (= `node scripts/start.mjs serve`) and `npm run cli -- <command>`: runs the built
 * server and command line (dist/server/main.js) in this same process, building first only what is
 * missing or older than its sources, so that `npm install && npm start` works on a fresh clone and
 * a deployed, built install starts without any build tool. The web application is checked only for
 * `serve`; the other commands do not need it.
 */
import { pathToFileURL } from 'node:url';
import { build, SERVER_OUT, staleParts } from './build.mjs';

const command = process.argv[2] ?? 'help';
const stale = staleParts(command === 'serve' ? ['server', 'web'] : ['server']);
if (stale.length > 0) {
  // Standard error: `npm run cli -- export` writes its data to standard output.
  console.error(`Building ${stale.join(' and ')}: dist/ is missing or older than the sources (npm run build)…`);
  try {
    await build(stale);
  } catch (error) {
    if (error?.code === 'ERR_MODULE_NOT_FOUND') {
      console.error(
        `The build tools are not installed (a production install?): build before pruning, ` +
          `npm ci && npm run build && npm prune --omit=dev (docs/deployment.md).\n${error.message}`,
      );
      process.exit(1);
    }
    throw error;
  }
}
// The command line reads its command from process.argv.slice(2), which is ours unchanged.
await import(pathToFileURL(SERVER_OUT).href);
