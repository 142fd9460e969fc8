/**
 * Class 5 of the security issue: no 5xx from bad input, on either database. A corpus of hostile
 * values – U+0000 in text, impossible and out-of-range dates, forged pagination cursors – is sent to
 * every route the app registers, in every path parameter, every query parameter the OpenAPI document
 * declares and every field of a valid body (from the route-access table, so a new route is covered
 * as soon as it has an access entry). Every answer must be below 500; every bad path parameter, body
 * field or date parameter must be refused with a 400/422 problem document naming the field; and no
 * refused request may leave any row behind (not even an audit entry: they were refused before any
 * use case ran).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signInEveryone, type Session, type SignedInActor, type Who } from '../helpers/actors.js';
import { ROUTE_ACCESS, type RouteCase, type RouteContext } from '../access/route-access-table.js';
import { lanupeContext } from '../access/route-context.js';

const NUL = 'Testi\u0000arvo';
const BAD_DATES = ['2024-02-30', '2023-02-29', '0000-01-01', '2024-13-01', '2024-00-10', '1000-01-01', '3000-01-01'];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const FORGED_CURSORS = [
  b64(['\u0000', 1]),
  b64(['name', 'a\u0000b', 1]),
  b64(['name', 'x', 1e300]),
  b64(['name', 'x', -1]),
  b64(['start', '2024-02-30', 9_007_199_254_740_991]),
  b64({ name: 'x', id: 1 }),
  b64([['nested'], 1]),
  b64(['x'.repeat(600), 1]),
  'bm90LWpzb24',
  'A'.repeat(999),
];
const DATE_NAME =
  /^(date|at|asOf|cutOff|deadline|validFrom|validTo|termStart|termEnd|opens|closes|start|end|periodStart|periodEnd|dueDate|completedOn)$/;

type Variant = {
  route: string;
  who: Who;
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  strict: boolean;
};

type OpenApiParameter = { in: string; name: string; schema?: { format?: string } };
type OpenApi = { paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>> };

/** Every string leaf of a JSON value, as a path of keys and indexes. */
function stringLeaves(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((child, index) => stringLeaves(child, [...path, index]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => stringLeaves(child, [...path, key]));
  return [];
}

function replaced(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path.at(-1)!] = replacement;
  return copy;
}

/** Who sends the route's bad input: someone the route lets through, so validation is what answers. */
function sendersOf(entry: RouteCase): Who[] {
  const signedIn = entry.allow.filter((who): who is SignedInActor => who !== 'public');
  const senders: Who[] = [];
  if (!entry.ownSession && signedIn.length > 0) senders.push(signedIn.includes('admin') ? 'admin' : signedIn[0]!);
  if (entry.allow.includes('public')) senders.push('public');
  return senders;
}

function corpus(route: string, entry: RouteCase, context: RouteContext, document: OpenApi): Variant[] {
  const [method, pattern] = route.split(' ') as [string, string];
  const sample = new URL(entry.path(context), 'http://test');
  const patternSegments = pattern.split('/');
  const sampleSegments = sample.pathname.split('/');
  const operation = document.paths[pattern.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
  const queryParameters = (operation?.parameters ?? []).filter((p) => p.in === 'query');
  const body = entry.body?.(context);
  const variants: Omit<Variant, 'who'>[] = [];
  const urlWith = (segments: string[], query: URLSearchParams) =>
    `${segments.join('/')}${query.size > 0 ? `?${query}` : ''}`;
  const base = { route, body, headers: entry.headers };

  // Path parameters: U+0000 in each.
  patternSegments.forEach((segment, index) => {
    if (!segment.startsWith(':')) return;
    const segments = [...sampleSegments];
    segments[index] = encodeURIComponent(NUL);
    variants.push({ ...base, url: urlWith(segments, sample.searchParams), strict: true });
  });
  // Query parameters the route declares: U+0000, bad dates, forged cursors in each.
  for (const parameter of queryParameters) {
    const isDate = DATE_NAME.test(parameter.name) || parameter.schema?.format === 'date';
    const values = [NUL, ...BAD_DATES, ...FORGED_CURSORS];
    for (const value of values) {
      const query = new URLSearchParams(sample.searchParams);
      query.set(parameter.name, value);
      const strict =
        value === NUL || (isDate && BAD_DATES.includes(value)) || (parameter.name === 'cursor' && value !== NUL);
      variants.push({ ...base, url: urlWith(sampleSegments, query), strict });
    }
  }
  // Body fields: U+0000 in each string, bad dates in each date-like one, a key holding U+0000.
  if (body !== undefined && body !== null && typeof body === 'object') {
    for (const leaf of stringLeaves(body)) {
      const url = urlWith(sampleSegments, sample.searchParams);
      variants.push({ ...base, url, body: replaced(body, leaf.path, `${leaf.value}\u0000`), strict: true });
      const name = String(leaf.path.findLast((key) => typeof key === 'string') ?? '');
      if (DATE_NAME.test(name) || /^\d{4}(-\d{2}){0,2}$/.test(leaf.value))
        for (const date of BAD_DATES)
          variants.push({ ...base, url, body: replaced(body, leaf.path, date), strict: true });
    }
    variants.push({
      ...base,
      url: urlWith(sampleSegments, sample.searchParams),
      body: { ...(body as object), 'x\u0000y': 'z' },
      strict: true,
    });
  }
  return sendersOf(entry).flatMap((who) => variants.map((variant) => ({ ...variant, who })));
}

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  // This app's own tables, read from the catalogue directly: Kysely's introspection reads every
  // schema's columns on PostgreSQL, and other test files drop their schemas meanwhile (a dropped
  // table's columns vanish mid-query and it fails).
  const tables =
    t.database.dialect === 'postgres'
      ? (
          await sql<{ name: string }>`select table_name as name from information_schema.tables
            where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(t.database.db)
        ).rows
      : (
          await sql<{ name: string }>`select name from sqlite_master
            where type = 'table' and name not like 'sqlite_%'`.execute(t.database.db)
        ).rows;
  // A list that missed the app's tables would make the comparison below prove nothing.
  expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['projects', 'themes', 'audit_log']));
  for (const table of tables) {
    // Sessions are touched by every signed-in request (idle timeout); that is not a trace of input.
    if (table.name === 'sessions' || table.name.startsWith('project_entities_search')) continue;
    // A download of the audit trail that is answered writes its own entry (a disclosure, logged by
    // design: Information Management Act §17); a refused one writes none. Only those are left out.
    const result =
      table.name === 'audit_log'
        ? await sql<{
            n: number;
          }>`select count(*) as n from audit_log where not (entity_type = 'audit_log' and action = 'export')`.execute(
            t.database.db,
          )
        : await sql<{ n: number }>`select count(*) as n from ${sql.table(table.name)}`.execute(t.database.db);
    counts[table.name] = Number(result.rows[0]!.n);
  }
  return counts;
}

describe.each(DIALECTS)('bad-input corpus on %s', (dialect) => {
  let t: TestApp;
  let sessions: Record<SignedInActor, Session>;
  let context: RouteContext;
  let document: OpenApi;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    sessions = await signInEveryone(t.app, t.database.db);
    await ensureUser(t.database.db, 'test-login', []);
    await ensureUser(t.database.db, 'test-reset', []);
    context = await lanupeContext(t, sessions.admin);
    document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
  }, 60_000);
  afterAll(async () => t?.close());

  it('answers every hostile value on every route without a 5xx, refusing what is bad by name', async () => {
    const registered = t.app.routeTable
      .filter((route) => route.url.startsWith('/api/v1/') && !route.hidden)
      .map((route) => `${route.method} ${route.url}`);
    const variants = registered.flatMap((route) => {
      const entry = ROUTE_ACCESS[route];
      // A route without an access entry fails test/access/route-access.test.ts.
      return entry ? corpus(route, entry, context, document) : [];
    });
    const before = await rowCounts(t);
    // Every table of the schema is watched, not none (a wrong schema filter would watch nothing).
    expect(before).toHaveProperty('projects');
    expect(before).toHaveProperty('audit_log');
    const serverErrors: string[] = [];
    const notRefused: string[] = [];
    const notProblems: string[] = [];
    let refused = 0;
    for (const variant of variants) {
      const response = await as(t.app, variant.who === 'public' ? null : sessions[variant.who], {
        method: variant.route.split(' ')[0] as 'GET',
        url: variant.url,
        headers: { 'accept-language': 'en', ...variant.headers },
        ...(variant.body === undefined ? {} : { payload: variant.body as object }),
      });
      const status = response.statusCode;
      const summary = `${variant.route} as ${variant.who}: ${variant.url} ${JSON.stringify(variant.body)?.slice(0, 120)} → ${status} ${response.body.slice(0, 200)}`;
      if (status >= 500) serverErrors.push(summary);
      if (status >= 400 && !String(response.headers['content-type']).startsWith('application/problem+json'))
        notProblems.push(summary);
      if (variant.strict) {
        if (status === 400 || status === 422) refused++;
        else if (!(variant.who === 'public' && status === 401)) notRefused.push(summary);
        else refused++;
      }
    }
    const after = await rowCounts(t);
    console.info(
      `bad-input corpus on ${dialect}: ${variants.length} requests over ${registered.length} routes, ` +
        `${serverErrors.length} × 5xx, ${refused} refused with 400/422/401`,
    );
    expect(variants.length).toBeGreaterThan(1000);
    expect(serverErrors).toEqual([]);
    expect(notProblems).toEqual([]);
    expect(notRefused).toEqual([]);
    expect(after, 'rows written by refused requests').toEqual(before);
  }, 600_000);
});
