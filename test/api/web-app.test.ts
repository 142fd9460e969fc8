/**
 * The server serves the built web application beside the API: page addresses of every language get
 * index.html (the app routes them), hashed assets are cached for good, and /api stays the API's,
 * with unknown API addresses still answered as problem documents.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_AUTH_CONFIG } from '../../src/config/env.js';
import { createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import type { FastifyInstance } from 'fastify';

const INDEX =
  '<!doctype html><html lang="fi"><head><script type="module" src="/assets/index-abc123.js"></script></head><body><div id="root"></div></body></html>';

describe('serving the web application', () => {
  let dir: string;
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    // A stand-in for dist/web: what is served does not depend on what the build put in it.
    dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), INDEX);
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    database = await createTestDatabase('sqlite', { dataset: false });
    app = await buildApp(
      { db: database.db, dialect: database.dialect, clock: () => new Date(), auth: DEFAULT_AUTH_CONFIG },
      { logLevel: 'silent', web: { kind: 'static', root: dir } },
    );
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  // An address that is none of the app's pages gets the app too (it shows its not-found page), as 404.
  it.each([
    ['/fi', 200],
    ['/fi/', 200],
    ['/sv/themes/lanupe', 200],
    ['/en/projects?theme=lanupe', 200],
    ['/fi/no/such/page', 404],
  ])('answers %s with the app (%i)', async (url, status) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(status);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.headers['cache-control']).toBe('no-cache');
    // The shell is index.html in the address's language (web-app.ts pageShell).
    expect(response.body).toBe(INDEX.replace('<html lang="fi">', `<html lang="${url.slice(1, 3)}">`));
  });

  it('sends / to the Finnish front page', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/fi/');
  });

  it('serves hashed assets with a long cache life', async () => {
    const response = await app.inject({ url: '/assets/index-abc123.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/favicon.svg' })).statusCode).toBe(200);
  });

  it('leaves /api to the API and other addresses to the not-found problem', async () => {
    expect((await app.inject({ url: '/api/v1/themes' })).statusCode).toBe(200);
    for (const url of ['/api/v1/no-such-thing', '/de/themes', '/assets/missing.js', '/index.html']) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['content-type']).toContain('application/problem+json');
    }
  });
});
