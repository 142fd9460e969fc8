/**
 * A joint theme's report (LANUPE: OKM and STM) under its stated approval rule, over HTTP on SQLite
 * and PostgreSQL: by default both ministries approve; with STM named lead, STM approves for both and
 * OKM can neither approve nor return. Only the managing authority states the rule, and a lead that
 * is not one of the theme's ministries is refused in the request's language, changing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser } from '../helpers/sessions.js';

describe.each(DIALECTS)('joint theme approval (%s)', (dialect) => {
  let t: TestApp;
  let admin: RequestingUser;
  let coordinator: RequestingUser;
  let okm: RequestingUser;
  let stm: RequestingUser;
  let reportId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.database.db;
    admin = await signedIn(t.app, db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedIn(t.app, db, 'koordinaattori', [{ role: 'theme_coordinator', theme: 'lanupe' }]);
    okm = await signedIn(t.app, db, 'okm-virkamies', [{ role: 'ministry_official', ministry: 'OKM' }]);
    stm = await signedIn(t.app, db, 'stm-virkamies', [{ role: 'ministry_official', ministry: 'STM' }]);
    const period = await admin.request({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      payload: { key: '2024', title: { fi: 'Toteutuskatsaus 2024' }, cutOff: '2024-10-31' },
    });
    reportId = period.json().themes.find((x: { slug: string }) => x.slug === 'lanupe').reportId;
    const fill = Object.fromEntries(
      ['s1', 's2', 's3', 's4', 's5'].map((key) => [key, { html: `<p>Osio ${key}.</p>` }]),
    );
    await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/reports/${reportId}`,
      headers: { 'if-match': '"1"' },
      payload: { sections: fill },
    });
  });
  afterAll(async () => t?.close());

  const report = async () => (await okm.request({ method: 'GET', url: `/api/v1/reports/${reportId}` })).json();
  const post = (who: RequestingUser, action: string, version: number, payload: object = {}) =>
    who.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/${action}`,
      headers: { 'if-match': `"${version}"`, 'accept-language': 'en' },
      payload,
    });

  it('states the rule: each ministry by default; only the managing authority changes it', async () => {
    const rule = await stm.request({ method: 'GET', url: '/api/v1/themes/lanupe/approval-rule' });
    expect(rule.json()).toEqual({
      theme: 'lanupe',
      rule: 'each',
      leadMinistry: null,
      ministries: ['OKM', 'STM'],
      approvers: ['OKM', 'STM'],
    });
    const byMinistry = await stm.request({
      method: 'PUT',
      url: '/api/v1/themes/lanupe/approval-rule',
      payload: { rule: 'lead', leadMinistry: 'STM' },
    });
    expect(byMinistry.statusCode).toBe(403);
    const wrongLead = await admin.request({
      method: 'PUT',
      url: '/api/v1/themes/lanupe/approval-rule',
      headers: { 'accept-language': 'sv' },
      payload: { rule: 'lead', leadMinistry: 'TEM' },
    });
    expect(wrongLead.statusCode).toBe(422);
    expect(wrongLead.json().errors[0]).toEqual({
      name: 'leadMinistry',
      reason: expect.stringContaining('Det ledande ministeriet'),
    });
    expect((await stm.request({ method: 'GET', url: '/api/v1/themes/lanupe/approval-rule' })).json().rule).toBe('each');
  });

  it('under the default rule, needs both ministries; a return needs them both again', async () => {
    let r = await report();
    expect((await post(coordinator, 'submit', r.version)).statusCode).toBe(200);
    const stmFirst = await post(stm, 'approve', r.version + 1);
    expect(stmFirst.json().state).toBe('submitted');
    // OKM returns it: STM's approval was for that submission only.
    const returned = await post(okm, 'return', r.version + 2, { comments: [{ section: 's1', body: 'Tarkenna.' }] });
    expect(returned.json().state).toBe('returned');
    r = await report();
    await post(coordinator, 'submit', r.version);
    const okmOnly = await post(okm, 'approve', r.version + 1);
    expect(okmOnly.json().state).toBe('submitted');
    const okmAgain = await post(okm, 'approve', r.version + 2);
    expect(okmAgain.statusCode).toBe(422);
    expect(okmAgain.json().errors[0]).toEqual({
      name: 'ministry',
      reason: expect.stringContaining('waiting for: STM'),
    });
    const both = await post(stm, 'approve', r.version + 2);
    expect(both.json().state).toBe('approved');
    const rows = await t.database.db
      .selectFrom('report_approvals')
      .select(['submission', 'ministry'])
      .where('report_id', '=', reportId)
      .orderBy('submission')
      .orderBy('ministry')
      .execute();
    expect(rows.map((row) => `${row.submission}:${row.ministry}`)).toEqual(['1:STM', '2:OKM', '2:STM']);
  });

  it('with STM named lead, STM approves for both and OKM neither approves nor returns', async () => {
    // A new period gives a fresh report of the same theme.
    const period = await admin.request({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      payload: { key: '2025', title: { fi: 'Toteutuskatsaus 2025' }, cutOff: '2025-10-31' },
    });
    reportId = period.json().themes.find((x: { slug: string }) => x.slug === 'lanupe').reportId;
    const fill = Object.fromEntries(
      ['s1', 's2', 's3', 's4', 's5'].map((key) => [key, { html: `<p>Osio ${key}.</p>` }]),
    );
    await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/reports/${reportId}`,
      headers: { 'if-match': '"1"' },
      payload: { sections: fill },
    });
    const lead = await admin.request({
      method: 'PUT',
      url: '/api/v1/themes/lanupe/approval-rule',
      payload: { rule: 'lead', leadMinistry: 'STM' },
    });
    expect(lead.json()).toMatchObject({ rule: 'lead', leadMinistry: 'STM', approvers: ['STM'] });
    const r = await report();
    expect((await post(coordinator, 'submit', r.version)).statusCode).toBe(200);
    const byOkm = await post(okm, 'approve', r.version + 1);
    expect(byOkm.statusCode).toBe(422);
    expect(byOkm.json().errors[0]).toEqual({ name: 'ministry', reason: "The theme's report is decided by STM." });
    const returnByOkm = await post(okm, 'return', r.version + 1, { comments: [{ section: 's1', body: 'x' }] });
    expect(returnByOkm.statusCode).toBe(422);
    expect((await report()).version).toBe(r.version + 1); // refused: nothing changed
    const byStm = await post(stm, 'approve', r.version + 1);
    expect(byStm.json().state).toBe('approved');
  });
});
