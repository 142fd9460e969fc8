/**
 * Class 8 of the security issue: erasure reaches every copy. A coordination contact of LANUPE is in
 * an approved report's frozen header (and so in the compiled review as HTML, DOCX and PDF) and has a
 * reminder in the outbox. Before, `erase` cleared the contact only and the right-of-access answer
 * said nothing of the copies. Now the access answer lists every place, and after erasure the
 * person's name, e-mail and phone are nowhere: the frozen header keeps the role under a pseudonym,
 * the compiled documents follow it, the outbox is purged.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, signIn, THEME, type Session } from '../helpers/actors.js';

const run = promisify(execFile);
const NAME = 'Erkki Poistettava';
const EMAIL = 'erkki.poistettava@example.fi';
const PHONE = '+358 40 765 4321';
const PERIOD = 'erasure-2024';

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'class-08-'));
  try {
    writeFileSync(join(dir, 'review.pdf'), pdf);
    return (await run('pdftotext', [join(dir, 'review.pdf'), '-'])).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(DIALECTS)('erasure reaches every copy on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let contactId: number;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'test-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'test-admin');
    const send = async (method: 'POST' | 'PATCH', url: string, payload: object, version?: number) => {
      const response = await as(t.app, admin, {
        method,
        url,
        payload,
        headers: version === undefined ? {} : { 'if-match': `"${version}"` },
      });
      expect(response.statusCode, `${url}: ${response.body}`).toBeLessThan(300);
      return response.json() as Record<string, unknown>;
    };
    const contact = await send('POST', '/api/v1/contacts', {
      theme: THEME,
      role: 'coordination',
      name: NAME,
      email: EMAIL,
      phone: PHONE,
      title: 'Koordinaattori',
    });
    contactId = (contact.data as { id: number }).id;
    const period = await send('POST', '/api/v1/reporting-periods', {
      key: PERIOD,
      title: { fi: 'Toteutuskatsaus 2024' },
      cutOff: '2024-10-31',
      deadline: '2024-11-30',
      themes: [THEME],
    });
    reportId = (period.themes as { reportId: number }[])[0]!.reportId;
    await send('POST', `/api/v1/reporting-periods/${PERIOD}/reminders`, { themes: [THEME] });
    const sections = Object.fromEntries(['s1', 's2', 's3', 's4', 's5'].map((k) => [k, { html: `<p>Osio ${k}.</p>` }]));
    const report = async () =>
      (await as(t.app, admin, { url: `/api/v1/reports/${reportId}` })).json() as { version: number };
    await send('PATCH', `/api/v1/reports/${reportId}`, { sections }, (await report()).version);
    await send('POST', `/api/v1/reports/${reportId}/submit`, {}, (await report()).version);
    await send('POST', `/api/v1/reports/${reportId}/approve`, {}, (await report()).version);
  }, 120_000);
  afterAll(async () => t?.close());

  const everything = async () => {
    const review = (format: string) =>
      as(t.app, admin, { url: `/api/v1/reporting-periods/${PERIOD}/review.${format}` });
    const [report, html, docx, pdf, outbox] = await Promise.all([
      as(t.app, admin, { url: `/api/v1/reports/${reportId}` }),
      review('html'),
      review('docx'),
      review('pdf'),
      as(t.app, admin, { url: `/api/v1/reporting-periods/${PERIOD}/outbox` }),
    ]);
    for (const r of [report, html, docx, pdf, outbox]) expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
    const rows = await t.database.db.selectFrom('theme_reports').select('header').where('id', '=', reportId).execute();
    return {
      'the approved report': report.body,
      'its frozen header in the database': rows.map((r) => r.header ?? '').join(''),
      'review.html': html.body,
      'review.docx': (await mammoth.extractRawText({ buffer: docx.rawPayload })).value,
      'review.pdf': await pdfText(pdf.rawPayload),
      'the outbox': outbox.body,
    };
  };

  it('before erasure the person is in every copy, and the access answer lists each place', async () => {
    const copies = await everything();
    for (const [place, text] of Object.entries(copies)) if (place !== 'the outbox') expect(text, place).toContain(NAME);
    expect(copies['the outbox']).toContain(EMAIL);
    const access = await as(t.app, admin, { url: `/api/v1/contacts/${contactId}/personal-data` });
    expect(access.statusCode).toBe(200);
    const places = (access.json() as { heldIn: { place: string; ref: string }[] }).heldIn;
    expect(places.map((p) => p.place).sort()).toEqual(
      ['compiled_review', 'contact', 'outbox', 'personal_data', 'report_header'].sort(),
    );
    expect(places.find((p) => p.place === 'report_header')!.ref).toBe(`${PERIOD}/${THEME}`);
  });

  it('after erasure no name, e-mail or phone is left anywhere; the role stays under a pseudonym', async () => {
    const erased = await as(t.app, admin, { method: 'POST', url: `/api/v1/contacts/${contactId}/erase` });
    expect(erased.statusCode, erased.body).toBe(204);
    const copies = await everything();
    for (const [place, text] of Object.entries(copies)) {
      for (const value of [NAME, EMAIL, PHONE, 'Poistettava'])
        expect(text.includes(value), `${place} still holds ${value}`).toBe(false);
    }
    const report = (await as(t.app, admin, { url: `/api/v1/reports/${reportId}` })).json() as {
      header: { contacts: { role: string; name: string; email: string | null }[]; frozenAt: string | null };
    };
    expect(report.header.frozenAt).toBeTruthy();
    const redacted = report.header.contacts.find((c) => c.name.startsWith('Poistettu henkilö ('));
    expect(redacted).toMatchObject({ role: 'coordination', email: null });
    const access = await as(t.app, admin, { url: `/api/v1/contacts/${contactId}/personal-data` });
    const places = (access.json() as { heldIn: { place: string }[] }).heldIn.map((p) => p.place);
    expect(places).toEqual(['contact']);
  });
});
