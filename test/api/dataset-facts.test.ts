/**
 * The 2024 dataset says only what the sources say, as the API and the documents show it, on SQLite
 * and (with TEST_DATABASE_URL) PostgreSQL: a group project's main implementer only where the review
 * states it ("(päätoteuttaja)"), otherwise "not stated" and no "(päätoteuttaja)" in the compiled
 * project list; "ei vielä" for paid is 0 € with the words kept, not unknown; the projects of the 2024
 * review are those decided by its cut-off; inferred values carry their reasoning; ministries' roles,
 * contacts' validity and absence, and approximate call amounts are held as the review gives them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signedInAs, as } from '../helpers/sessions.js';
import type { Call, ProjectEntityDetail, ThemeDetail, ThemeFigures, ThemeSummary } from '../../src/contracts/api.js';
import type { Report } from '../../src/contracts/reports.js';
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

  const get = async <T>(url: string) => {
    const response = await t.app.inject({ method: 'GET', url });
    expect(response.statusCode, url).toBe(200);
    return response.json() as T;
  };

  it('counts in the 2024 review only the entities decided by its cut-off 31.10.2024', async () => {
    // Seed 001 line 1785: "Marraskuussa 2024 rahoituspäätökset tehty:" OSATTU and Menestysresepti.
    const osattu = await entity('tyoelaman-osattu');
    expect(osattu.decidedOn).toBe('2024-11');
    const all = await get<ThemeFigures>('/api/v1/themes/tyoelaman-kehittaminen/figures');
    const asOfReview = await get<ThemeFigures>('/api/v1/themes/tyoelaman-kehittaminen/figures?asOf=2024-10-31');
    // Line 1510: "44 hanketta (11 hankekokonaisuutta)", two of them decided after 31.10.
    expect(all.projectEntities).toBe(11);
    expect(asOfReview.projectEntities).toBe(9);
    const later = await get<ThemeFigures>('/api/v1/themes/tyoelaman-kehittaminen/figures?asOf=2024-11-30');
    expect(later.projectEntities).toBe(11);
    const refused = await t.app.inject({
      method: 'GET',
      url: '/api/v1/themes/tyoelaman-kehittaminen/figures?asOf=2024-13-01',
    });
    expect(refused.statusCode).toBe(400);

    // The theme's report for the 2024 period lists the nine, not the two decided in November.
    const admin = await signedInAs(t.app, t.database.db, 'hallinto-asof', [{ role: 'admin' }]);
    const period = { key: '2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31', deadline: '2024-12-15' };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      headers: as(admin),
      payload: period,
    });
    expect(created.statusCode).toBe(201);
    const report = (
      await t.app.inject({
        method: 'GET',
        url: '/api/v1/reporting-periods/2024/themes/tyoelaman-kehittaminen/report',
        headers: as(admin),
      })
    ).json() as Report;
    const listed = report.projects.flatMap((group) => group.entities.map((e) => e.key));
    expect(listed).toHaveLength(9);
    expect(listed).not.toContain('tyoelaman-osattu');
    expect(report.projects.flatMap((g) => g.entities).some((e) => e.name.fi.startsWith('Menestysresepti'))).toBe(false);
  });

  it('keeps S30042’s dated end in its status history', async () => {
    const study = await entity('uusia-tyomahdollisuuksia-selvitys-osatyokykyisten-rekrytointien-helpottamisesta');
    expect(study.statusHistory).toEqual([
      { status: 'ended', from: '2023-11-30', source: expect.stringContaining('seed 001 lines 414-414') },
    ]);
  });

  it('holds inferred values as inferred, with the reasoning, apart from stated ones', async () => {
    // Lines 3448–3449: "LANUPE-koordinaation nykyinen toimikausi päättyy vuoden lopussa".
    const lanupe = await entity(
      'osallisuuden-tuki-ja-koordinaatio-lasten-nuorten-ja-perheiden-osallisuuden-koordinaatio',
    );
    expect(lanupe.period.end).toBe('2025-12');
    expect(lanupe.period.inferred?.end?.reason).toContain('toimikausi päättyy vuoden lopussa');
    expect(lanupe.period.inferred?.start).toBeNull();
    // A project whose period no one inferred carries no inference.
    const stated = await entity('tyomarkkinoiden-kohtaanto-merit');
    expect(stated.period.inferred).toBeUndefined();
    // Theme 6 names no ministry; OKM is inferred from the contacts' phone numbers.
    const theme6 = await get<ThemeDetail>('/api/v1/themes/jatkuva-oppiminen');
    expect(theme6.ministryRoles).toEqual([
      { ministry: 'OKM', role: null, inferred: { reason: expect.stringContaining('0295 330') } },
    ]);
  });

  it('holds theme 3’s lead and partner ministries and the contacts’ validity and absence', async () => {
    // Lines 554–566: "Teeman vastuuministeriö TEM", "Toteutuksessa kumppaneina OKM … STM".
    const theme3 = await get<ThemeDetail>('/api/v1/themes/maahanmuuttaneiden-toimiva-arki');
    expect(Object.fromEntries(theme3.ministryRoles.map((m) => [m.ministry, m.role]))).toEqual({
      TEM: 'lead',
      OKM: 'partner',
      STM: 'partner',
    });
    expect(theme3.ministryRoles.every((m) => m.inferred === null)).toBe(true);
    // Lines 1441–1447: "31.3.2025 saakka Tiina Lintunen", "1.4.2025 lähtien Henna Kymäläinen".
    const theme5 = await get<ThemeDetail>('/api/v1/themes/tyoelaman-kehittaminen');
    const contact = (name: string) => theme5.contacts.find((c) => c.name === name)!;
    expect(contact('Tiina Lintunen')).toMatchObject({ validFrom: null, validTo: '2025-03-31', absence: null });
    expect(contact('Henna Kymäläinen')).toMatchObject({ validFrom: '2025-04-01', validTo: null });
    // Line 3570: "Iida Partanen (virkavapaalla)".
    const theme12 = await get<ThemeDetail>('/api/v1/themes/turvaverkkoja-nuorten-tulevaisuuteen');
    expect(theme12.contacts.find((c) => c.name === 'Iida Partanen')?.absence).toBe('on_leave');
    expect(theme12.contacts.find((c) => c.name === 'Karmen Zagar')?.absence).toBeNull();
  });

  it('keeps approximate call amounts approximate, with the source’s words', async () => {
    const { items } = await get<{ items: Call[] }>('/api/v1/calls?theme=lanupe');
    const call = items.find((c) => c.key === 'lanupe-rahoitushaku-2023')!;
    // Line 2706: "käyttämättä noin 3,5 milj.€".
    expect(call.leftOver).toBe(350_000_000);
    expect(call.precision).toEqual({ budget: 'exact', granted: 'exact', leftOver: 'approximate' });
    expect(call.asWritten.leftOver).toBe('noin 3,5 milj.€');
    const { items: theme10 } = await get<{ items: Call[] }>(
      '/api/v1/calls?theme=yhdenvertaisuuden-ja-tasa-arvon-edistaminen',
    );
    const first = theme10.find((c) => c.key === 'yhdenvertaisuuden-ja-tasa-arvon-edistaminen-haku-2023')!;
    expect(first.precision).toEqual({ budget: 'rounded', granted: 'approximate', leftOver: 'exact' });
  });
});
