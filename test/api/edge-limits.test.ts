/**
 * The limits at the edge (issue 12, item 5): the general rate limit per client address, body limits
 * per route, compression of what is not compressed yet, and the timeouts that cut off a slow client
 * on a real listening server. None of it reaches a handler or writes anything. On SQLite and, with
 * TEST_DATABASE_URL, on PostgreSQL.
 */
import { connect, type Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../src/server/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, type Session } from '../helpers/actors.js';
import { DIALECTS } from '../helpers/databases.js';

const LIMIT = 8;

describe.each(DIALECTS)('the general rate limit on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect, { edge: { trustProxy: 1, rateLimit: { max: LIMIT, windowMs: 60_000 } } });
    await ensureUser(t.database.db, 'edge-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'edge-admin'); // one request of the admin's address (127.0.0.1)
  }, 60_000);
  afterAll(async () => t?.close());

  const from = (address: string, url = '/api/v1/themes', language = 'fi') =>
    t.app.inject({ method: 'GET', url, headers: { 'x-forwarded-for': address, 'accept-language': language } });

  it('answers 429 with Retry-After as a problem document in the language asked, past the limit', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await from('198.51.100.1')).statusCode).toBe(200);
    const refused = await from('198.51.100.1', '/api/v1/themes', 'sv');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json()).toMatchObject({ status: 429, title: 'För många förfrågningar', instance: '/api/v1/themes' });
    // Unknown addresses are counted too: a client cannot scan its way past the limit.
    expect((await from('198.51.100.1', '/api/v1/no-such-thing')).statusCode).toBe(429);
  });

  it('counts each client address on its own, and never the health checks', async () => {
    expect((await from('198.51.100.2')).statusCode).toBe(200);
    for (let i = 0; i < LIMIT + 5; i++) expect((await from('198.51.100.1', '/health/live')).statusCode).toBe(200);
  });

  it('refuses a write over the limit before it reaches the handler: nothing is written', async () => {
    const write = (key: string) =>
      as(t.app, admin, {
        method: 'POST',
        url: '/api/v1/organisations',
        payload: { key, name: { fi: `Rajoitettu ${key}` } },
      });
    const audit = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const answers: number[] = [];
    for (let i = 0; i < LIMIT; i++) answers.push((await write(`edge-rajattu-${i}`)).statusCode);
    expect(answers.filter((status) => status === 201).length).toBe(LIMIT - 1); // the sign-in was one
    expect(answers.at(-1)).toBe(429);
    const before = await audit();
    const refused = await write('edge-rajattu-yli');
    expect(refused.statusCode).toBe(429);
    expect(await audit()).toBe(before);
    const stored = await t.database.db
      .selectFrom('organisations')
      .select('key')
      .where('key', '=', 'edge-rajattu-yli')
      .executeTakeFirst();
    expect(stored).toBeUndefined();
  });
});

describe.each(DIALECTS)('body limits on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'edge-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'edge-admin');
  }, 60_000);
  afterAll(async () => t?.close());

  const createOrganisation = (key: string, name: string) =>
    as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/organisations',
      payload: { key, name: { fi: name } },
      headers: { 'accept-language': 'en' },
    });

  it('answers a body over the limit 413 as a problem document and writes nothing', async () => {
    const count = async (table: 'audit_log' | 'organisations') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [audit, organisations] = [await count('audit_log'), await count('organisations')];
    const response = await createOrganisation('edge-liian-iso', 'x'.repeat(DEFAULT_BODY_LIMIT + 1));
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      status: 413,
      title: 'Request too large',
      errors: [{ name: 'body', reason: `at most ${DEFAULT_BODY_LIMIT} bytes` }],
    });
    expect([await count('audit_log'), await count('organisations')]).toEqual([audit, organisations]);
    // The same write, small, goes through: the refusal was the size alone.
    expect((await createOrganisation('edge-pieni', 'Pieni')).statusCode).toBe(201);
    expect(await count('organisations')).toBe(organisations + 1);
  });

  it('lets the review import take a file far over the default limit (its own limit is larger)', async () => {
    const response = await as(t.app, admin, {
      method: 'POST',
      url: '/api/v1/reporting-periods/no-such-period/imports/preview',
      payload: { content: 'x'.repeat(2 * 1024 * 1024), filename: 'katsaus.txt' },
    });
    expect(response.statusCode).not.toBe(413);
    expect(response.statusCode).toBeLessThan(500);
  });
});

describe('compression', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  }, 60_000);
  afterAll(async () => t?.close());

  it('compresses an uncached JSON answer with Brotli or gzip, as the client accepts', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/v1/organisations?limit=100' });
    const br = await t.app.inject({
      method: 'GET',
      url: '/api/v1/organisations?limit=100',
      headers: { 'accept-encoding': 'br' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
  });

  it('compresses the streamed export as it goes, and it is whole', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/export',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
    const dataset = JSON.parse(gunzipSync(response.rawPayload).toString());
    expect(dataset.themes.length).toBe(12);
  });

  it('sends a cached answer gzip-compressed once, not twice', async () => {
    const url = '/api/v1/themes';
    const first = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    const second = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    for (const response of [first, second]) {
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(JSON.parse(gunzipSync(response.rawPayload).toString()).items.length).toBe(12);
      expect(
        String(response.headers.vary)
          .toLowerCase()
          .match(/accept-encoding/g),
      ).toHaveLength(1);
    }
  });
});

/** A raw socket to the server: what a slow (or malicious) client does, byte by byte. */
function rawClient(port: number) {
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  socket.on('data', (chunk) => (received += chunk.toString()));
  socket.on('error', () => {}); // a reset is one of the ways of being cut off
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now())));
  return { socket, closed, received: () => received, opened: performance.now() };
}

describe('timeouts on a real listening server', () => {
  let t: TestApp;
  let port: number;
  const timeouts = { headersMs: 600, requestMs: 1_500, connectionMs: 5_000, keepAliveMs: 400 };

  beforeAll(async () => {
    t = await createTestApp('sqlite', { edge: { timeouts } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    port = (t.app.server.address() as { port: number }).port;
  }, 60_000);
  afterAll(async () => t?.close());

  it('cuts off a client that sends its headers slowly', async () => {
    const client = rawClient(port);
    client.socket.write('GET /api/v1/themes HTTP/1.1\r\nHost: localhost\r\n');
    // One header byte every 100 ms: it never finishes, and it never goes quiet.
    const drip = setInterval(() => client.socket.writable && client.socket.write('X'), 100);
    const cutAfter = (await client.closed) - client.opened;
    clearInterval(drip);
    expect(cutAfter).toBeGreaterThanOrEqual(timeouts.headersMs - 50);
    expect(cutAfter).toBeLessThan(timeouts.headersMs + 1_500);
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off a client that sends its body slowly', async () => {
    const client = rawClient(port);
    client.socket.write(
      'POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const drip = setInterval(() => client.socket.writable && client.socket.write(' '), 100);
    const cutAfter = (await client.closed) - client.opened;
    clearInterval(drip);
    expect(cutAfter).toBeGreaterThanOrEqual(timeouts.requestMs - 50);
    expect(cutAfter).toBeLessThan(timeouts.requestMs + 1_500);
    const attempts = await t.database.db.selectFrom('sign_in_throttle').selectAll().execute();
    expect(attempts).toEqual([]);
  });

  it('closes an idle keep-alive connection after its timeout, and a quick client is served', async () => {
    const client = rawClient(port);
    client.socket.write('GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n');
    const cutAfter = (await client.closed) - client.opened;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(cutAfter).toBeLessThan(timeouts.keepAliveMs + 1_500);
  });
});
