/**
 * A theme's key figures from the store of computed figures (migration 0018) when nothing they are
 * computed from has changed since, otherwise computed afresh and stored for every app server.
 *
 * The scopes' versions are read before the data, in the same statement as the stored row: figures
 * computed while a write commits are stored under the versions before it, and the next read, seeing
 * the newer versions, computes them again. A stored row is never trusted for more than its versions
 * say. Storing is a courtesy: if it fails (a full disk, a read-only replica) the figures are still
 * answered.
 */
import { sql } from 'kysely';
import type { Db } from '../database.js';
import type { ThemeFigures } from '../../contracts/api.js';
import { getThemeFigures } from './themes.js';

type Stored = { theme_id: number; versions: string | null; body: string | null; figures: number; national: number };

export async function getCurrentThemeFigures(db: Db, slug: string, now: Date): Promise<ThemeFigures | null> {
  const row = (
    await sql<Stored>`
      select t.id as theme_id, f.versions, f.body,
        coalesce((select version from data_scopes where scope = ${`figures:${slug}`}), 0) as figures,
        coalesce((select version from data_scopes where scope = 'national'), 0) as national
      from themes t left join theme_figures f on f.theme_id = t.id
      where t.slug = ${slug}`.execute(db)
  ).rows[0];
  if (!row) return null;
  const versions = `${Number(row.figures)}.${Number(row.national)}`;
  if (row.versions === versions && row.body !== null) return JSON.parse(row.body) as ThemeFigures;
  const figures = await getThemeFigures(db, slug);
  if (!figures) return null;
  const stored = { versions, body: JSON.stringify(figures), computed_at: now.toISOString() };
  try {
    await db
      .insertInto('theme_figures')
      .values({ theme_id: Number(row.theme_id), ...stored })
      .onConflict((conflict) => conflict.column('theme_id').doUpdateSet(stored))
      .execute();
  } catch {
    // Answered all the same; the next read computes them again.
  }
  return figures;
}
