/** A theme's project entities, found and changed straight in the database, as the command line would. */
import type { Db } from '../../src/db/database.js';

/** The theme's first or last entity by id that is not archived. */
export const entityOfTheme = (db: Db, slug: string, which: 'first' | 'last' = 'first') =>
  db
    .selectFrom('project_entities as e')
    .innerJoin('themes as th', 'th.id', 'e.theme_id')
    .select(['e.id', 'e.key'])
    .where('th.slug', '=', slug)
    .where('e.archived_at', 'is', null)
    .orderBy('e.id', which === 'first' ? 'asc' : 'desc')
    .executeTakeFirstOrThrow();

export const archiveEntity = (db: Db, id: number) =>
  db.updateTable('project_entities').set({ archived_at: '2026-01-01T00:00:00Z' }).where('id', '=', id).execute();
