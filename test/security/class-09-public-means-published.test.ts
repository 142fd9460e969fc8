/**
 * Class 9 of the security issue: public means published. An earlier meeting whose minutes are still
 * a draft has an open action item; a later meeting's minutes are published. The public copy of the
 * published minutes – JSON, HTML, DOCX and PDF – must carry nothing of the draft (before, its open
 * action items came along) and must not print the link to join the meeting (before, it did); the
 * group's own readers still see both in the meeting itself and the link on the agenda.
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
import { as, ensureUser, GROUP, signIn, type Session } from '../helpers/actors.js';

const run = promisify(execFile);
const PUBLISHED = 'lanupe-johtoryhma-2023-1';
const SECRET_ACTION = 'Luonnoksen salainen toimenpide 4711';
const JOIN_LINK = 'https://teams.example.fi/l/meetup-join/salainen-4711';

async function pdfText(pdf: Buffer): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'class-09-'));
  try {
    writeFileSync(join(dir, 'minutes.pdf'), pdf);
    return (await run('pdftotext', [join(dir, 'minutes.pdf'), '-'])).stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(DIALECTS)('public means published on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await ensureUser(t.database.db, 'test-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'test-admin');
    const send = async (method: 'POST' | 'PATCH', url: string, payload?: object, version?: number) => {
      const response = await as(t.app, admin, {
        method,
        url,
        ...(payload ? { payload } : {}),
        headers: version === undefined ? {} : { 'if-match': `"${version}"` },
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json() as { data?: { key: string; version: number }; version: number };
    };
    const versionOf = async (key: string) =>
      ((await as(t.app, admin, { url: `/api/v1/meetings/${key}` })).json() as { version: number }).version;
    // A draft meeting before the one to be published, with an open action item.
    const draft = await send('POST', '/api/v1/meetings', { steeringGroup: GROUP, date: '2022-12-01' });
    await send('POST', '/api/v1/meeting-decisions', {
      meeting: draft.data!.key,
      item: 1,
      kind: 'action',
      text: SECRET_ACTION,
      owner: 'Testi Henkilö',
    });
    // The meeting to publish gets a link to join, then goes draft → checked → approved → published.
    await send('PATCH', `/api/v1/meetings/${PUBLISHED}`, { onlineUrl: JOIN_LINK }, await versionOf(PUBLISHED));
    await send('POST', `/api/v1/meetings/${PUBLISHED}/minutes/check`, undefined, await versionOf(PUBLISHED));
    const next = await send('POST', '/api/v1/meetings', { steeringGroup: GROUP, date: '2023-03-01' });
    const nextKey = next.data!.key;
    // Approval needs the quorum recorded at the approving meeting: every member present.
    const seats = (
      (await as(t.app, admin, { url: `/api/v1/steering-groups/${GROUP}?at=2023-03-01` })).json() as {
        seats: { member: { id: number } | null }[];
      }
    ).seats;
    await send(
      'PATCH',
      `/api/v1/meetings/${nextKey}`,
      { attendance: seats.flatMap((s) => (s.member ? [{ memberId: s.member.id, present: true }] : [])) },
      await versionOf(nextKey),
    );
    await send('POST', `/api/v1/meetings/${nextKey}/approve-previous-minutes`, undefined, await versionOf(nextKey));
    // Seed 000's minutes hold "Koordinaatiohanke N.N.": publishing them is confirmed as the secretary would.
    await send(
      'POST',
      `/api/v1/meetings/${PUBLISHED}/minutes/publish`,
      { confirmPlaceholders: true },
      await versionOf(PUBLISHED),
    );
  }, 120_000);
  afterAll(async () => t?.close());

  it('the group still sees the draft’s open action and the link (the test’s premise)', async () => {
    const meeting = (await as(t.app, admin, { url: `/api/v1/meetings/${PUBLISHED}` })).json() as {
      openActions: { text: string }[];
      place: { onlineUrl: string | null };
    };
    expect(meeting.openActions.map((a) => a.text)).toContain(SECRET_ACTION);
    expect(meeting.place.onlineUrl).toBe(JOIN_LINK);
    const agenda = await as(t.app, admin, { url: `/api/v1/meetings/${PUBLISHED}/agenda/html` });
    expect(agenda.body).toContain(JOIN_LINK);
  });

  it('the public minutes JSON carries nothing of the draft meeting and no link to join', async () => {
    const response = await t.app.inject({ url: `/api/v1/published-minutes/${PUBLISHED}` });
    expect(response.statusCode).toBe(200);
    expect(response.body).not.toContain(SECRET_ACTION);
    expect(response.body).not.toContain(JOIN_LINK);
    expect((response.json() as { place: { online: string | null } }).place.online).toBe('Teams');
  });

  it('the published minutes as HTML, DOCX and PDF, to the public and to the group, print neither', async () => {
    for (const session of [null, admin]) {
      for (const lang of ['fi', 'sv']) {
        const url = (format: string) => `/api/v1/meetings/${PUBLISHED}/minutes/${format}?lang=${lang}`;
        const html = await as(t.app, session, { url: url('html') });
        expect(html.statusCode).toBe(200);
        const docx = await as(t.app, session, { url: url('docx') });
        expect(docx.statusCode).toBe(200);
        const docxText = (await mammoth.extractRawText({ buffer: docx.rawPayload })).value;
        const pdf = await as(t.app, session, { url: url('pdf') });
        expect(pdf.statusCode).toBe(200);
        const texts = {
          html: html.body,
          docx: docxText,
          docxXml: docx.rawPayload.toString('latin1'),
          pdf: await pdfText(pdf.rawPayload),
          pdfBytes: pdf.rawPayload.toString('latin1'),
        };
        expect(docxText).toMatch(/Teams/);
        for (const [format, text] of Object.entries(texts)) {
          expect(text.includes(JOIN_LINK), `${format} (${lang}) prints the link`).toBe(false);
          if (session === null)
            expect(text.includes(SECRET_ACTION), `${format} (${lang}) carries the draft’s action`).toBe(false);
        }
      }
    }
  }, 120_000);
});
