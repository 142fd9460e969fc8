/**
 * Issue 17, item 1, over HTTP on SQLite and (with TEST_DATABASE_URL) PostgreSQL: the managing
 * authority changes an open period (deadline, cut-off, themes; a theme whose report has been written
 * in cannot be dropped), closes it (its reports no longer change) and reopens it; reads the audit
 * trail filtered by who, what, when and which record, a page at a time; downloads it as CSV, and the
 * download is itself in the trail (Information Management Act §17).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, signedInAs, type Session } from '../helpers/sessions.js';
import { csvField } from '../../src/server/modules/audit/routes.js';
import { helsinkiDayStart } from '../../src/domain/helsinki-time.js';

describe.each(DIALECTS)('period administration and the audit trail on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let coordinator: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await signedInAs(t.app, t.database.db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedInAs(t.app, t.database.db, 'koordinaattori', [
      { role: 'theme_coordinator', theme: 'lanupe' },
    ]);
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

  type Period = {
    version: number;
    deadline: string | null;
    cutOff: string | null;
    closedAt: string | null;
    themes: { slug: string; reportId: number | null }[];
  };

  it('changes the deadline, cut-off and themes of an open period on its version', async () => {
    const created = await request('POST', '/api/v1/reporting-periods', admin, {
      key: '2025',
      title: { fi: 'Toteutuskatsaus 2025', sv: 'Genomförandeöversikt 2025' },
      cutOff: '2025-10-31',
      deadline: '2025-12-15',
      themes: ['lanupe', 'jatkuva-oppiminen'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const period = created.json() as Period;
    expect(period.closedAt).toBeNull();

    // Without a version, on an old one, by a coordinator: refused, nothing changes.
    expect(
      (await request('PATCH', '/api/v1/reporting-periods/2025', admin, { deadline: '2026-01-15' })).statusCode,
    ).toBe(428);
    expect(
      (
        await request(
          'PATCH',
          '/api/v1/reporting-periods/2025',
          coordinator,
          { deadline: '2026-01-15' },
          {
            'if-match': `"${period.version}"`,
          },
        )
      ).statusCode,
    ).toBe(403);
    const wrongOrder = await request(
      'PATCH',
      '/api/v1/reporting-periods/2025',
      admin,
      { deadline: '2025-10-01' },
      { 'if-match': `"${period.version}"`, 'accept-language': 'sv' },
    );
    expect(wrongOrder.statusCode).toBe(422);
    expect(wrongOrder.json().errors[0]).toMatchObject({ name: 'deadline', reason: 'Sista dagen är före brytdagen.' });

    const changed = await request(
      'PATCH',
      '/api/v1/reporting-periods/2025',
      admin,
      {
        deadline: '2026-01-15',
        cutOff: '2025-11-30',
        themes: ['jatkuva-oppiminen', 'lanupe', 'tyomarkkinoiden-kohtaanto'],
      },
      { 'if-match': `"${period.version}"` },
    );
    expect(changed.statusCode, changed.body).toBe(200);
    const after = changed.json() as Period;
    expect(after).toMatchObject({ deadline: '2026-01-15', cutOff: '2025-11-30', version: period.version + 1 });
    expect(after.themes.map((theme) => theme.slug)).toEqual([
      'jatkuva-oppiminen',
      'lanupe',
      'tyomarkkinoiden-kohtaanto',
    ]);
    // The added theme has its draft; the kept ones keep theirs.
    expect(after.themes.every((theme) => theme.reportId !== null)).toBe(true);
    const lanupeReport = after.themes.find((theme) => theme.slug === 'lanupe')!.reportId;
    expect(lanupeReport).toBe(period.themes.find((theme) => theme.slug === 'lanupe')!.reportId);

    const stale = await request(
      'PATCH',
      '/api/v1/reporting-periods/2025',
      admin,
      { deadline: '2026-02-01' },
      {
        'if-match': `"${period.version}"`,
      },
    );
    expect(stale.statusCode).toBe(409);

    // A report written in cannot be dropped with its theme; an untouched draft can.
    const saved = await request(
      'PATCH',
      `/api/v1/reports/${lanupeReport}`,
      coordinator,
      { sections: { s1: { html: '<p>Kirjoitettu.</p>' } } },
      { 'if-match': '"1"' },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const drop = await request(
      'PATCH',
      '/api/v1/reporting-periods/2025',
      admin,
      { themes: ['jatkuva-oppiminen'] },
      {
        'if-match': `"${after.version}"`,
      },
    );
    expect(drop.statusCode).toBe(422);
    expect(drop.json().errors[0]).toMatchObject({ name: 'themes', code: 'report_written' });
    const dropped = await request(
      'PATCH',
      '/api/v1/reporting-periods/2025',
      admin,
      { themes: ['lanupe'] },
      {
        'if-match': `"${after.version}"`,
      },
    );
    expect(dropped.statusCode, dropped.body).toBe(200);
    expect((dropped.json() as Period).themes.map((theme) => theme.slug)).toEqual(['lanupe']);
  });

  it('closes a period so that its reports no longer change, and reopens it', async () => {
    const period = (await request('GET', '/api/v1/reporting-periods/2025', admin)).json() as Period;
    const reportId = period.themes[0]!.reportId!;
    const closed = await request(
      'POST',
      '/api/v1/reporting-periods/2025/close',
      admin,
      {},
      {
        'if-match': `"${period.version}"`,
      },
    );
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as Period).closedAt).not.toBeNull();
    const report = (await request('GET', `/api/v1/reports/${reportId}`, coordinator)).json() as { version: number };
    const refused = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      { sections: { s2: { html: '<p>Myöhässä.</p>' } } },
      { 'if-match': `"${report.version}"`, 'accept-language': 'fi' },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0]).toMatchObject({ code: 'period_closed' });
    expect(refused.json().errors[0].reason).toContain('suljettu');
    const twice = await request(
      'POST',
      '/api/v1/reporting-periods/2025/close',
      admin,
      {},
      {
        'if-match': `"${period.version + 1}"`,
      },
    );
    expect(twice.statusCode).toBe(422);
    const reopened = await request(
      'POST',
      '/api/v1/reporting-periods/2025/reopen',
      admin,
      {},
      {
        'if-match': `"${period.version + 1}"`,
      },
    );
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((reopened.json() as Period).closedAt).toBeNull();
    const accepted = await request(
      'PATCH',
      `/api/v1/reports/${reportId}`,
      coordinator,
      { sections: { s2: { html: '<p>Ajoissa.</p>' } } },
      { 'if-match': `"${report.version}"` },
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
  });

  type Entry = { id: number; at: string; actor: string; action: string; entityType: string; entityId: string };

  it('reads the trail filtered by who, what, when and record, newest first, a page at a time', async () => {
    expect((await request('GET', '/api/v1/admin/audit/entries', coordinator)).statusCode).toBe(403);
    expect((await request('GET', '/api/v1/admin/audit/entries', null)).statusCode).toBe(401);
    const periods = await request('GET', '/api/v1/admin/audit/entries?entityType=reporting_period&limit=200', admin);
    expect(periods.statusCode, periods.body).toBe(200);
    const items = (periods.json() as { items: Entry[] }).items;
    expect(items.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'update', 'close', 'reopen']));
    expect(items.every((e) => e.entityType === 'reporting_period')).toBe(true);
    expect(items.map((e) => e.id)).toEqual([...items.map((e) => e.id)].sort((a, b) => b - a));

    const closes = (
      await request('GET', '/api/v1/admin/audit/entries?entityType=reporting_period&action=close', admin)
    ).json() as { items: (Entry & { before: { closedAt: unknown }; after: { closedAt: unknown } })[] };
    expect(closes.items).toHaveLength(1);
    expect(closes.items[0]!.before.closedAt).toBeNull();
    expect(closes.items[0]!.after.closedAt).not.toBeNull();

    const byWho = (await request('GET', '/api/v1/admin/audit/entries?actor=KOORDINAATTORI', admin)).json() as {
      items: Entry[];
    };
    expect(byWho.items.length).toBeGreaterThan(0);
    expect(byWho.items.every((e) => e.actor.toLowerCase().includes('koordinaattori'))).toBe(true);
    // The LIKE wildcards are taken as written.
    expect(
      ((await request('GET', '/api/v1/admin/audit/entries?actor=%25', admin)).json() as { items: Entry[] }).items,
    ).toEqual([]);

    const record = items[0]!;
    const oneRecord = (
      await request('GET', `/api/v1/admin/audit/entries?entityType=reporting_period&entityId=${record.entityId}`, admin)
    ).json() as { items: Entry[] };
    expect(oneRecord.items.every((e) => e.entityId === record.entityId)).toBe(true);

    // When: the Helsinki day of the entries, and a day that has none.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki' }).format(new Date(record.at));
    const sameDay = (
      await request('GET', `/api/v1/admin/audit/entries?entityType=reporting_period&from=${today}&to=${today}`, admin)
    ).json() as { items: Entry[] };
    expect(sameDay.items.length).toBe(items.length);
    const none = (await request('GET', '/api/v1/admin/audit/entries?from=2001-01-01&to=2001-01-31', admin)).json() as {
      items: Entry[];
    };
    expect(none.items).toEqual([]);
    const badDate = await request('GET', '/api/v1/admin/audit/entries?from=2025-02-30', admin, undefined, {
      'accept-language': 'fi',
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0].name).toContain('from');

    // Pages: two at a time, following `next`, give the same entries as one page.
    const seen: number[] = [];
    let next: number | null = null;
    do {
      const page = (
        await request(
          'GET',
          `/api/v1/admin/audit/entries?entityType=reporting_period&limit=2${next ? `&before=${next}` : ''}`,
          admin,
        )
      ).json() as { items: Entry[]; next: number | null };
      seen.push(...page.items.map((e) => e.id));
      next = page.next;
    } while (next !== null);
    expect(seen).toEqual(items.map((e) => e.id));
  });

  it('downloads the filtered trail as CSV, and the download is itself logged', async () => {
    expect((await request('GET', '/api/v1/admin/audit.csv', coordinator)).statusCode).toBe(403);
    const response = await request('GET', '/api/v1/admin/audit.csv?entityType=reporting_period&action=close', admin);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('id,at,actor,action,entity_type,entity_id,reason,ip,before,after');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(',close,reporting_period,');
    expect(lines[1]).toContain(',hallinto,');

    const logged = (
      await request('GET', '/api/v1/admin/audit/entries?entityType=audit_log&action=export', admin)
    ).json() as { items: (Entry & { after: { format: string; filter: Record<string, string> } })[] };
    expect(logged.items[0]).toMatchObject({
      actor: expect.stringContaining('hallinto'),
      entityId: 'csv',
      after: { format: 'csv', filter: { entityType: 'reporting_period', action: 'close' } },
    });
    // The whole trail as JSON lines is logged as well.
    expect((await request('GET', '/api/v1/admin/audit', admin)).statusCode).toBe(200);
    const ndjson = (await request('GET', '/api/v1/admin/audit/entries?entityType=audit_log', admin)).json() as {
      items: Entry[];
    };
    expect(ndjson.items[0]!.entityId).toBe('ndjson');
  });

  it('writes CSV fields a spreadsheet reads as text: quotes doubled, formulas defused', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('sanoi "hei"')).toBe('"sanoi ""hei"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(null)).toBe('');
    expect(csvField({ a: 1 })).toBe('"{""a"":1}"');
  });

  it('finds the start of a Helsinki day in winter and in summer time', () => {
    expect(helsinkiDayStart('2025-01-15')).toBe('2025-01-14T22:00:00.000Z');
    expect(helsinkiDayStart('2025-07-01')).toBe('2025-06-30T21:00:00.000Z');
    expect(helsinkiDayStart('2025-03-30')).toBe('2025-03-29T22:00:00.000Z');
    expect(helsinkiDayStart('2025-10-26')).toBe('2025-10-25T21:00:00.000Z');
  });
});
