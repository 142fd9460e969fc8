/**
 * A theme report from draft through return to approval, over HTTP with real sessions, on SQLite and
 * (with TEST_DATABASE_URL) PostgreSQL: limits enforced on the server, stale saves refused with the
 * current report, every save a version, any two versions compared, reminders recorded, the managing
 * authority's overview, and access refused where it should be.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, signedInAs, type Session } from '../helpers/sessions.js';

describe.each(DIALECTS)('theme report workflow on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;
  let otherCoordinator: Session;
  let stm: Session;
  let okm: Session;
  let tem: Session;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedInAs(t.app, t.database.db, 'koordinaattori', [
      { role: 'theme_coordinator', theme: 'lanupe' },
    ]);
    otherCoordinator = await signedInAs(t.app, t.database.db, 'toinen', [
      { role: 'theme_coordinator', theme: 'jatkuva-oppiminen' },
    ]);
    stm = await signedInAs(t.app, t.database.db, 'stm-virkamies', [{ role: 'ministry_official', ministry: 'STM' }]);
    okm = await signedInAs(t.app, t.database.db, 'okm-virkamies', [{ role: 'ministry_official', ministry: 'OKM' }]);
    tem = await signedInAs(t.app, t.database.db, 'tem-virkamies', [{ role: 'ministry_official', ministry: 'TEM' }]);
  });
  afterAll(async () => t?.close());

  const request = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    session: Session | null,
    payload?: unknown,
    headers: Record<string, string> = {},
  ) =>
    t.app.inject({
      method,
      url,
      headers: as(session, headers),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  it('lets only the managing authority open a period; every theme gets a draft', async () => {
    const input = { key: '2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31', deadline: '2024-12-15' };
    expect((await request('POST', '/api/v1/reporting-periods', null, input)).statusCode).toBe(401);
    expect((await request('POST', '/api/v1/reporting-periods', coordinator, input)).statusCode).toBe(403);
    const created = await request('POST', '/api/v1/reporting-periods', admin, input);
    expect(created.statusCode).toBe(201);
    expect(created.json().themes).toHaveLength(12);
    const lanupe = created.json().themes.find((theme: { slug: string }) => theme.slug === 'lanupe');
    reportId = lanupe.reportId;
    expect(reportId).toBeGreaterThan(0);
  });

  it('fills the header from the data as of the cut-off and section 7 from the projects', async () => {
    const response = await request('GET', `/api/v1/reports/${reportId}`, coordinator);
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBe('"1"');
    const report = response.json();
    expect(report.state).toBe('draft');
    expect(report.header.figures).toMatchObject({
      asOf: '2024-10-31',
      frame: 2_300_000_000,
      reserved: 571_032_100,
      committed: 360_129_600,
      paid: 0,
    });
    expect(report.header.ministries).toEqual(['OKM', 'STM']);
    expect(report.projects.flatMap((g: { entities: unknown[] }) => g.entities).length).toBeGreaterThan(0);
    expect(report.sections.map((s: { key: string; limit: number }) => [s.key, s.limit])).toEqual([
      ['s1', 2000],
      ['s2', 4000],
      ['s3', 2000],
      ['s4', 2000],
      ['s5', 2000],
    ]);
  });

  it('keeps reports of other themes from their coordinators and from the public', async () => {
    expect((await request('GET', `/api/v1/reports/${reportId}`, null)).statusCode).toBe(401);
    expect((await request('GET', `/api/v1/reports/${reportId}`, otherCoordinator)).statusCode).toBe(403);
    expect((await request('GET', `/api/v1/reports/${reportId}`, tem)).statusCode).toBe(403);
    expect(
      (
        await request(
          'PATCH',
          `/api/v1/reports/${reportId}`,
          otherCoordinator,
          { sections: { s1: { html: '<p>x</p>' } } },
          { 'if-match': '"1"' },
        )
      ).statusCode,
    ).toBe(403);
  });

  it('sanitizes, enforces limits on the server, and refuses a save without or from a stale version', async () => {
    const noVersion = await request('PATCH', `/api/v1/reports/${reportId}`, coordinator, {
      sections: { s1: { html: '<p>x</p>' } },
    });
    expect(noVersion.statusCode).toBe(428);
    const over = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      { sections: { s1: { html: `<p>${'a'.repeat(2001)}</p>` } } },
      { 'if-match': '"1"', 'accept-language': 'en' },
    );
    expect(over.statusCode).toBe(422);
    expect(over.json().errors).toEqual([
      { name: 'sections.s1', reason: 'Section 1 has 2001 characters; at most 2000 are allowed (1 over).' },
    ]);
    const badLink = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      { links: [{ url: 'javascript:alert(1)' }] },
      { 'if-match': '"1"' },
    );
    expect(badLink.statusCode).toBe(422);
    expect(badLink.json().errors[0].name).toBe('links.0.url');

    const saved = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      {
        sections: { s1: { html: '<p>Teemassa on rahoitettu 12 hanketta.</p><script>alert(1)</script>' } },
        links: [{ url: 'https://rakennerahastot.fi/lanupe', title: 'Teeman sivu' }],
      },
      { 'if-match': '"1"' },
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.json()).toMatchObject({ version: 2, changed: true });
    expect(saved.json().sections[0]).toEqual({
      key: 's1',
      characters: 'Teemassa on rahoitettu 12 hanketta.'.length,
      limit: 2000,
    });

    // A second editor still on version 1 loses nothing: 409 with the current report to merge with.
    const stale = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      { sections: { s2: { html: '<p>toinen</p>' } } },
      { 'if-match': '"1"' },
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    expect(stale.json().current.sections[0].html).toBe('<p>Teemassa on rahoitettu 12 hanketta.</p>');

    // An autosave with nothing new writes nothing.
    const same = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      { sections: { s1: { html: '<p>Teemassa on rahoitettu 12 hanketta.</p>' } }, autosave: true },
      { 'if-match': '"2"' },
    );
    expect(same.json()).toMatchObject({ version: 2, changed: false });
  });

  it('refuses to submit while sections are empty, naming them', async () => {
    const response = await request(
      'POST',
      `/api/v1/reports/${reportId}/submit`,
      coordinator,
      {},
      { 'if-match': '"2"' },
    );
    expect(response.statusCode).toBe(422);
    expect(response.json().errors.map((e: { name: string }) => e.name)).toEqual([
      'sections.s2',
      'sections.s3',
      'sections.s4',
      'sections.s5',
    ]);
  });

  it('goes draft → submitted → returned with comments → resubmitted → approved', async () => {
    const fill = Object.fromEntries(
      ['s2', 's3', 's4', 's5'].map((key) => [key, { html: `<p>Osion ${key} teksti.</p><ul><li>kohta</li></ul>` }]),
    );
    const filled = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      { sections: fill },
      { 'if-match': '"2"' },
    );
    expect(filled.json().version).toBe(3);
    const submitted = await request(
      'POST',
      `/api/v1/reports/${reportId}/submit`,
      coordinator,
      {},
      { 'if-match': '"3"' },
    );
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ state: 'submitted', version: 4, submissions: 1 });

    // Submitted reports cannot be edited, and coordinators cannot approve their own.
    expect(
      (
        await request(
          'PATCH',
          `/api/v1/reports/${reportId}`,
          coordinator,
          { sections: { s1: { html: '<p>x</p>' } } },
          { 'if-match': '"4"' },
        )
      ).statusCode,
    ).toBe(422);
    expect(
      (await request('POST', `/api/v1/reports/${reportId}/approve`, coordinator, {}, { 'if-match': '"4"' })).statusCode,
    ).toBe(403);
    // TEM does not own LANUPE.
    expect(
      (await request('POST', `/api/v1/reports/${reportId}/approve`, tem, {}, { 'if-match': '"4"' })).statusCode,
    ).toBe(403);

    const noComments = await request('POST', `/api/v1/reports/${reportId}/return`, stm, {}, { 'if-match': '"4"' });
    expect(noComments.statusCode).toBe(422);
    const returned = await request(
      'POST',
      `/api/v1/reports/${reportId}/return`,
      stm,
      { comments: [{ section: 's2', body: 'Kuvaa haut tarkemmin.' }] },
      { 'if-match': '"4"' },
    );
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', version: 5 });
    expect(returned.json().comments).toEqual([
      expect.objectContaining({ section: 's2', body: 'Kuvaa haut tarkemmin.', author: 'stm-virkamies', version: 5 }),
    ]);

    const fixed = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      { sections: { s2: { html: '<p>Haku oli auki 5.10.–4.12.2023; hakemuksia tuli 147.</p>' } } },
      { 'if-match': '"5"' },
    );
    expect(fixed.json().version).toBe(6);
    const resubmitted = await request(
      'POST',
      `/api/v1/reports/${reportId}/submit`,
      coordinator,
      {},
      { 'if-match': '"6"' },
    );
    expect(resubmitted.json()).toMatchObject({ state: 'submitted', submissions: 2 });
    // LANUPE is joint (OKM + STM): STM's approval alone leaves it submitted, waiting for OKM.
    const approvedByStm = await request('POST', `/api/v1/reports/${reportId}/approve`, stm, {}, { 'if-match': '"7"' });
    expect(approvedByStm.statusCode).toBe(200);
    expect(approvedByStm.json().state).toBe('submitted');
    const twice = await request('POST', `/api/v1/reports/${reportId}/approve`, stm, {}, { 'if-match': '"8"' });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().errors[0]).toEqual({ name: 'ministry', reason: expect.stringContaining('odotetaan: OKM') });
    const approved = await request('POST', `/api/v1/reports/${reportId}/approve`, okm, {}, { 'if-match': '"8"' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json().state).toBe('approved');
    expect(approved.json().header.frozenAt).toBeTruthy();
    expect(
      (await request('POST', `/api/v1/reports/${reportId}/approve`, stm, {}, { 'if-match': '"9"' })).statusCode,
    ).toBe(422);
  });

  it('keeps every version and compares any two', async () => {
    const versions = (await request('GET', `/api/v1/reports/${reportId}/versions`, coordinator)).json().items;
    expect(versions.map((v: { action: string }) => v.action)).toEqual([
      'create',
      'save',
      'save',
      'submit',
      'return',
      'save',
      'submit',
      'approve',
      'approve',
    ]);
    const diff = (await request('GET', `/api/v1/reports/${reportId}/diff?from=3&to=6`, stm)).json();
    const s2 = diff.sections.find((s: { key: string }) => s.key === 's2');
    expect(s2.changed).toBe(true);
    expect(s2.parts.some((p: { op: string; text: string }) => p.op === 'insert' && p.text.includes('147'))).toBe(true);
    expect(diff.sections.find((s: { key: string }) => s.key === 's1').changed).toBe(false);
    const links = (await request('GET', `/api/v1/reports/${reportId}/diff?from=1&to=2`, stm)).json().links;
    expect(links).toEqual({ added: ['https://rakennerahastot.fi/lanupe'], removed: [] });
  });

  it("shows the managing authority every theme's state and records reminders", async () => {
    expect((await request('GET', '/api/v1/reporting-periods/2024/status', coordinator)).statusCode).toBe(403);
    const status = (await request('GET', '/api/v1/reporting-periods/2024/status', admin)).json();
    expect(status.counts).toEqual({ draft: 11, submitted: 0, returned: 0, approved: 1 });
    expect(status.themes.find((t: { slug: string }) => t.slug === 'lanupe').state).toBe('approved');

    expect((await request('POST', '/api/v1/reporting-periods/2024/reminders', stm, {})).statusCode).toBe(403);
    const sent = await request('POST', '/api/v1/reporting-periods/2024/reminders', admin, {
      message: 'Muistathan määräajan.',
    });
    expect(sent.statusCode).toBe(201);
    const messages = sent.json().messages as { theme: string; subject: string; body: string }[];
    expect(new Set(messages.map((m) => m.theme)).size).toBe(11);
    expect(
      messages.every(
        (m) => m.theme !== 'lanupe' && m.subject.includes('15.12.2024') && m.body.includes('Muistathan määräajan.'),
      ),
    ).toBe(true);
    const after = (await request('GET', '/api/v1/reporting-periods/2024/status', admin)).json();
    expect(after.themes.filter((t: { lastReminderAt: string | null }) => t.lastReminderAt !== null)).toHaveLength(11);
  });
});
