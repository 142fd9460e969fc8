/**
 * Mail that is really sent: the report's and the minutes' steps put messages in the outbox in their
 * own transaction, the delivery worker sends them to a real SMTP server started here on a loopback
 * port, and we read what arrived: subject, recipient, language, the return comments and the chair's
 * reason. A server that refuses mail makes the worker retry with a growing delay and, once the
 * attempts are used up, show the message as failed to the administrator; nothing is lost. Two
 * workers polling at once send each message once. On SQLite, and on PostgreSQL when configured.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailTransport, type MailTransport } from '../../src/server/modules/notifications/mail-transport.js';
import { deliverDue } from '../../src/server/modules/notifications/deliver-mail.js';
import { createTestApp, FIXED_NOW, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser } from '../helpers/sessions.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';

const GROUP = 'lanupe-johtoryhma';
const MEETING = 'lanupe-johtoryhma-2023-1';

describe.each(DIALECTS)('mail through SMTP (%s)', (dialect) => {
  let t: TestApp;
  let smtp: TestSmtp;
  let transport: MailTransport;
  let admin: RequestingUser;
  let coordinator: RequestingUser;
  let okm: RequestingUser;
  let stm: RequestingUser;
  let secretary: RequestingUser;
  let chair: RequestingUser;
  let reportId: number;
  let now = FIXED_NOW;
  const deliver = (
    worker = 'test-worker',
    policy?: { maxAttempts: number; firstDelayMs: number; maxDelayMs: number },
  ) =>
    deliverDue({
      db: t.database.db,
      transport,
      clock: () => now,
      worker,
      publicUrl: 'https://teemaseuranta.example.fi',
      ...(policy && { policy }),
    });
  const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => now });
    smtp = await startSmtp();
    transport = createMailTransport({
      kind: 'smtp',
      url: smtp.url,
      from: 'Teemaseuranta <noreply@example.fi>',
      pollMs: 1000,
    });
    const db = t.database.db;
    admin = await signedIn(t.app, db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedIn(t.app, db, 'koordinaattori', [{ role: 'theme_coordinator', theme: 'lanupe' }]);
    okm = await signedIn(t.app, db, 'okm-virkamies', [{ role: 'ministry_official', ministry: 'OKM' }]);
    stm = await signedIn(t.app, db, 'stm-virkamies', [{ role: 'ministry_official', ministry: 'STM' }]);
    await signedIn(t.app, db, 'stm-hiljainen', [{ role: 'ministry_official', ministry: 'STM' }]);
    secretary = await signedIn(t.app, db, 'sihteeri', [{ role: 'steering_group_secretary', steeringGroup: GROUP }]);
    chair = await signedIn(t.app, db, 'puheenjohtaja', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    for (const [username, email] of [
      ['koordinaattori', 'koordinaattori@example.fi'],
      ['okm-virkamies', 'okm@example.fi'],
      ['stm-virkamies', 'stm@example.fi'],
      ['stm-hiljainen', 'stm2@example.fi'],
      ['sihteeri', 'sihteeri@example.fi'],
      ['puheenjohtaja', 'pj@example.fi'],
    ])
      await db.updateTable('users').set({ email }).where('username', '=', username!).execute();
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
    await t?.close();
  });

  it('keeps each person’s language and choice of what to receive', async () => {
    const mine = await coordinator.request({ method: 'GET', url: '/api/v1/me/notifications' });
    expect(mine.json()).toMatchObject({ language: 'fi', email: 'koordinaattori@example.fi' });
    expect(mine.json().kinds).toHaveLength(7);
    const changed = await coordinator.request({
      method: 'PATCH',
      url: '/api/v1/me/notifications',
      payload: { language: 'sv' },
    });
    expect(changed.json().language).toBe('sv');
    await stm.request({ method: 'PATCH', url: '/api/v1/me/notifications', payload: { language: 'en' } });
    const silent = await signedIn(t.app, t.database.db, 'stm-hiljainen', []);
    const optOut = await silent.request({
      method: 'PATCH',
      url: '/api/v1/me/notifications',
      payload: { receive: { report_submitted: false } },
    });
    expect(optOut.json().kinds.find((k: { kind: string }) => k.kind === 'report_submitted').receive).toBe(false);
    const bad = await silent.request({
      method: 'PATCH',
      url: '/api/v1/me/notifications',
      headers: { 'accept-language': 'sv' },
      payload: { language: 'de' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].name).toBe('language');
    const unknownKind = await silent.request({
      method: 'PATCH',
      url: '/api/v1/me/notifications',
      payload: { receive: { everything: false } },
    });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().errors[0].name).toMatch(/everything/);
    // Refused changes change nothing: the language is still Finnish.
    expect((await silent.request({ method: 'GET', url: '/api/v1/me/notifications' })).json().language).toBe('fi');
  });

  it('tells both ministries of a joint theme of a submission, each in its language', async () => {
    const period = await admin.request({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      payload: {
        key: '2024',
        title: { fi: 'Toteutuskatsaus 2024', sv: 'Genomförandeöversikt 2024' },
        cutOff: '2024-10-31',
      },
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
    expect(smtp.received).toHaveLength(0); // queued, not yet sent
    expect(await deliver()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(to('okm@example.fi')).toHaveLength(1);
    expect(to('okm@example.fi')[0]).toMatchObject({
      subject:
        'Hyväksyttävänä: Lasten, nuorten ja perheiden palveluiden kehittäminen ja hyvinvoinnin edistäminen kohti yhdenvertaisuutta, Toteutuskatsaus 2024',
      language: 'fi',
    });
    expect(to('okm@example.fi')[0]!.text).toContain('https://teemaseuranta.example.fi/fi/reports/2024/lanupe');
    expect(to('stm@example.fi')[0]).toMatchObject({ language: 'en' });
    expect(to('stm@example.fi')[0]!.subject).toMatch(/^Waiting for approval: /);
    expect(to('stm2@example.fi')).toHaveLength(0); // opted out
    expect(await deliver()).toEqual({ sent: 0, retrying: 0, failed: 0 }); // nothing twice
  });

  it('sends the coordinator the return comments in Swedish', async () => {
    const returned = await stm.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/return`,
      headers: { 'if-match': '"3"' },
      payload: { comments: [{ section: 's2', body: 'Kuvaa haut tarkemmin – hakemusten määrä puuttuu.' }] },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    await deliver();
    const mail = to('koordinaattori@example.fi');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ language: 'sv' });
    expect(mail[0]!.subject).toMatch(/^Återsänd för rättelse: .+, Genomförandeöversikt 2024$/);
    expect(mail[0]!.text).toContain('avsnitt s2: Kuvaa haut tarkemmin – hakemusten määrä puuttuu.');
    expect(mail[0]!.text).toContain('https://teemaseuranta.example.fi/sv/reports/2024/lanupe');
  });

  it('tells the coordinator of the approval only when both ministries have approved', async () => {
    const resubmitted = await coordinator.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/submit`,
      headers: { 'if-match': '"4"' },
      payload: {},
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    const first = await stm.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/approve`,
      headers: { 'if-match': '"5"' },
      payload: {},
    });
    expect(first.json().state).toBe('submitted');
    await deliver();
    expect(to('koordinaattori@example.fi').filter((m) => m.subject.startsWith('Godkänd'))).toHaveLength(0);
    const second = await okm.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/approve`,
      headers: { 'if-match': '"6"' },
      payload: {},
    });
    expect(second.json().state).toBe('approved');
    await deliver();
    expect(to('koordinaattori@example.fi').filter((m) => m.subject.startsWith('Godkänd: '))).toHaveLength(1);
  });

  it('tells the chair that minutes are ready and the secretary the chair’s reason for returning them', async () => {
    const meeting = (await secretary.request({ method: 'GET', url: `/api/v1/meetings/${MEETING}` })).json();
    const group = (
      await secretary.request({ method: 'GET', url: `/api/v1/steering-groups/${GROUP}?at=${meeting.date}` })
    ).json();
    const record = await admin.request({
      method: 'GET',
      url: `/api/v1/steering-group-members/${group.chair.id}/record`,
    });
    const linked = await admin.request({
      method: 'PATCH',
      url: `/api/v1/steering-group-members/${group.chair.id}`,
      headers: { 'if-match': record.headers.etag as string },
      payload: { user: 'puheenjohtaja', decisionReference: 'VN/30090/2021' },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const ready = await secretary.request({
      method: 'POST',
      url: `/api/v1/meetings/${MEETING}/minutes/ready`,
      headers: { 'if-match': `"${meeting.version}"` },
    });
    expect(ready.statusCode, ready.body).toBe(200);
    await deliver();
    expect(to('pj@example.fi')).toHaveLength(1);
    expect(to('pj@example.fi')[0]!.subject).toMatch(/^Pöytäkirja tarkastettavana: .+ 2023\/1$/);
    const checked = await chair.request({
      method: 'POST',
      url: `/api/v1/meetings/${MEETING}/minutes/check`,
      headers: { 'if-match': ready.headers.etag as string },
    });
    expect(checked.statusCode, checked.body).toBe(200);
    const returned = await chair.request({
      method: 'POST',
      url: `/api/v1/meetings/${MEETING}/minutes/return`,
      headers: { 'if-match': checked.headers.etag as string },
      payload: { reason: 'Pykälän 5 päätös puuttuu.' },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    await deliver();
    const mail = to('sihteeri@example.fi');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toMatch(/^Pöytäkirja palautettu: /);
    expect(mail[0]!.text).toContain('Syy: Pykälän 5 päätös puuttuu.');
    expect(mail[0]!.text).toContain(`/fi/meetings/${MEETING}`);
  });

  it('retries a refusing server with a growing delay, then shows the message as failed, never lost', async () => {
    const policy = { maxAttempts: 3, firstDelayMs: 60_000, maxDelayMs: 3_600_000 };
    smtp.refuse = true;
    const before = smtp.received.length;
    await t.database.db
      .insertInto('outbox')
      .values({
        kind: 'reminder',
        recipient: 'koordinaattori@example.fi',
        language: 'fi',
        subject: 'Muistutus',
        body: 'Testi',
        created_at: now.toISOString(),
        created_by: 'test',
        sent_at: null,
        next_attempt_at: now.toISOString(),
      })
      .execute();
    expect(await deliver('a', policy)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    // Not due again until the delay has passed: 1 min, then 2 min.
    expect(await deliver('a', policy)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    now = new Date(now.getTime() + 60_000);
    expect(await deliver('a', policy)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    now = new Date(now.getTime() + 60_000);
    expect(await deliver('a', policy)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    now = new Date(now.getTime() + 60_000);
    expect(await deliver('a', policy)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const failed = await admin.request({ method: 'GET', url: '/api/v1/admin/outbox?status=failed' });
    expect(failed.statusCode).toBe(200);
    expect(failed.json().items).toEqual([
      expect.objectContaining({
        recipient: 'koordinaattori@example.fi',
        status: 'failed',
        attempts: 3,
        lastError: expect.stringContaining('451'),
      }),
    ]);
    expect((await coordinator.request({ method: 'GET', url: '/api/v1/admin/outbox' })).statusCode).toBe(403);
    // Once the server works again the administrator sends it again.
    smtp.refuse = false;
    const retry = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/outbox/${failed.json().items[0].id}/retry`,
    });
    expect(retry.statusCode).toBe(204);
    expect(await deliver('a', policy)).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.length).toBe(before + 1);
    expect((await admin.request({ method: 'GET', url: '/api/v1/admin/outbox?status=failed' })).json().items).toEqual(
      [],
    );
  });

  it('sends each message once when two servers poll at the same time', async () => {
    const before = smtp.received.length;
    for (let i = 0; i < 12; i++)
      await t.database.db
        .insertInto('outbox')
        .values({
          kind: 'reminder',
          recipient: `vastaanottaja${i}@example.fi`,
          language: 'fi',
          subject: `Viesti ${i}`,
          body: 'Testi',
          created_at: now.toISOString(),
          created_by: 'test',
          sent_at: null,
          next_attempt_at: now.toISOString(),
        })
        .execute();
    const [a, b] = await Promise.all([deliver('server-a'), deliver('server-b')]);
    expect(a.sent + b.sent).toBe(12);
    const arrived = smtp.received.slice(before).map((m) => m.subject);
    expect(arrived).toHaveLength(12);
    expect(new Set(arrived).size).toBe(12);
  });
});

describe('mail without SMTP settings', () => {
  it('is written as .eml files to the mail folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'teemaseuranta-mail-'));
    const transport = createMailTransport({ kind: 'files', dir, from: 'Teemaseuranta <t@example.fi>', pollMs: 1000 });
    await transport.send({ id: 7, to: 'a@example.fi', subject: 'Hyväksytty', text: 'Teksti', language: 'fi' });
    expect(readdirSync(dir)).toEqual(['000007.eml']);
    const eml = readFileSync(join(dir, '000007.eml'), 'utf8');
    expect(eml).toContain('To: a@example.fi');
    expect(eml).toContain('Content-Language: fi');
  });
});
