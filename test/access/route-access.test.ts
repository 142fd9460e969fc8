/**
 * Every registered API route, asked by every role, by a user of the right role for the wrong theme,
 * and by the signed-out public: the answer must match the hand-written table in route-access-table.ts.
 * A route without an entry fails the test, so nobody adds a route without deciding who may use it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import {
  as,
  ensureUser,
  EVERYONE,
  signIn,
  signInEveryone,
  type Session,
  type SignedInActor,
} from '../helpers/actors.js';
import { ROUTE_ACCESS, type RouteContext } from './route-access-table.js';
import { lanupeContext } from './route-context.js';
import { startRegisterServer, type RegisterServer } from '../helpers/register-server.js';

/** The routes access is decided for: the API, not its documentation or the health probes. */
const isApiRoute = (route: { url: string; hidden: boolean }) => route.url.startsWith('/api/v1/') && !route.hidden;

describe.each(DIALECTS)('route access on %s', (dialect) => {
  let t: TestApp;
  let register: RegisterServer;
  let sessions: Record<SignedInActor, Session>;
  let context: RouteContext;

  beforeAll(async () => {
    // The organisation register's routes ask a stand-in of YTJ on loopback (test/helpers/register-server.ts).
    register = await startRegisterServer();
    t = await createTestApp(dialect, { register: { baseUrl: register.url, timeoutMs: 2_000 } });
    sessions = await signInEveryone(t.app, t.database.db);
    await ensureUser(t.database.db, 'test-login', []);
    await ensureUser(t.database.db, 'test-reset', []);
    context = await lanupeContext(t, sessions.admin);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await register?.close();
  });

  it('has an access entry for every registered route, and no entry without a route', () => {
    const registered = t.app.routeTable.filter(isApiRoute).map((r) => `${r.method} ${r.url}`);
    expect(
      registered.filter((route) => !(route in ROUTE_ACCESS)),
      'routes without an entry in route-access-table.ts',
    ).toEqual([]);
    expect(
      Object.keys(ROUTE_ACCESS).filter((route) => !registered.includes(route)),
      'entries without a route',
    ).toEqual([]);
  });

  it('lets exactly the listed people through every route', async () => {
    const wrong: string[] = [];
    for (const route of t.app.routeTable.filter(isApiRoute)) {
      const key = `${route.method} ${route.url}`;
      const entry = ROUTE_ACCESS[key];
      if (!entry) continue; // reported by the test above
      for (const who of EVERYONE) {
        const session =
          who === 'public' ? null : entry.ownSession ? await signIn(t.app, `test-${who.toLowerCase()}`) : sessions[who];
        const body = entry.body?.(context);
        const response = await as(t.app, session, {
          method: route.method as 'GET',
          url: entry.path(context),
          headers: entry.headers,
          ...(body === undefined ? {} : { payload: body as object }),
        });
        const allowed = entry.allow.includes(who);
        const status = response.statusCode;
        if (status >= 500) wrong.push(`${key} as ${who}: ${status} ${response.body.slice(0, 200)}`);
        // Through means done (2xx), or refused for the state of the record (409) or a rule (422); a 400
        // would mean the table's request is malformed and proves nothing.
        else if (allowed && !(status < 300 || status === 409 || status === 422 || entry.alsoThrough?.includes(status)))
          wrong.push(`${key} as ${who}: expected through, got ${status} ${response.body.slice(0, 160)}`);
        else if (!allowed && status !== (who === 'public' ? 401 : 403))
          wrong.push(`${key} as ${who}: expected ${who === 'public' ? 401 : 403}, got ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});
