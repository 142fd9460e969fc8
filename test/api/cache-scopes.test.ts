/**
 * Invalidation by what changed (issue 16; migration 0014, src/server/plugins/public-cache.ts): two
 * app servers on one database, each with its own connection and its own cache. A write through one
 * is seen by the next read through the other; a write to another theme leaves a stored answer valid
 * (served from the cache, same ETag, 304 to If-None-Match); while one request recomputes a stale
 * answer a signed-out reader may get the stale one, a signed-in one never. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/app.js';
import { ACTOR_ROLES, as, ensureUser, OTHER_THEME, signIn, THEME, type Session } from '../helpers/actors.js';
import { buildApp } from '../../src/server/app.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { DEFAULT_AUTH_CONFIG } from '../../src/config/env.js';
import { reindexAfterWrite } from '../../src/db/repositories/search.js';
import { archiveEntity, entityOfTheme } from '../helpers/entities.js';

/** Reads over the network come in later turns of the event loop; inject's would share one. */
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe.each(DIALECTS)('cache invalidation by scope on %s', (dialect) => {
  let t: TestApp;
  let second: { app: FastifyInstance; handle: DatabaseHandle };
  let finance: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const handle = openDatabase(t.database.config, { poolSize: 2 });
    const app = await buildApp(
      { db: handle.db, dialect: handle.dialect, clock: () => FIXED_NOW, auth: DEFAULT_AUTH_CONFIG },
      { logLevel: 'silent' },
    );
    await app.ready();
    second = { app, handle };
    await ensureUser(t.database.db, 'scopes-finance', ACTOR_ROLES.finance);
    finance = await signIn(t.app, 'scopes-finance');
  });
  afterAll(async () => {
    await second?.app.close();
    await second?.handle.close();
    await t?.close();
  });

  const readOn = async (app: FastifyInstance, url: string, headers: Record<string, string> = {}) => {
    await nextTurn();
    return app.inject({ method: 'GET', url, headers });
  };

  const projectOf = (slug: string) =>
    t.database.db
      .selectFrom('project_entities as e')
      .innerJoin('themes as th', 'th.id', 'e.theme_id')
      .select(['e.key', 'e.version'])
      .where('th.slug', '=', slug)
      .orderBy('e.id')
      .executeTakeFirstOrThrow();

  const patchCost = async (key: string, version: number, costEstimate: number) => {
    const written = await as(t.app, finance, {
      method: 'PATCH',
      url: `/api/v1/projects/${key}`,
      headers: { 'if-match': `"${version}"` },
      payload: { costEstimate },
    });
    expect(written.statusCode).toBe(200);
    return written;
  };

  it('a write through one app server is seen by the next read through the other', async () => {
    const project = await projectOf(THEME);
    const url = `/api/v1/projects/${project.key}`;
    await readOn(second.app, url);
    const stored = await readOn(second.app, url);
    expect(stored.headers['x-cache']).toBe('hit');
    await patchCost(project.key, project.version, 987_654_321);
    const after = await readOn(second.app, url);
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.json().costEstimate).toBe(987_654_321);
    expect(after.headers.etag).not.toBe(stored.headers.etag);
    // The writer's own server too, of course.
    expect((await readOn(t.app, url)).json().costEstimate).toBe(987_654_321);
  });

  it("a write to another theme's project leaves a stored answer valid, on both servers", async () => {
    const urls = [
      `/api/v1/themes/${OTHER_THEME}`,
      `/api/v1/themes/${OTHER_THEME}/figures`,
      '/api/v1/themes',
      `/api/v1/calls`,
    ];
    const before = new Map<string, string>();
    for (const app of [t.app, second.app])
      for (const url of urls) {
        const first = await readOn(app, url);
        expect(first.statusCode).toBe(200);
        before.set(url, String(first.headers.etag));
      }
    const project = await projectOf(THEME);
    await patchCost(project.key, project.version, 111_222_333);
    for (const app of [t.app, second.app])
      for (const url of urls) {
        const again = await readOn(app, url);
        expect(again.headers['x-cache'], url).toBe('hit');
        expect(again.headers.etag, url).toBe(before.get(url));
        expect((await readOn(app, url, { 'if-none-match': before.get(url)! })).statusCode, url).toBe(304);
      }
  });

  it('a cost estimate makes stale only what shows it: its page and the searches that list it or sort by cost', async () => {
    const project = await projectOf(THEME);
    const listing = `/api/v1/projects?theme=${THEME}&limit=100`;
    const unrelated = [
      `/api/v1/themes/${THEME}`,
      `/api/v1/themes/${THEME}/figures`,
      `/api/v1/projects?theme=${OTHER_THEME}`,
      `/api/v1/projects?q=${encodeURIComponent('zzz-ei-osumia')}`,
      `/api/v1/search?q=${encodeURIComponent('osaaminen')}`,
    ];
    const stale = [`/api/v1/projects/${project.key}`, listing, `/api/v1/projects?theme=${OTHER_THEME}&sort=-cost`];
    const before = new Map<string, string>();
    for (const url of [...unrelated, ...stale]) {
      await readOn(second.app, url);
      const stored = await readOn(second.app, url);
      expect(stored.headers['x-cache'], url).toBe('hit');
      before.set(url, String(stored.headers.etag));
    }
    expect(
      (await readOn(second.app, listing)).json().items.some((item: { key: string }) => item.key === project.key),
    ).toBe(true);
    await patchCost(project.key, project.version, 222_333_444);
    for (const url of unrelated) {
      const again = await readOn(second.app, url);
      expect(again.headers['x-cache'], url).toBe('hit');
      expect(again.headers.etag, url).toBe(before.get(url));
    }
    for (const url of stale) {
      const again = await readOn(second.app, url);
      expect(again.headers['x-cache'], url).toBe('miss');
      expect(again.headers.etag, url).not.toBe(before.get(url));
      // The old ETag no longer earns a 304.
      expect((await readOn(second.app, url, { 'if-none-match': before.get(url)! })).statusCode, url).toBe(200);
    }
    const listed = (await readOn(second.app, listing))
      .json()
      .items.find((item: { key: string }) => item.key === project.key);
    expect(listed.costEstimate).toBe(222_333_444);
  });

  it('a cost estimate is one change of the data: its unchanged search text is not written again', async () => {
    const dataVersion = async () =>
      Number((await t.database.db.selectFrom('data_version').select('version').executeTakeFirstOrThrow()).version);
    const searchText = async (key: string) =>
      (
        await t.database.db
          .selectFrom('project_entities')
          .select('search_text')
          .where('key', '=', key)
          .executeTakeFirstOrThrow()
      ).search_text;
    const project = await projectOf(THEME);
    const textBefore = await searchText(project.key);
    const before = await dataVersion();
    await patchCost(project.key, project.version, 333_444_555);
    // One write, one version: a second, empty rewrite of the row fired the change triggers again.
    expect(await dataVersion()).toBe(before + 1);
    expect(await searchText(project.key)).toBe(textBefore);
  });

  it('a change to a theme itself makes its answers and the overview stale on the other server, not another theme', async () => {
    await readOn(second.app, `/api/v1/themes/${THEME}`);
    await readOn(second.app, `/api/v1/themes/${OTHER_THEME}`);
    await readOn(second.app, '/api/v1/themes');
    // Straight into the database, as the command line would.
    await t.database.db.updateTable('themes').set({ short_name: 'Uusi lyhenne' }).where('slug', '=', THEME).execute();
    const theme = await readOn(second.app, `/api/v1/themes/${THEME}`);
    expect(theme.headers['x-cache']).toBe('miss');
    expect(theme.json().shortName).toBe('Uusi lyhenne');
    const overview = await readOn(second.app, '/api/v1/themes');
    expect(overview.json().items.find((item: { slug: string }) => item.slug === THEME).shortName).toBe('Uusi lyhenne');
    expect((await readOn(second.app, `/api/v1/themes/${OTHER_THEME}`)).headers['x-cache']).toBe('hit');
  });

  it('while one request recomputes, a signed-out reader may get the stale answer, a signed-in reader never', async () => {
    const project = await projectOf(THEME);
    const url = `/api/v1/projects/${project.key}`;
    await readOn(second.app, url);
    await patchCost(project.key, project.version, 444_555_666);
    await nextTurn();
    // Three readers in one turn: the first computes; the signed-out one gets the previous answer, the
    // signed-in one waits for the new one.
    const [leader, visitor, writer] = await Promise.all([
      second.app.inject({ method: 'GET', url }),
      second.app.inject({ method: 'GET', url }),
      second.app.inject({ method: 'GET', url, headers: { cookie: finance.cookie } }),
    ]);
    expect(leader.headers['x-cache']).toBe('miss');
    expect(leader.json().costEstimate).toBe(444_555_666);
    expect(visitor.headers['x-cache']).toBe('stale');
    expect(visitor.json().costEstimate).not.toBe(444_555_666);
    expect(writer.headers['x-cache']).not.toBe('stale');
    expect(writer.json().costEstimate).toBe(444_555_666);
    // The next reader gets the new answer.
    expect((await readOn(second.app, url)).json().costEstimate).toBe(444_555_666);
  });

  it("an organisation's new name makes stale the searches that find it, and its projects' pages", async () => {
    const implementer = await t.database.db
      .selectFrom('projects as p')
      .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
      .innerJoin('project_entities as e', 'e.id', 'p.entity_id')
      .select(['o.id', 'o.key', 'e.key as project'])
      .where('p.archived_at', 'is', null)
      .where('e.archived_at', 'is', null)
      .orderBy('o.id')
      .executeTakeFirstOrThrow();
    const word = 'Kvarkkiyhdistys';
    const urls = [
      `/api/v1/search?q=${word}`,
      `/api/v1/projects?q=${word.toLowerCase()}`,
      `/api/v1/projects/${implementer.project}`,
    ];
    for (const url of urls) {
      await readOn(second.app, url);
      expect((await readOn(second.app, url)).headers['x-cache'], url).toBe('hit');
    }
    // Straight into the database with its index rows, as the write API does in one transaction.
    await t.database.db.transaction().execute(async (trx) => {
      await trx.updateTable('organisations').set({ name_fi: word }).where('id', '=', implementer.id).execute();
      await reindexAfterWrite(trx, 'organisations', { id: implementer.id });
    });
    const search = await readOn(second.app, urls[0]!);
    expect(search.headers['x-cache']).toBe('miss');
    expect(search.json().items.map((item: { key: string }) => item.key)).toContain(implementer.key);
    for (const url of urls.slice(1)) expect((await readOn(second.app, url)).headers['x-cache'], url).toBe('miss');
  });

  it("a change to what the figures count makes the theme's figures and its searches stale, not its page", async () => {
    const urls = {
      page: `/api/v1/themes/${THEME}`,
      figures: `/api/v1/themes/${THEME}/figures`,
      search: `/api/v1/projects?theme=${THEME}&limit=100`,
    };
    const before: Record<string, { etag: string; body: { projectEntities?: number; items?: { key: string }[] } }> = {};
    for (const [name, url] of Object.entries(urls)) {
      await readOn(second.app, url);
      const stored = await readOn(second.app, url);
      expect(stored.headers['x-cache'], url).toBe('hit');
      before[name] = { etag: String(stored.headers.etag), body: stored.json() };
    }
    // Straight into the database, as the command line would: the theme's last entity archived.
    const last = await entityOfTheme(t.database.db, THEME, 'last');
    await archiveEntity(t.database.db, Number(last.id));
    const page = await readOn(second.app, urls.page);
    expect(page.headers['x-cache']).toBe('hit');
    expect(page.headers.etag).toBe(before.page!.etag);
    const figures = await readOn(second.app, urls.figures);
    expect(figures.headers['x-cache']).toBe('miss');
    expect(figures.json().projectEntities).toBe(before.figures!.body.projectEntities! - 1);
    const search = await readOn(second.app, urls.search);
    expect(search.headers['x-cache']).toBe('miss');
    expect(search.json().items.map((item: { key: string }) => item.key)).not.toContain(last.key);
    expect(before.search!.body.items!.map((item) => item.key)).toContain(last.key);
  });
});
