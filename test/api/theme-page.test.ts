/**
 * A theme's page is read in one statement, its lists as JSON columns (db/repositories/themes.ts,
 * shared.ts jsonList); the theme list reads a theme's summary with a statement per list, and the
 * tables hold the rest. Every theme of the 2024 data must come out the same both ways, its lists in
 * the page's order, its finance entries with their shares and who recorded them. SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTheme, listThemes } from '../../src/db/repositories/themes.js';
import { publicNames } from '../../src/db/repositories/users.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

const context = { locale: 'fi' as const };

describe.each(DIALECTS)("a theme's page on %s", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.destroy());

  it('shows every theme as the list summarises it, with its lists as the tables hold them', async () => {
    const { db } = database;
    const themes = await listThemes(db, {}, context);
    expect(themes.length).toBeGreaterThan(5);
    let entries = 0;
    let shares = 0;
    for (const summary of themes) {
      const page = await getTheme(db, summary.slug, context);
      expect(page, summary.slug).not.toBeNull();
      const {
        financeHead,
        intermediateBody,
        statedProjectCount,
        contacts,
        contentAreas,
        links,
        financeHistory,
        activityFigures,
        source,
        ...shared
      } = page!;
      expect(shared, summary.slug).toEqual(summary);

      const theme = await db
        .selectFrom('themes')
        .selectAll()
        .where('slug', '=', summary.slug)
        .executeTakeFirstOrThrow();
      expect(source).toBe(theme.source);
      expect(intermediateBody).toBe(theme.intermediate_body);
      expect(statedProjectCount).toBe(theme.stated_project_count);
      const ids = (rows: { id: number | string }[]) => rows.map((row) => Number(row.id));
      // The theme's live rows of a list, in the order its page shows them.
      const liveIds = async (
        table: 'contacts' | 'content_areas' | 'theme_links' | 'activity_figures',
        order: 'position' | 'key',
      ) =>
        ids(
          await db
            .selectFrom(table)
            .select('id')
            .where('theme_id', '=', theme.id)
            .where('archived_at', 'is', null)
            .orderBy(order === 'key' ? sql.ref('key') : sql.ref('position'))
            .orderBy('id')
            .execute(),
        );
      expect(ids(contacts), summary.slug).toEqual(await liveIds('contacts', 'position'));
      expect(ids(contentAreas), summary.slug).toEqual(await liveIds('content_areas', 'position'));
      expect(ids(links), summary.slug).toEqual(await liveIds('theme_links', 'position'));
      expect(ids(activityFigures), summary.slug).toEqual(await liveIds('activity_figures', 'key'));

      const snapshots = await db
        .selectFrom('finance_snapshots')
        .selectAll()
        .where('theme_id', '=', theme.id)
        .orderBy('as_of', 'desc')
        .orderBy('id', 'desc')
        .execute();
      expect(ids(financeHistory), summary.slug).toEqual(ids(snapshots));
      // The head a finance edit names to detect a concurrent entry is the last one recorded.
      const last = snapshots.reduce<(typeof snapshots)[number] | null>(
        (found, row) => (!found || Number(row.sequence) > Number(found.sequence) ? row : found),
        null,
      );
      expect(financeHead, summary.slug).toBe(last ? Number(last.id) : null);
      const names = await publicNames(
        db,
        snapshots.map((row) => row.recorded_by),
      );
      for (const [index, entry] of financeHistory.entries()) {
        const row = snapshots[index]!;
        entries++;
        expect(entry.recordedAt, summary.slug).toBe(row.recorded_at);
        expect(entry.recordedBy, summary.slug).toBe(names.get(row.recorded_by));
        expect(entry.frame, summary.slug).toBe(row.frame_cents);
        expect(entry.paid, summary.slug).toBe(row.paid_cents);
        const split = await db
          .selectFrom('frame_splits')
          .select(['ministry', 'cents'])
          .where('snapshot_id', '=', row.id)
          .orderBy('ministry')
          .execute();
        shares += split.length;
        expect(
          entry.frameByMinistry.map((s) => ({ ministry: s.ministry, cents: s.amount })),
          summary.slug,
        ).toEqual(split);
      }
      expect(financeHistory.filter((entry) => entry.current).length).toBe(summary.finance ? 1 : 0);
    }
    // The data has finance entries and ministries' shares of a frame for the check above to see.
    expect(entries).toBeGreaterThan(10);
    expect(shares).toBeGreaterThan(0);
  });

  it('answers null for a slug that is not a theme', async () => {
    expect(await getTheme(database.db, 'ei-tallaista', context)).toBeNull();
  });
});
