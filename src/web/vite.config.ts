/**
 * Vite builds the web application from src/web into dist/web, which the server serves
 * (src/server/modules/web). `npm run dev` runs Vite as middleware inside that server (one port, so
 * the API needs no proxy).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // The manifest lets `npm run size` find what the first page loads.
    manifest: true,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  server: {
    // The map's TopoJSON lives in data/geo, outside the web root; node_modules may be a link elsewhere.
    fs: { allow: [repoRoot, realpathSync(`${repoRoot}/node_modules`)] },
  },
});
