/**
 * People by the names people know, over HTTP on SQLite and PostgreSQL: the report's versions, its
 * comments and who last changed it, the audit trail's entries and a record's history all name the
 * user by their display name (the username is half of a sign-in and stays in the trail's `actor`).
 * The dataset's organisations carry their official Swedish names; the page shell is in the
 * address's language.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageShell, WEB_SOURCE } from '../../src/server/modules/web/web-app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser } from '../helpers/sessions.js';

describe.each(DIALECTS)('display names and Swedish names (%s)', (dialect) => {
  let t: TestApp;
  let admin: RequestingUser;
  let coordinator: RequestingUser;
  let stm: RequestingUser;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.database.db;
    admin = await signedIn(t.app, db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedIn(t.app, db, 'kkoordinaattori', [{ role: 'theme_coordinator', theme: 'lanupe' }]);
    stm = await signedIn(t.app, db, 'stm-virkamies', [{ role: 'ministry_official', ministry: 'STM' }]);
    await db
      .updateTable('users')
      .set({ display_name: 'Kaisa Koordinaattori' })
      .where('username', '=', 'kkoordinaattori')
      .execute();
    await db
      .updateTable('users')
      .set({ display_name: 'Sanna Sosiaali' })
      .where('username', '=', 'stm-virkamies')
      .execute();
    const period = await admin.request({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      payload: { key: '2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31' },
    });
    reportId = period.json().themes.find((x: { slug: string }) => x.slug === 'lanupe').reportId;
    const fill = Object.fromEntries(
      ['s1', 's2', 's3', 's4', 's5'].map((key) => [key, { html: `<p>Osio ${key}.</p>` }]),
    );
    const saved = await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/reports/${reportId}`,
      headers: { 'if-match': '"1"' },
      payload: { sections: fill },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await coordinator.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/submit`,
      headers: { 'if-match': '"2"' },
      payload: {},
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const returned = await stm.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/return`,
      headers: { 'if-match': '"3"' },
      payload: { comments: [{ section: 's1', body: 'Tarkenna.' }] },
    });
    expect(returned.statusCode, returned.body).toBe(200);
  });
  afterAll(async () => t?.close());

  it('names the report’s savers, commenters and last editor by display name, never by username', async () => {
    const versions = (await coordinator.request({ method: 'GET', url: `/api/v1/reports/${reportId}/versions` })).json();
    const savers = versions.items.map((v: { savedBy: string }) => v.savedBy);
    expect(savers).toContain('Kaisa Koordinaattori');
    expect(savers).toContain('Sanna Sosiaali');
    expect(savers).not.toContain('kkoordinaattori');
    expect(savers).not.toContain('stm-virkamies');
    const report = (await coordinator.request({ method: 'GET', url: `/api/v1/reports/${reportId}` })).json();
    expect(report.comments.map((c: { author: string }) => c.author)).toEqual(['Sanna Sosiaali']);
    expect(report.updatedBy).toBe('Sanna Sosiaali');
  });

  it('the audit trail gives the display name beside the username', async () => {
    const page = (
      await admin.request({ method: 'GET', url: '/api/v1/admin/audit/entries?actor=kkoordinaattori&limit=50' })
    ).json();
    expect(page.items.length).toBeGreaterThan(0);
    for (const entry of page.items) {
      expect(entry.actor).toBe('kkoordinaattori');
      expect(entry.actorName).toBe('Kaisa Koordinaattori');
    }
  });

  it('gives the organisations their official Swedish names; the rest stay Finnish only', async () => {
    const get = async (key: string) =>
      (
        await t.app.inject({ method: 'GET', url: `/api/v1/organisations/${key}`, headers: { 'accept-language': 'sv' } })
      ).json();
    expect((await get('uudenmaan-ely-keskus')).name).toMatchObject({
      fi: 'Uudenmaan ELY-keskus',
      sv: 'NTM-centralen i Nyland',
    });
    expect((await get('lapin-ely-keskus')).name.sv).toBe('NTM-centralen i Lappland');
    expect((await get('pirkanmaan-hyvinvointialue')).name.sv).toBe('Birkalands välfärdsområde');
    expect((await get('vantaan-ja-keravan-hyvinvointialue')).name.sv).toBe('Vanda och Kervo välfärdsområde');
    expect((await get('terveyden-ja-hyvinvoinnin-laitos')).name.sv).toBe('Institutet för hälsa och välfärd');
    expect((await get('abo-akademi')).name.sv).toBe('Åbo Akademi');
    expect((await get('kuntoutussaatio-sr')).name.sv ?? null).toBeNull();
  });
});

describe('the page shell', () => {
  const index = readFileSync(`${WEB_SOURCE}/index.html`, 'utf8');

  it('is in the address’s language: <html lang> and the loading line', () => {
    const sv = pageShell(index, '/sv/themes/lanupe');
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('Laddar…');
    expect(sv).not.toContain('Ladataan…');
    expect(sv).not.toContain('>Loading…<');
    expect(sv).toContain('>Temauppföljning<');
    expect(sv).not.toContain('data-shell-lang="fi">Teemaseuranta<');
    const en = pageShell(index, '/en?x=1');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Loading…');
    expect(en).not.toContain('Laddar…');
    // The noscript text stays in all three languages, each marked.
    for (const shell of [sv, en]) {
      expect(shell).toContain('Teemaseuranta tarvitsee JavaScriptin');
      expect(shell).toContain('<p lang="sv">');
    }
  });

  it('keeps all three where the address has no language', () => {
    const root = pageShell(index, '/');
    expect(root).toContain('Ladataan…');
    expect(root).toContain('Laddar…');
    expect(root).toContain('Loading…');
  });
});
