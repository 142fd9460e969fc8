/**
 * The web application, served by the same server as the API. Two ways:
 * - built (`npm start`): the files of dist/web, with the hashed assets cached for good and every
 *   page address of a language (/fi/…, /sv/…, /en/…) answered with index.html, which the app routes;
 *   an address that is none of the app's pages (src/contracts/web-pages.ts) gets the same page, which
 *   then shows "page not found", with the status 404, so that links checkers and search engines know;
 * - development (`npm run dev`): Vite in middleware mode on the same port, with hot reload.
 * Everything under /api stays the API's, and an unknown /api address is still a problem document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import { projectPath } from '../../../config/paths.js';
import { isPageAddress, WEB_LANGUAGES } from '../../../contracts/web-pages.js';

export const DEFAULT_WEB_ROOT = projectPath('dist/web');
export const WEB_SOURCE = projectPath('src/web');
const VITE_CONFIG = join(WEB_SOURCE, 'vite.config.ts');

export type WebApp = { kind: 'static'; root: string } | { kind: 'vite' };

const hidden = { schema: { hide: true } };

/**
 * The page addresses the app answers: "/", "/fi", "/fi/…" and the same in sv and en; 404 for those
 * that are none of its pages. The document's language is the address's, before any script runs.
 */
function registerPageRoutes(
  app: FastifyInstance,
  sendPage: (url: string, reply: FastifyReply) => Promise<string> | string,
): void {
  app.get('/', hidden, (_request, reply) => reply.redirect('/fi/'));
  const answer = async (url: string, language: string, reply: FastifyReply) => {
    const html = (await sendPage(url, reply)).replace(/<html lang="[a-z]+">/, `<html lang="${language}">`);
    return reply
      .code(isPageAddress(url.split('?')[0] ?? '') ? 200 : 404)
      .type('text/html; charset=utf-8')
      .send(html);
  };
  for (const language of WEB_LANGUAGES) {
    app.get(`/${language}`, hidden, (request, reply) => answer(request.url, language, reply));
    app.get(`/${language}/*`, hidden, (request, reply) => answer(request.url, language, reply));
  }
}

export async function registerWebApp(app: FastifyInstance, web: WebApp): Promise<void> {
  if (web.kind === 'static') return registerBuiltApp(app, web.root);
  return registerViteMiddleware(app);
}

async function registerBuiltApp(app: FastifyInstance, root: string): Promise<void> {
  const index = readFileSync(join(root, 'index.html'), 'utf8');
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // Only the files that exist at start get routes, so other addresses fall to the not-found handler.
    wildcard: false,
    index: false,
    globIgnore: ['index.html', '.vite/**'],
    // Our own Cache-Control below, not the plugin's.
    cacheControl: false,
    setHeaders: (response, path) => {
      // File names under assets/ carry a content hash: a new build is a new name.
      response.setHeader(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      );
    },
  });
  registerPageRoutes(app, (url, reply) => {
    reply.header('cache-control', 'no-cache');
    return pageShell(index, url);
  });
}

async function registerViteMiddleware(app: FastifyInstance): Promise<void> {
  // Vite is a development dependency: loaded only here.
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: VITE_CONFIG,
    server: { middlewareMode: true, hmr: { server: app.server } },
    appType: 'custom',
  });
  app.addHook('onClose', () => vite.close());
  // Vite's own addresses (modules, /@vite/client, assets): handed to its middleware before routing.
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      path.startsWith('/api/') ||
      path === '/' ||
      WEB_LANGUAGES.some((l) => path === `/${l}` || path.startsWith(`/${l}/`))
    )
      return;
    const handled = await new Promise<boolean>((done) => {
      reply.raw.on('finish', () => done(true));
      vite.middlewares(request.raw, reply.raw, () => done(false));
    });
    if (handled) reply.hijack();
  });
  registerPageRoutes(app, async (url) =>
    pageShell(await vite.transformIndexHtml(url, readFileSync(join(WEB_SOURCE, 'index.html'), 'utf8')), url),
  );
  // Development only: hot reload needs React Refresh's inline preamble and Vite's websocket, which
  // the production policy (plugins/security-headers.ts) rightly refuses. Runs after that hook.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) {
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; frame-ancestors 'none'",
      );
    }
    return payload;
  });
}

/**
 * index.html as the shell of one page address: `<html lang>` is the address's language and the
 * service's name and the loading line before the script has run are in that language only (all
 * three at "/", which redirects). So a slow first load shows "Temauppföljning" and "Laddar…" on a
 * Swedish page.
 */
export function pageShell(html: string, url: string): string {
  const language = WEB_LANGUAGES.find((l) => url === `/${l}` || url.startsWith(`/${l}/`) || url.startsWith(`/${l}?`));
  if (!language) return html;
  return html
    .replace(/<html lang="[a-z]+">/, `<html lang="${language}">`)
    .replace(/\s*<p [^>]*data-shell-lang="([a-z]+)"[^>]*>[^<]*<\/p>/g, (line, lang: string) =>
      lang === language ? line : '',
    );
}

/** Builds the web application into `outDir` with the project's Vite configuration. */
export async function buildWebApp(outDir = DEFAULT_WEB_ROOT): Promise<void> {
  const { build } = await import('vite');
  // Vite takes React's build flavour from NODE_ENV when it is set (Vitest sets "test"): without this
  // the tests would build, measure and drive React's slower, larger development build.
  /* eslint-disable no-restricted-properties -- not a setting read: NODE_ENV is set for Vite, which reads it */
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: VITE_CONFIG,
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
    /* eslint-enable no-restricted-properties */
  }
}

/** dist/web when it has been built, else null. */
export function builtWebRoot(root = DEFAULT_WEB_ROOT): string | null {
  return existsSync(join(root, 'index.html')) ? root : null;
}
