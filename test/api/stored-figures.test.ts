/**
 * The store of computed figures (migration 0018, db/repositories/stored-figures.ts), on SQLite and
 * PostgreSQL, read past the HTTP cache (`Cache-Control: no-cache`): the first read computes and stores
 * a theme's figures, the next ones read them back, and a change to what they count (or to the
 * reference data) makes the next read compute them again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { THEME } from '../helpers/actors.js';
import { getThemeFigures } from '../../src/db/repositories/themes.js';
import { archiveEntity, entityOfTheme } from '../helpers/entities.js';

describe.each(DIALECTS)('stored key figures on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const url = `/api/v1/themes/${THEME}/figures`;
  const read = async () => {
    const answer = await t.app.inject({ method: 'GET', url, headers: { 'cache-control': 'no-cache' } });
    expect(answer.statusCode).toBe(200);
    return answer.json() as { projectEntities: number; theme: string };
  };
  const stored = () =>
    t.database.db
      .selectFrom('theme_figures as f')
      .innerJoin('themes as th', 'th.id', 'f.theme_id')
      .select(['f.theme_id', 'f.versions', 'f.body'])
      .where('th.slug', '=', THEME)
      .executeTakeFirst();

  it('the first read computes and stores the figures; the next reads them back', async () => {
    expect(await stored()).toBeUndefined();
    const first = await read();
    expect(first).toEqual(JSON.parse(JSON.stringify(await getThemeFigures(t.database.db, THEME))));
    const row = await stored();
    expect(JSON.parse(row!.body)).toEqual(first);
    // What is stored is what is answered: a row with the current versions is read back as it is.
    await t.database.db
      .updateTable('theme_figures')
      .set({ body: JSON.stringify({ ...first, projectEntities: 9_999 }) })
      .where('theme_id', '=', row!.theme_id)
      .execute();
    expect((await read()).projectEntities).toBe(9_999);
  });

  it('a change to what the figures count, or to the reference data, is counted at the next read', async () => {
    const entity = await entityOfTheme(t.database.db, THEME, 'last');
    await archiveEntity(t.database.db, Number(entity.id));
    const computed = JSON.parse(JSON.stringify(await getThemeFigures(t.database.db, THEME)));
    expect(computed.projectEntities).not.toBe(9_999);
    expect(await read()).toEqual(computed);
    expect(JSON.parse((await stored())!.body)).toEqual(computed);

    // A county's new name (the national scope) is in the figures' list of counties without implementers.
    await t.database.db
      .updateTable('theme_figures')
      .set({ body: JSON.stringify({ ...computed, projectEntities: 8_888 }) })
      .where('theme_id', '=', (await stored())!.theme_id)
      .execute();
    expect((await read()).projectEntities).toBe(8_888);
    await t.database.db.updateTable('counties').set({ name_sv: 'Nytt namn' }).where('id', '=', 'PI').execute();
    expect(await read()).toEqual(JSON.parse(JSON.stringify(await getThemeFigures(t.database.db, THEME))));
  });

  it('a cost estimate leaves the stored figures as they are (they count no money)', async () => {
    const before = await stored();
    const entity = await entityOfTheme(t.database.db, THEME);
    await t.database.db
      .updateTable('project_entities')
      .set({ cost_estimate_cents: 123_400 })
      .where('id', '=', entity.id)
      .execute();
    await read();
    expect((await stored())!.versions).toBe(before!.versions);
  });

  it('figures as of a date are computed, never stored', async () => {
    const before = await stored();
    const answer = await t.app.inject({ method: 'GET', url: `${url}?asOf=2023-01-01` });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual(
      JSON.parse(JSON.stringify(await getThemeFigures(t.database.db, THEME, '2023-01-01'))),
    );
    expect(await stored()).toEqual(before);
  });
});
