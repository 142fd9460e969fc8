/**
 * The administrator's mail page (issue 17, item 4), over HTTP on SQLite and PostgreSQL: what the
 * service sends and how, from the configuration, without its secrets (the SMTP user name and
 * password never appear), the outbox counted by state; a failed message retried is audited and
 * queued again; others than the managing authority are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser } from '../helpers/sessions.js';

describe.each(DIALECTS)('mail settings (%s)', (dialect) => {
  let t: TestApp;
  let files: TestApp;
  let admin: RequestingUser;
  let coordinator: RequestingUser;

  beforeAll(async () => {
    t = await createTestApp(dialect, {
      mail: {
        kind: 'smtp',
        url: 'smtp://postilaatikko:Salainen-Sana-123@mail.example.fi:2525',
        from: 'Teemaseuranta <noreply@example.fi>',
        pollMs: 30_000,
      },
    });
    files = await createTestApp(dialect, {
      mail: { kind: 'files', dir: 'var/mail', from: 'Teemaseuranta <t@localhost>', pollMs: 10_000 },
    });
    admin = await signedIn(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedIn(t.app, t.database.db, 'koordinaattori', [
      { role: 'theme_coordinator', theme: 'lanupe' },
    ]);
    await t.database.db
      .insertInto('outbox')
      .values([
        {
          kind: 'reminder',
          recipient: 'koordinaattori@example.fi',
          subject: 'Muistutus',
          body: 'x',
          created_at: '2026-11-23T09:00:00.000Z',
          created_by: 'test',
          sent_at: null,
          failed_at: '2026-11-23T09:10:00.000Z',
          attempts: 5,
          last_error: '550 mailbox unavailable',
        },
        {
          kind: 'reminder',
          recipient: 'toinen@example.fi',
          subject: 'Muistutus',
          body: 'x',
          created_at: '2026-11-23T09:00:00.000Z',
          created_by: 'test',
          sent_at: '2026-11-23T09:01:00.000Z',
          failed_at: null,
          // A multi-row insert names the same columns in every row.
          attempts: 1,
          last_error: null,
        },
      ])
      .execute();
  });
  afterAll(async () => {
    await t?.close();
    await files?.close();
  });

  it('tells the administrator where mail goes and how it is retried, never the credentials', async () => {
    const answer = await admin.request({
      method: 'GET',
      url: '/api/v1/admin/mail',
      headers: { 'accept-language': 'sv' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.body).not.toContain('Salainen');
    expect(answer.body).not.toContain('postilaatikko');
    expect(answer.json()).toMatchObject({
      transport: 'smtp',
      server: 'mail.example.fi:2525',
      secure: false,
      authenticated: true,
      folder: null,
      from: 'Teemaseuranta <noreply@example.fi>',
      pollSeconds: 30,
      delivery: { maxAttempts: 5 },
      counts: { pending: 0, sent: 1, failed: 1 },
    });
    expect(answer.json().kinds).toContainEqual({ kind: 'reminder', name: 'Påminnelser om tidsfrister' });
  });

  it('names the folder of development mail', async () => {
    const other = await signedIn(files.app, files.database.db, 'hallinto', [{ role: 'admin' }]);
    const answer = await other.request({ method: 'GET', url: '/api/v1/admin/mail' });
    expect(answer.json()).toMatchObject({ transport: 'files', folder: 'var/mail', server: null });
  });

  it('refuses others than the managing authority', async () => {
    expect((await coordinator.request({ method: 'GET', url: '/api/v1/admin/mail' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/admin/mail' })).statusCode).toBe(401);
  });

  it('queues a failed message again, audited; a message that did not fail is refused and stays as it was', async () => {
    const failed = (await admin.request({ method: 'GET', url: '/api/v1/admin/outbox?status=failed' })).json().items[0];
    const retried = await admin.request({ method: 'POST', url: `/api/v1/admin/outbox/${failed.id}/retry` });
    expect(retried.statusCode, retried.body).toBe(204);
    const row = await t.database.db
      .selectFrom('outbox')
      .select(['failed_at', 'attempts'])
      .where('id', '=', failed.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ failed_at: null, attempts: 0 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_type', '=', 'outbox')
      .where('entity_id', '=', String(failed.id))
      .execute();
    expect(audit).toEqual([{ action: 'retry', actor: expect.any(String) }]);
    const again = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/outbox/${failed.id}/retry`,
      headers: { 'accept-language': 'sv' },
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().errors[0].reason).toContain('misslyckat');
    expect((await admin.request({ method: 'GET', url: '/api/v1/admin/mail' })).json().counts).toEqual({
      pending: 1,
      sent: 1,
      failed: 0,
    });
  });
});
