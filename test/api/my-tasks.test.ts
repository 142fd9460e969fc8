/**
 * "My tasks" for each role, computed from the data, over HTTP on SQLite and PostgreSQL: the
 * coordinator's report to write (overdue past the deadline) and then returned, each ministry's
 * reports waiting for its approval (and not once it has approved), the chair's minutes to check,
 * the secretary's minutes and meetings, a member's action item, the administrator's undelivered
 * mail; a closed period's reports on nobody's list until it is reopened; a finance expert with
 * nothing to do gets an empty list, the signed-out 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task } from '../../src/contracts/tasks.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser } from '../helpers/sessions.js';

const GROUP = 'lanupe-johtoryhma';
const MEETING = 'lanupe-johtoryhma-2023-1';

describe.each(DIALECTS)('my tasks (%s)', (dialect) => {
  let t: TestApp;
  let admin: RequestingUser;
  let coordinator: RequestingUser;
  let okm: RequestingUser;
  let stm: RequestingUser;
  let tem: RequestingUser;
  let finance: RequestingUser;
  let secretary: RequestingUser;
  let chair: RequestingUser;
  let member: RequestingUser;
  let reportId: number;

  const tasks = async (who: RequestingUser, lang = 'fi'): Promise<Task[]> => {
    const response = await who.request({
      method: 'GET',
      url: '/api/v1/me/tasks',
      headers: { 'accept-language': lang },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().today).toBe('2026-11-23');
    return response.json().items;
  };
  const kinds = (items: Task[]) => items.map((i) => i.kind);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.database.db;
    admin = await signedIn(t.app, db, 'hallinto', [{ role: 'admin' }]);
    coordinator = await signedIn(t.app, db, 'koordinaattori', [{ role: 'theme_coordinator', theme: 'lanupe' }]);
    okm = await signedIn(t.app, db, 'okm-virkamies', [{ role: 'ministry_official', ministry: 'OKM' }]);
    stm = await signedIn(t.app, db, 'stm-virkamies', [{ role: 'ministry_official', ministry: 'STM' }]);
    tem = await signedIn(t.app, db, 'tem-virkamies', [{ role: 'ministry_official', ministry: 'TEM' }]);
    finance = await signedIn(t.app, db, 'ely', [{ role: 'finance_expert', theme: 'lanupe' }]);
    secretary = await signedIn(t.app, db, 'sihteeri', [{ role: 'steering_group_secretary', steeringGroup: GROUP }]);
    chair = await signedIn(t.app, db, 'puheenjohtaja', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    member = await signedIn(t.app, db, 'jasen', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    await db.updateTable('users').set({ display_name: 'Iida Partanen' }).where('username', '=', 'jasen').execute();
  });
  afterAll(async () => t?.close());

  it('refuses the signed-out and gives a finance expert with nothing to do an empty list', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me/tasks' })).statusCode).toBe(401);
    expect(await tasks(finance)).toEqual([]);
  });

  it('gives the coordinator the report to write, overdue past the deadline, then returned', async () => {
    const period = await admin.request({
      method: 'POST',
      url: '/api/v1/reporting-periods',
      payload: {
        key: '2026',
        title: { fi: 'Toteutuskatsaus 2026', sv: 'Genomförandeöversikt 2026' },
        cutOff: '2026-10-31',
        deadline: '2026-11-15',
      },
    });
    expect(period.statusCode, period.body).toBe(201);
    reportId = period.json().themes.find((x: { slug: string }) => x.slug === 'lanupe').reportId;
    const mine = await tasks(coordinator, 'sv');
    expect(mine).toEqual([
      {
        kind: 'report_write',
        title: expect.stringMatching(/ – Genomförandeöversikt 2026$/),
        due: '2026-11-15',
        overdue: true,
        path: '/reports/2026/lanupe',
      },
    ]);
    expect(await tasks(okm)).toEqual([]);
  });

  it('puts a submitted joint report on both ministries’ lists until each has approved', async () => {
    const fill = Object.fromEntries(
      ['s1', 's2', 's3', 's4', 's5'].map((key) => [key, { html: `<p>Osio ${key}.</p>` }]),
    );
    await coordinator.request({
      method: 'PATCH',
      url: `/api/v1/reports/${reportId}`,
      headers: { 'if-match': '"1"' },
      payload: { sections: fill },
    });
    const submitted = await coordinator.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/submit`,
      headers: { 'if-match': '"2"' },
      payload: {},
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(kinds(await tasks(coordinator))).toEqual([]);
    expect(kinds(await tasks(okm))).toEqual(['report_approve']);
    expect(kinds(await tasks(stm))).toEqual(['report_approve']);
    expect(kinds(await tasks(tem))).toEqual([]);
    await okm.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/approve`,
      headers: { 'if-match': '"3"' },
      payload: {},
    });
    expect(kinds(await tasks(okm))).toEqual([]);
    expect((await tasks(stm))[0]).toMatchObject({ kind: 'report_approve', path: '/reports/2026/lanupe' });
    const returned = await stm.request({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/return`,
      headers: { 'if-match': '"4"' },
      payload: { comments: [{ section: 's1', body: 'Tarkenna.' }] },
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(kinds(await tasks(coordinator))).toEqual(['report_returned']);
    expect(kinds(await tasks(stm))).toEqual([]);
  });

  it('takes a closed period’s reports off every list (nothing to write, nothing overdue) until it is reopened', async () => {
    const step = async (action: 'close' | 'reopen') => {
      const period = (await admin.request({ method: 'GET', url: '/api/v1/reporting-periods/2026' })).json();
      const answer = await admin.request({
        method: 'POST',
        url: `/api/v1/reporting-periods/2026/${action}`,
        headers: { 'if-match': `"${period.version}"` },
        payload: {},
      });
      expect(answer.statusCode, answer.body).toBe(200);
    };
    // Another theme of the period (all themes by default) still has its first draft, overdue.
    const both = await signedIn(t.app, t.database.db, 'koordinaattori-2', [
      { role: 'theme_coordinator', theme: 'lanupe' },
      { role: 'theme_coordinator', theme: 'jatkuva-oppiminen' },
    ]);
    expect(await tasks(both)).toEqual([
      expect.objectContaining({ kind: 'report_returned', path: '/reports/2026/lanupe' }),
      expect.objectContaining({ kind: 'report_write', path: '/reports/2026/jatkuva-oppiminen', overdue: true }),
    ]);
    await step('close');
    expect(await tasks(both)).toEqual([]);
    expect(await tasks(coordinator)).toEqual([]);
    await step('reopen');
    expect(kinds(await tasks(both))).toEqual(['report_returned', 'report_write']);
  });

  it('gives the secretary the minutes and meetings, the chair the minutes to check, a member the action item', async () => {
    const created = await secretary.request({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { steeringGroup: GROUP, date: '2027-01-20', startTime: '13:00', online: 'Teams' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const future = created.json().data.key as string;
    const secretaryTasks = await tasks(secretary);
    expect(secretaryTasks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'minutes_write', path: `/meetings/${MEETING}` }),
        expect.objectContaining({ kind: 'meeting', due: '2027-01-20', path: `/meetings/${future}` }),
      ]),
    );
    expect(kinds(await tasks(chair))).not.toContain('minutes_check');
    // Link the chair's seat to the account: the chair now checks the minutes.
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
    const chairTasks = await tasks(chair);
    expect(chairTasks).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'minutes_check', path: `/meetings/${MEETING}` })]),
    );
    const checked = await chair.request({
      method: 'POST',
      url: `/api/v1/meetings/${MEETING}/minutes/check`,
      headers: { 'if-match': `"${meeting.version}"` },
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(kinds(await tasks(chair))).not.toContain('minutes_check');
    // Checked minutes are approved at the next meeting: the secretary's task points there.
    const approve = (await tasks(secretary)).find((x) => x.kind === 'minutes_approve');
    expect(approve).toMatchObject({ path: `/meetings/${future}`, due: '2027-01-20' });
    const actions = (await tasks(member)).filter((x) => x.kind === 'action_item');
    expect(actions.length).toBeGreaterThan(0);
    expect(actions[0]!.path).toMatch(/^\/meetings\//);
  });

  it('shows the administrator mail that could not be delivered', async () => {
    await t.database.db
      .insertInto('outbox')
      .values({
        kind: 'reminder',
        recipient: 'teema:lanupe',
        subject: 'Muistutus',
        body: 'x',
        created_at: '2026-11-23T09:00:00.000Z',
        created_by: 'test',
        sent_at: null,
        failed_at: '2026-11-23T09:10:00.000Z',
      })
      .execute();
    expect(await tasks(admin)).toEqual(
      expect.arrayContaining([
        { kind: 'mail_failed', title: 'teema:lanupe: Muistutus', due: null, overdue: false, path: '/admin/outbox' },
      ]),
    );
  });
});
