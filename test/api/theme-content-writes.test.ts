/**
 * A theme's contacts and links through the write API (issue 17), on SQLite and PostgreSQL: a
 * contact's validity and absence (issue 15) are written and read back, on the theme page too with
 * the record's id for the forms, and the trail stores them without the person's name; a validity
 * that ends before it starts, a phone number that is not one and a web address that is not http(s)
 * are refused, naming the field, in the asker's language, and nothing is stored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser } from '../helpers/sessions.js';

const THEME = 'lanupe';

describe.each(DIALECTS)('theme content writes (%s)', (dialect) => {
  let t: TestApp;
  let coordinator: RequestingUser;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    coordinator = await signedIn(t.app, t.database.db, 'koordinaattori', [{ role: 'theme_coordinator', theme: THEME }]);
  });
  afterAll(async () => t?.close());

  const rows = async (table: 'contacts' | 'theme_links') =>
    (await t.database.db.selectFrom(table).selectAll().orderBy('id').execute()).map((row) => JSON.stringify(row));

  it('writes a contact’s validity and absence, shows them with the id, and keeps the name out of the trail', async () => {
    const created = await coordinator.request({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { theme: THEME, role: 'coordination', name: 'Ville Voimassa', validFrom: '2025-04-01', validTo: '2026' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as number;
    expect(created.json().data).toMatchObject({ validFrom: '2025-04-01', validTo: '2026', absence: null });
    const changed = await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      headers: { 'if-match': created.headers.etag as string },
      payload: { absence: 'on_leave' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toMatchObject({ validFrom: '2025-04-01', validTo: '2026', absence: 'on_leave' });
    const theme = (await t.app.inject({ method: 'GET', url: `/api/v1/themes/${THEME}` })).json();
    expect(theme.contacts).toContainEqual(
      expect.objectContaining({ id, name: 'Ville Voimassa', validFrom: '2025-04-01', absence: 'on_leave' }),
    );
    expect(theme.contentAreas.every((area: { id: unknown }) => typeof area.id === 'number')).toBe(true);
    expect(theme.links.every((link: { id: unknown }) => typeof link.id === 'number')).toBe(true);
    const trail = await t.database.db
      .selectFrom('audit_log')
      .select(['after'])
      .where('entity_type', '=', 'contact')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(trail).toHaveLength(2);
    expect(trail[1]!.after).toContain('on_leave');
    expect(trail.map((entry) => entry.after).join()).not.toContain('Ville Voimassa');
  });

  it('refuses a validity that ends before it starts, on create and on change, in Swedish; nothing is stored', async () => {
    const before = await rows('contacts');
    const refused = await coordinator.request({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: { 'accept-language': 'sv' },
      payload: {
        theme: THEME,
        role: 'coordination',
        name: 'Väärä Järjestys',
        validFrom: '2025-04-01',
        validTo: '2025-03',
      },
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ name: 'validTo', reason: 'Giltighetens slut kan inte komma före dess början.' }),
    ]);
    const contact = await t.database.db
      .selectFrom('contacts')
      .select(['id', 'version'])
      .where('name', '=', 'Ville Voimassa')
      .executeTakeFirstOrThrow();
    const change = await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${contact.id}`,
      headers: { 'if-match': `"${contact.version}"` },
      payload: { validTo: '2024-12' },
    });
    expect(change.statusCode, change.body).toBe(422);
    expect(change.json().errors[0]).toMatchObject({ name: 'validTo', reason: expect.stringContaining('ennen') });
    expect(await rows('contacts')).toEqual(before);
  });

  it('refuses a phone number that is not one and a web address that is not http(s), naming the field', async () => {
    const contacts = await rows('contacts');
    const links = await rows('theme_links');
    const phone = await coordinator.request({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: { theme: THEME, role: 'coordination', name: 'Puhelin Väärin', phone: 'soita minulle' },
    });
    expect(phone.statusCode).toBe(400);
    expect(phone.json().errors).toEqual([
      expect.objectContaining({ name: 'phone', reason: expect.stringContaining('Puhelinnumerossa') }),
    ]);
    for (const url of [
      'javascript:alert(1)',
      'mailto:a@example.fi',
      'data:text/html,x',
      'https://',
      'ftp://example.fi/x',
    ]) {
      const link = await coordinator.request({
        method: 'POST',
        url: '/api/v1/theme-links',
        headers: { 'accept-language': 'sv' },
        payload: { theme: THEME, url },
      });
      expect(link.statusCode, url).toBe(400);
      expect(link.json().errors, url).toContainEqual({
        name: 'url',
        reason: 'Adressen måste vara en webbadress som börjar med http:// eller https://.',
      });
    }
    expect(await rows('contacts')).toEqual(contacts);
    expect(await rows('theme_links')).toEqual(links);
    const good = await coordinator.request({
      method: 'POST',
      url: '/api/v1/theme-links',
      payload: { theme: THEME, url: 'https://www.example.fi/polku?x=1', title: 'Esimerkki' },
    });
    expect(good.statusCode, good.body).toBe(201);
  });
});
