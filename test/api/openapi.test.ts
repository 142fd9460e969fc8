/** The OpenAPI document is valid OpenAPI 3.1 and describes every public route. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { WRITE_INPUTS } from '../../src/contracts/write-inputs.js';

type Schema = { [keyword: string]: unknown };
type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content?: Record<string, { schema: Schema }> };
        responses?: Record<string, { content?: Record<string, { schema: Schema }> }>;
      }
    >
  >;
  components?: { schemas?: Record<string, Schema> };
};

/**
 * Where a schema says nothing about what it holds (no type and no alternatives, or an object whose
 * members are unnamed and untyped, like a `Record<string, unknown>`), as a path; null when it is
 * typed all the way down.
 */
function opaqueAt(
  document: OpenApi,
  schema: Schema | boolean | undefined,
  at: string,
  seen = new Set<string>(),
): string | null {
  if (schema === undefined || schema === true) return at;
  if (schema === false) return null;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    if (seen.has(ref)) return null;
    const name = ref.replace('#/components/schemas/', '');
    return opaqueAt(document, document.components?.schemas?.[name], at, new Set([...seen, ref]));
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = schema[keyword];
    if (Array.isArray(options)) {
      for (const option of options as Schema[]) {
        const found = opaqueAt(document, option, at, seen);
        if (found !== null) return found;
      }
      return null;
    }
  }
  if ('const' in schema || 'enum' in schema || schema.not !== undefined) return null;
  const type = schema.type;
  if (type === undefined) return at;
  if (type === 'array') {
    for (const [index, item] of ((schema.prefixItems ?? []) as Schema[]).entries()) {
      const found = opaqueAt(document, item, `${at}[${index}]`, seen);
      if (found !== null) return found;
    }
    return opaqueAt(document, schema.items as Schema | boolean | undefined, `${at}[]`, seen);
  }
  if (type === 'object') {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const extra = schema.additionalProperties as Schema | boolean | undefined;
    if (Object.keys(properties).length === 0) {
      if (extra === undefined || extra === true) return at;
      if (extra === false) return null;
      return opaqueAt(document, extra, `${at}.*`, seen);
    }
    for (const [name, property] of Object.entries(properties)) {
      const found = opaqueAt(document, property, `${at}.${name}`, seen);
      if (found !== null) return found;
    }
  }
  return null;
}

describe('OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t?.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every API route the app registers', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = t.app.routeTable
      .filter((route) => route.url.startsWith('/api/v1/') && !route.hidden)
      .map((route) => `${route.method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(registered.length).toBeGreaterThan(10);
    expect(documented.sort()).toEqual([...new Set(registered)].sort());
    expect(document.components.schemas).toHaveProperty('ThemeSummary');
  });

  it('gives every write operation the real schema of its answer, never an opaque record', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const opaque: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (!status.startsWith('2')) continue;
          for (const [type, content] of Object.entries(response.content ?? {})) {
            if (!type.includes('json')) continue;
            const where = opaqueAt(document, content.schema, '');
            if (where !== null) opaque.push(`${method.toUpperCase()} ${path} ${status}: ${where || '(root)'}`);
          }
        }
      }
    }
    expect(opaque).toEqual([]);
  });

  it("documents each write's request body as the contract's input schema (contracts/write-inputs.ts)", async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const resolve = (schema: Schema | undefined): Schema | undefined => {
      const ref = schema?.$ref;
      return typeof ref === 'string'
        ? document.components?.schemas?.[ref.replace('#/components/schemas/', '')]
        : schema;
    };
    const bodyFields = (path: string, method: string) => {
      const schema = resolve(document.paths[path]?.[method]?.requestBody?.content?.['application/json']?.schema);
      return { fields: Object.keys((schema?.properties ?? {}) as object).sort(), closed: schema?.additionalProperties };
    };
    const wrong: string[] = [];
    for (const [collection, { create, update }] of Object.entries(WRITE_INPUTS)) {
      const item = Object.keys(document.paths).find(
        (path) =>
          path.startsWith(`/api/v1/${collection}/{`) && !path.slice(`/api/v1/${collection}/`.length).includes('/'),
      );
      const expected = [
        ...(create ? [[`/api/v1/${collection}`, 'post', create] as const] : []),
        [item ?? `/api/v1/${collection}/{?}`, 'patch', update] as const,
      ];
      for (const [path, method, schema] of expected) {
        const { fields, closed } = bodyFields(path, method);
        const contract = Object.keys(schema.shape).sort();
        if (JSON.stringify(fields) !== JSON.stringify(contract) || closed !== false)
          wrong.push(
            `${method.toUpperCase()} ${path}: documents [${fields.join(', ')}], contract [${contract.join(', ')}]`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('serves a browsable page at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    const page =
      response.statusCode === 302
        ? await t.app.inject({ method: 'GET', url: response.headers.location as string })
        : response;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('swagger');
  });
});
