/**
 * The cache of public read answers (src/server/plugins/public-cache.ts) never serves an answer older
 * than the data: a write through the API, and a write straight into the database (as another app
 * server or the command line would make), are seen by the next read. ETags give 304s; a stored
 * answer is compressed for clients that accept gzip. On SQLite and, with TEST_DATABASE_URL, on
 * PostgreSQL.
 */
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ACTOR_ROLES, as, ensureUser, signIn, THEME, type Session } from '../helpers/actors.js';

describe.each(DIALECTS)('public read cache on %s', (dialect) => {
  let t: TestApp;
  let finance: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'cache-finance', ACTOR_ROLES.finance);
    finance = await signIn(t.app, 'cache-finance');
  });
  afterAll(() => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('answers a repeated read with the same body and ETag, and If-None-Match with 304', async () => {
    const first = await get(`/api/v1/themes/${THEME}`);
    const second = await get(`/api/v1/themes/${THEME}`);
    expect(first.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    const notModified = await get(`/api/v1/themes/${THEME}`, { 'if-none-match': String(first.headers.etag) });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
  });

  it('keeps languages apart', async () => {
    const fi = await get('/api/v1/themes', { 'accept-language': 'fi' });
    const en = await get('/api/v1/themes', { 'accept-language': 'en' });
    expect(fi.headers.etag).not.toBe(en.headers.etag);
    expect(en.body).toBe((await get('/api/v1/themes', { 'accept-language': 'en', 'cache-control': 'no-cache' })).body);
  });

  it('shows a write through the API on the next read', async () => {
    const project = await t.database.db
      .selectFrom('project_entities as e')
      .innerJoin('themes as th', 'th.id', 'e.theme_id')
      .select(['e.key', 'e.version'])
      .where('th.slug', '=', THEME)
      .orderBy('e.id')
      .executeTakeFirstOrThrow();
    const before = await get(`/api/v1/projects/${project.key}`);
    expect(before.statusCode).toBe(200);
    const written = await as(t.app, finance, {
      method: 'PATCH',
      url: `/api/v1/projects/${project.key}`,
      headers: { 'if-match': `"${project.version}"` },
      payload: { costEstimate: 123_456_789 },
    });
    expect(written.statusCode).toBe(200);
    const after = await get(`/api/v1/projects/${project.key}`);
    expect(after.json().costEstimate).toBe(123_456_789);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // The old ETag no longer matches: the client gets the new body, not a 304.
    expect(
      (await get(`/api/v1/projects/${project.key}`, { 'if-none-match': String(before.headers.etag) })).statusCode,
    ).toBe(200);
  });

  it('shows a write made straight into the database (another server, the command line) on the next read', async () => {
    const before = await get('/api/v1/themes');
    const theme = before.json().items[0];
    await t.database.db
      .updateTable('themes')
      .set({ short_name: 'Suoraan kantaan' })
      .where('slug', '=', theme.slug)
      .execute();
    // A read over the network arrives in a later turn of the event loop; inject would not, and
    // requests of one turn share one question for the version.
    await new Promise((resolve) => setImmediate(resolve));
    const after = await get('/api/v1/themes');
    expect(after.json().items[0].shortName).toBe('Suoraan kantaan');
  });

  it('sends a stored answer gzip-compressed to a client that accepts it', async () => {
    const plain = await get('/api/v1/themes');
    const compressed = await get('/api/v1/themes', { 'accept-encoding': 'gzip, deflate' });
    expect(compressed.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(compressed.rawPayload).toString('utf8')).toBe(plain.body);
  });
});
