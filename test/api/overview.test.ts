/**
 * The overview API (issue 16, item 5): a page of themes with what the overview page shows and the
 * national totals over every matching theme, much smaller than the full list of themes. SQLite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { sumFigures } from '../../src/domain/finance.js';
import type { Overview, ThemeSummary } from '../../src/contracts/api.js';

describe.each(DIALECTS)('overview API on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('pages through every theme once, in the list order, with the national totals on every page', async () => {
    const full = (await get('/api/v1/themes')).json() as { items: ThemeSummary[] };
    const totals = sumFigures(
      full.items.map((theme) => ({
        figures: theme.finance ?? { frame: null, reserved: null, committed: null, paid: null },
        inexact: theme.finance?.rounded ?? {},
      })),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await get(`/api/v1/overview?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as Overview;
      expect(page.items.length).toBeLessThanOrEqual(5);
      expect(page.page.total).toBe(full.items.length);
      expect(page.totals).toEqual(totals);
      seen.push(...page.items.map((item) => item.slug));
      cursor = page.page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(full.items.map((theme) => theme.slug));
  });

  it('shows what the table shows and is smaller than the full list', async () => {
    const full = await get('/api/v1/themes');
    const overview = await get('/api/v1/overview');
    const first = (overview.json() as Overview).items[0]!;
    const theme = (full.json() as { items: ThemeSummary[] }).items[0]!;
    expect(first.finance?.frame).toBe(theme.finance?.frame);
    expect(first.finance?.leftToReserve).toBe(theme.finance?.utilisation.leftToReserve);
    expect(first.finance?.warnings).toBe(theme.finance?.warnings.length);
    // 12 themes of the 2024 data: about half; the saving grows with the number of themes.
    expect(overview.body.length).toBeLessThan(full.body.length * 0.6);
  });

  it('filters like the list and refuses a forged cursor naming the field', async () => {
    const stm = (await get('/api/v1/overview?ministry=STM')).json() as Overview;
    expect(stm.items.every((item) => item.ministries.includes('STM'))).toBe(true);
    const bad = await get('/api/v1/overview?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('cursor');
  });
});
