/**
 * The 2024 dataset says only what the sources say, as the API and the documents show it, on SQLite
 * and (with TEST_DATABASE_URL) PostgreSQL: a group project's main implementer only where the review
 * states it ("(päätoteuttaja)"), otherwise "not stated" and no "(päätoteuttaja)" in the compiled
 * project list; "ei vielä" for paid is 0 € with the words kept, not unknown.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { ProjectEntityDetail, ThemeSummary } from '../../src/contracts/api.js';
import { buildProjectList } from '../../src/db/repositories/reports.js';

describe.each(DIALECTS)('facts of the 2024 dataset on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(async () => t?.close());

  const entity = async (key: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/projects/${key}` })).json() as ProjectEntityDetail;

  it('states a main implementer only where the review does', async () => {
    // Seed 001 line 331: "S30977 Lab-ammattikorkeakoulu Oy (päätoteuttaja)".
    const merit = await entity('tyomarkkinoiden-kohtaanto-merit');
    expect(merit.projects.find((p) => p.code === 'S30977')?.role).toBe('main');
    // Lines 2856–2859 list KNOT's implementers without naming the main one.
    const knot = await entity('lanupe-knot');
    expect(knot.projects.length).toBeGreaterThan(1);
    expect(new Set(knot.projects.map((p) => p.role))).toEqual(new Set(['not_stated']));
  });

  it('prints "(päätoteuttaja)" in the review only where it is stated', async () => {
    const theme = await t.database.db
      .selectFrom('themes')
      .select('id')
      .where('slug', '=', 'lanupe')
      .executeTakeFirstOrThrow();
    const list = await buildProjectList(t.database.db, Number(theme.id), null);
    const groups = list.flatMap((group) => group.entities.filter((e) => e.kind === 'group'));
    expect(groups.length).toBe(6);
    // None of LANUPE's six group projects has its main implementer named in the review.
    expect(groups.flatMap((e) => e.projects.map((p) => p.role)).filter((role) => role !== 'not_stated')).toEqual([]);
  });

  it('holds "ei vielä" as 0 € with the words kept', async () => {
    const { items } = (await t.app.inject({ method: 'GET', url: '/api/v1/themes' })).json() as {
      items: ThemeSummary[];
    };
    const withWords = items.filter((theme) => theme.finance?.asWritten.paid === 'ei vielä');
    expect(withWords).toHaveLength(1);
    expect(withWords[0]!.finance?.paid).toBe(0);
  });

  it('keeps both implementers of theme 1’s coordination project and ends S30042', async () => {
    // Line 329: "Toteuttaja KEHA-keskus/Uudenmaan ELY-keskus".
    const coordination = await entity('tyomarkkinoiden-kohtaanto-tulevaisuuden-tyomarkkinat');
    expect(coordination.projects.map((p) => p.implementer.key).sort()).toEqual(['keha-keskus', 'uudenmaan-ely-keskus']);
    // Line 414: the study "päättyi 30.11.2023".
    const study = await entity('uusia-tyomahdollisuuksia-selvitys-osatyokykyisten-rekrytointien-helpottamisesta');
    expect(study.status).toBe('ended');
  });
});
