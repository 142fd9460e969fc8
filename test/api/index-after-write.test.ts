/**
 * A project write that names none of its resource's `searchedBy` fields skips rebuilding the
 * search index row and the search text (src/server/modules/editing/resource.ts). That is safe only
 * while no other field feeds them: every other update field is written here, one at a time, and the
 * row and the text left behind must be exactly what rebuilding them from the data gives. A field
 * added to the update without a value below fails the first test; a field that starts to feed the
 * index without joining `searchedBy` fails the second. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZProjectFactsUpdate, ZProjectUpdate } from '../../src/contracts/write-inputs.js';
import { reindexSearch } from '../../src/db/repositories/search.js';
import { projectResource, projectSearchText } from '../../src/server/modules/editing/resources/projects.js';
import { projectFactsResource } from '../../src/server/modules/editing/resources/key-figure-facts.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { ACTOR_ROLES, as, ensureUser, signIn, THEME, type Session } from '../helpers/actors.js';
import { DIALECTS } from '../helpers/databases.js';

/** An update's data fields (`version` is the If-Match given in the body instead, not data). */
const shapeKeys = (schema: unknown) =>
  Object.keys((schema as { shape: Record<string, unknown> }).shape)
    .filter((key) => key !== 'version')
    .sort();

describe.each(DIALECTS)('the search index after a project write on %s', (dialect) => {
  let t: TestApp;
  let finance: Session;
  let project: { id: number; key: string };
  /** A value for every update field outside searchedBy, each different from the project's own. */
  let unsearched: Record<string, unknown>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'index-finance', ACTOR_ROLES.finance);
    finance = await signIn(t.app, 'index-finance');
    const db = t.database.db;
    const row = await db
      .selectFrom('project_entities as e')
      .innerJoin('themes as th', 'th.id', 'e.theme_id')
      .select(['e.id', 'e.key', 'e.theme_id'])
      .where('th.slug', '=', THEME)
      .where('e.archived_at', 'is', null)
      .orderBy('e.id')
      .executeTakeFirstOrThrow();
    project = { id: Number(row.id), key: row.key };
    const call = await db.selectFrom('calls').select('key').where('theme_id', '=', row.theme_id).executeTakeFirst();
    const area = await db
      .selectFrom('content_areas')
      .select('key')
      .where('theme_id', '=', row.theme_id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    const sector = await db.selectFrom('sectors').select('key').orderBy('key', 'desc').executeTakeFirstOrThrow();
    unsearched = {
      type: 'study',
      status: 'ended',
      decidedOn: '2024-05-02',
      periodStart: '2024-02',
      periodEnd: '2027-11-30',
      costEstimate: 123_456_700,
      website: 'https://hanke.example.fi/uusi-osoite',
      call: call?.key ?? null,
      contentArea: area?.key ?? null,
      ministries: ['STM'],
      sectors: [sector.key],
    };
  });
  afterAll(async () => t?.close());

  const indexed = async () => ({
    documents: await t.database.db
      .selectFrom('search_documents')
      .select(['id', 'key', 'theme_key', 'title_fi', 'title_sv', 'body'])
      .where('kind', '=', 'project')
      .where('record_id', '=', project.id)
      .execute(),
    text: (
      await t.database.db
        .selectFrom('project_entities')
        .select('search_text')
        .where('id', '=', project.id)
        .executeTakeFirstOrThrow()
    ).search_text,
  });

  const write = async (collection: string, body: Record<string, unknown>) => {
    const record = await as(t.app, finance, { method: 'GET', url: `/api/v1/${collection}/${project.key}/record` });
    expect(record.statusCode).toBe(200);
    const written = await as(t.app, finance, {
      method: 'PATCH',
      url: `/api/v1/${collection}/${project.key}`,
      headers: { 'if-match': record.headers.etag as string },
      payload: body,
    });
    expect(written.statusCode, written.body).toBe(200);
  };

  /** What rebuilding from the data gives: the index row rewritten (only if it differs), the text computed. */
  const rebuilt = async () => {
    await reindexSearch(t.database.db, { project: [project.id] });
    const row = await t.database.db
      .selectFrom('project_entities')
      .selectAll()
      .where('id', '=', project.id)
      .executeTakeFirstOrThrow();
    const documents = (await indexed()).documents;
    return {
      documents,
      text: await projectSearchText(t.database.db, { ...row, id: project.id, version: 0, archived_at: null }),
    };
  };

  it('has a value below for every update field that is not searched', () => {
    const searched = new Set(projectResource.searchedBy);
    expect(Object.keys(unsearched).sort()).toEqual(shapeKeys(ZProjectUpdate).filter((key) => !searched.has(key)));
    const factsSearched = new Set(projectFactsResource.searchedBy);
    expect(shapeKeys(ZProjectFactsUpdate).filter((key) => !factsSearched.has(key))).toEqual(['ministries', 'sectors']);
  });

  it('leaves the index as rebuilding it would after each write of a field it is not built from', async () => {
    for (const [field, value] of Object.entries(unsearched)) {
      await write('projects', { [field]: value });
      const after = await indexed();
      expect(after.documents, field).toHaveLength(1);
      expect(after, field).toEqual(await rebuilt());
    }
    await write('project-facts', { ministries: [{ ministry: 'OKM', share: 100 }], sectors: [] });
    const after = await indexed();
    expect(after).toEqual(await rebuilt());
  });

  it('rebuilds the index when a searched field is written (the check above can fail)', async () => {
    const before = await indexed();
    await write('projects', { name: { fi: 'Uusi nimi hakua varten', sv: null, en: null } });
    const after = await indexed();
    expect(after.documents[0]!.title_fi).toBe('Uusi nimi hakua varten');
    expect(after.text).toContain('uusi nimi hakua varten');
    expect(after.documents[0]!.id).not.toBe(before.documents[0]!.id);
    expect(after).toEqual(await rebuilt());
  });
});
