/**
 * A project's page is read in one statement, its lists as JSON columns (db/repositories/projects.ts,
 * shared.ts jsonList); the search pages read the same lists with one statement per list. Every
 * entity of the 2024 data must come out the same both ways, in the same order, with its sectors and
 * status history as their tables hold them. SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProjectEntity, listProjectEntities } from '../../src/db/repositories/projects.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

describe.each(DIALECTS)("a project's page on %s", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    // Partners and sectors in numbers that show their order: the 2024 data names few of either.
    const { db } = database;
    const entity = await db.selectFrom('project_entities').select('id').orderBy('id').executeTakeFirstOrThrow();
    const organisations = await db.selectFrom('organisations').select('id').orderBy('id', 'desc').limit(4).execute();
    await db.deleteFrom('project_entity_partners').where('entity_id', '=', entity.id).execute();
    await db
      .insertInto('project_entity_partners')
      .values(organisations.map((o) => ({ entity_id: entity.id, organisation_id: o.id })))
      .execute();
    const sectors = await db.selectFrom('sectors').select('key').orderBy('key', 'desc').limit(3).execute();
    await db.deleteFrom('project_entity_sectors').where('entity_id', '=', entity.id).execute();
    await db
      .insertInto('project_entity_sectors')
      .values(sectors.map((s) => ({ entity_id: entity.id, sector_key: s.key })))
      .execute();
  });
  afterAll(async () => database?.destroy());

  it('shows every entity as the search lists it, with its sectors, status history, call and content area', async () => {
    const { db } = database;
    const listed = [];
    for (let cursor: string | undefined; ;) {
      const page = await listProjectEntities(db, { limit: 100, cursor }, dialect);
      listed.push(...page.items);
      if (!page.page.nextCursor) break;
      cursor = page.page.nextCursor;
    }
    expect(listed.length).toBeGreaterThan(50);
    // Some entities have several members and several partners.
    expect(listed.some((entity) => entity.projects.length > 1)).toBe(true);
    expect(listed.some((entity) => entity.partners.length > 3)).toBe(true);

    for (const entity of listed) {
      const page = await getProjectEntity(db, entity.key);
      expect(page, entity.key).not.toBeNull();
      const { call, contentArea, sectors, statusHistory, source, ...shared } = page!;
      expect(shared, entity.key).toEqual(entity);

      const row = await db
        .selectFrom('project_entities as e')
        .leftJoin('calls as c', 'c.id', 'e.call_id')
        .leftJoin('content_areas as ca', 'ca.id', 'e.content_area_id')
        .select(['e.id', 'e.source', 'c.key as call', 'ca.key as area'])
        .where('e.key', '=', entity.key)
        .executeTakeFirstOrThrow();
      expect(call?.key ?? null, entity.key).toBe(row.call);
      expect(contentArea?.key ?? null, entity.key).toBe(row.area);
      expect(source, entity.key).toBe(row.source);
      const stored = await db
        .selectFrom('project_entity_sectors')
        .select('sector_key')
        .where('entity_id', '=', row.id)
        .execute();
      expect(sectors, entity.key).toEqual(stored.map((s) => s.sector_key).sort());
      const history = await db
        .selectFrom('project_status_history')
        .select(['status', 'valid_from as from', 'source'])
        .where('entity_id', '=', row.id)
        .orderBy('valid_from')
        .orderBy('id')
        .execute();
      expect(statusHistory, entity.key).toEqual(history);
    }
  });

  it('answers null for a key that is not a project', async () => {
    expect(await getProjectEntity(database.db, 'ei-tallaista')).toBeNull();
  });
});
