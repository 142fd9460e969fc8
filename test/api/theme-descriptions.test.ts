/** Theme descriptions (teemakuvaus) run on the same machinery with their eight sections. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, signedInAs, type Session } from '../helpers/sessions.js';

describe('theme descriptions', () => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedInAs(t.app, t.database.db, 'koordinaattori', [
      { role: 'theme_coordinator', theme: 'lanupe' },
    ]);
  });
  afterAll(async () => t?.close());

  it('has the eight sections named in three languages, no project list and no links section', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      headers: as(admin),
      payload: {
        key: 'teemakuvaukset-2021-2027',
        kind: 'description',
        title: {
          fi: 'Teemakuvaukset 2021–2027',
          sv: 'Temabeskrivningar 2021–2027',
          en: 'Theme descriptions 2021–2027',
        },
        themes: ['lanupe'],
      },
    });
    expect(created.statusCode).toBe(201);
    const period = created.json();
    expect(period.sections.map((s: { key: string }) => s.key)).toEqual([
      'd1',
      'd2',
      'd3',
      'd4',
      'd5',
      'd6',
      'd7',
      'd8',
    ]);
    expect(
      period.sections.every((s: { title: Record<string, string> }) => s.title.fi && s.title.sv && s.title.en),
    ).toBe(true);
    expect(period.sections[7].title).toEqual({
      fi: 'Viestintäsuunnitelma',
      sv: 'Kommunikationsplan',
      en: 'Communication plan',
    });

    const id = period.themes[0].reportId;
    const sections = Object.fromEntries(
      ['d1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8'].map((key) => [key, { html: `<p>${key}</p>` }]),
    );
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${id}`,
      headers: as(coordinator, { 'if-match': '"1"' }),
      payload: { sections },
    });
    expect(saved.statusCode).toBe(200);
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/reports/${id}`,
      headers: as(coordinator, { 'if-match': '"2"' }),
      payload: { sections: { s1: { html: '<p>x</p>' } }, links: [] },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors.map((e: { name: string }) => e.name)).toEqual(['sections.s1', 'links']);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/submit`,
      headers: as(coordinator, { 'if-match': '"2"' }),
      payload: {},
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json().projects).toEqual([]);
  });
});
