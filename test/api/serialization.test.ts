/**
 * The one-pass serialiser (src/server/plugins/serialization.ts) says what the Zod parse said: for
 * every public read route, on real answers from the 2024 dataset on both databases, the answer sent
 * equals `JSON.stringify(schema.parse(answer))` of what the handler returned. Member order aside:
 * fast-json-stringify writes an object's required properties before its optional ones, and JSON
 * objects are unordered (RFC 8259), so both sides are compared with their keys sorted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { buildApp } from '../../src/server/app.js';
import { DEFAULT_AUTH_CONFIG } from '../../src/config/env.js';
import { compileResponseSerializer, responseJsonSchema } from '../../src/server/plugins/serialization.js';
import { ZContact } from '../../src/contracts/api.js';
import { DIALECTS, createTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { FIXED_NOW } from '../helpers/app.js';

/** The value with every object's keys in sorted order, so that two serialisations compare as text. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
  );
}

const canonical = (json: string) => JSON.stringify(sorted(JSON.parse(json)));

/** Query strings the list routes are asked with besides none. */
const LIST_QUERIES: Record<string, string[]> = {
  '/api/v1/projects': ['?limit=5', '?q=nuor', '?theme=lanupe', '?ministry=STM&status=running', '?year=2024&sort=-cost'],
  '/api/v1/organisations': ['?limit=5', '?q=kaupunki'],
  '/api/v1/calls': ['?theme=lanupe'],
  '/api/v1/search': ['?q=nuoret', '?q=hel'],
};

/** Public reads the test must have compared, so that a route renamed is not silently left out. */
const MUST_COVER = [
  '/api/v1/themes',
  '/api/v1/overview',
  '/api/v1/themes/:slug',
  '/api/v1/themes/:slug/figures',
  '/api/v1/projects',
  '/api/v1/projects/:key',
  '/api/v1/organisations',
  '/api/v1/organisations/:key',
  '/api/v1/calls',
  '/api/v1/calls/:key',
  '/api/v1/search',
];

describe('the one-pass serialiser', () => {
  it('writes required properties first, optional ones after, and no property outside the schema', () => {
    const schema = ZContact.extend({ id: ZContact.shape.name });
    const write = compileResponseSerializer(schema);
    const answer = {
      role: 'financier',
      name: 'N',
      title: null,
      organisation: null,
      ministry: null,
      email: null,
      phone: null,
      validFrom: '1.4.2025 lähtien',
      id: 'x',
      secret: 'not in the contract',
    };
    const text = write(answer);
    expect(text).not.toContain('secret');
    expect(canonical(text)).toBe(canonical(JSON.stringify(schema.parse(answer))));
  });

  it('refuses an answer without a required property, as the Zod parse did', () => {
    const write = compileResponseSerializer(ZContact);
    expect(() => write({ role: 'financier', title: null })).toThrow();
  });

  it('cannot say a transform in JSON Schema, and so keeps the Zod parse for it', async () => {
    const { z: zod } = await import('zod');
    const schema = zod.object({ n: zod.string().transform((s) => s.length) });
    expect(responseJsonSchema(schema)).toBeNull();
    expect(compileResponseSerializer(schema)({ n: 'abc', extra: 1 })).toBe('{"n":3}');
  });
});

describe.each(DIALECTS)('public read answers on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  /** What the handler of the request under way returned, with the schema its status answers with. */
  const returned = new Map<string, { payload: unknown; schema: z.ZodType; route: string }>();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    app = await buildApp(
      { db: database.db, dialect: database.dialect, clock: () => FIXED_NOW, auth: DEFAULT_AUTH_CONFIG },
      { logLevel: 'silent' },
    );
    app.addHook('preSerialization', async (request, reply, payload) => {
      const response = request.routeOptions.schema?.response as Record<number, z.ZodType> | undefined;
      const schema = response?.[reply.statusCode];
      if (schema) returned.set(request.id, { payload, schema, route: request.routeOptions.url ?? '' });
      return payload;
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.destroy();
  });

  it('equals JSON.stringify(schema.parse(answer)) for every public read route', async () => {
    const db = database.db;
    const keys = {
      themes: (await db.selectFrom('themes').select('slug').orderBy('id').execute()).map((r) => r.slug),
      projects: (await db.selectFrom('project_entities').select('key').orderBy('id').execute()).map((r) => r.key),
      organisations: (await db.selectFrom('organisations').select('key').orderBy('id').execute()).map((r) => r.key),
      calls: (await db.selectFrom('calls').select('key').orderBy('id').execute()).map((r) => r.key),
    };
    // Every other project and organisation, every theme and call.
    const every = (list: string[], step: number) => list.filter((_, i) => i % step === 0);
    const fill: Record<string, string[]> = {
      projects: every(keys.projects, 2),
      organisations: every(keys.organisations, 2),
      calls: keys.calls,
    };
    const urls: string[] = [];
    for (const route of app.routeTable) {
      if (route.method !== 'GET' || !route.url.startsWith('/api/v1/') || /\.\w+$/.test(route.url)) continue;
      const params = route.url.match(/:\w+/g) ?? [];
      if (params.length === 0) {
        urls.push(route.url, ...(LIST_QUERIES[route.url] ?? []).map((query) => route.url + query));
      } else if (params.length === 1 && params[0] === ':slug') {
        urls.push(...keys.themes.map((slug) => route.url.replace(':slug', slug)));
      } else if (params.length === 1 && params[0] === ':key') {
        const list = fill[route.url.split('/')[3]!] ?? [];
        urls.push(...list.map((key) => route.url.replace(':key', encodeURIComponent(key))));
      }
    }

    const compared = new Map<string, number>();
    for (const url of urls) {
      returned.clear();
      // Fresh: the handler runs, and the answer sent is the serialiser's, not a stored one.
      const response = await app.inject({ method: 'GET', url, headers: { 'cache-control': 'no-cache' } });
      // Routes for the signed-in answer 401/403 to the public: not public reads.
      if (response.statusCode !== 200 || !response.headers['content-type']?.toString().includes('json')) continue;
      // A streamed answer (the export) or a text the handler wrote itself passes no serialiser.
      if (returned.size === 0) continue;
      const seen = [...returned.values()][0];
      expect(canonical(response.body), url).toBe(canonical(JSON.stringify(seen!.schema.parse(seen!.payload))));
      compared.set(seen!.route, (compared.get(seen!.route) ?? 0) + 1);
    }
    for (const route of MUST_COVER) expect(compared.get(route) ?? 0, route).toBeGreaterThan(0);
  });
});
