/**
 * Class 7 of the security issue: scope moves only through the managing authority. Before, the
 * LANUPE group's secretary could change which themes the group steers and so take read access to
 * its material from STM and give it to TEM, and link a seat to any account by username (a 422 for a
 * name that did not exist and a 200 for one that did: an account-name oracle). Now a change of a
 * scope field is the administrator's; the secretary may link a seat only to an account the
 * administrator has given a role in the group, and every other name gets one and the same answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../helpers/databases.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, GROUP, OTHER_THEME, signIn, THEME, type Session } from '../helpers/actors.js';

describe.each(DIALECTS)('scope changes on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let stm: Session;
  let tem: Session;
  let memberId: number;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.database.db;
    await ensureUser(db, 'test-admin', [{ role: 'admin' }]);
    await ensureUser(db, 'test-secretary', [{ role: 'steering_group_secretary', steeringGroup: GROUP }]);
    await ensureUser(db, 'test-stm', [{ role: 'ministry_official', ministry: 'STM' }]);
    await ensureUser(db, 'test-tem', [{ role: 'ministry_official', ministry: 'TEM' }]);
    await ensureUser(db, 'test-group-member', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    await ensureUser(db, 'test-outsider', [{ role: 'finance_expert', theme: THEME }]);
    admin = await signIn(t.app, 'test-admin');
    secretary = await signIn(t.app, 'test-secretary');
    stm = await signIn(t.app, 'test-stm');
    tem = await signIn(t.app, 'test-tem');
    const member = await db
      .selectFrom('steering_group_members as m')
      .innerJoin('steering_groups as g', 'g.id', 'm.steering_group_id')
      .select('m.id')
      .where('g.key', '=', GROUP)
      .where('m.capacity', '=', 'member')
      .executeTakeFirstOrThrow();
    memberId = Number(member.id);
  }, 60_000);
  afterAll(async () => t?.close());

  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const record = async (url: string) =>
    (await as(t.app, admin, { url: `${url}/record` })).json() as { data: Record<string, unknown>; version: number };
  const patch = async (session: Session, url: string, payload: object) => {
    const { version } = await record(url);
    return as(t.app, session, {
      method: 'PATCH',
      url,
      payload,
      headers: { 'if-match': `"${version}"`, 'accept-language': 'en' },
    });
  };
  const groupUrl = `/api/v1/steering-groups/${GROUP}`;
  const memberUrl = () => `/api/v1/steering-group-members/${memberId}`;

  it('the secretary cannot change the group’s themes: 403, nothing changes, STM still reads, TEM still not', async () => {
    const before = await record(groupUrl);
    const audit = await auditCount();
    for (const themes of [[OTHER_THEME], [THEME, OTHER_THEME], []]) {
      const refused = await patch(secretary, groupUrl, { themes });
      expect(refused.statusCode, refused.body).toBe(403);
    }
    expect((await record(groupUrl)).data.themes).toEqual(before.data.themes);
    expect(await auditCount()).toBe(audit);
    expect((await as(t.app, stm, { url: groupUrl })).statusCode).toBe(200);
    expect((await as(t.app, tem, { url: groupUrl })).statusCode).toBe(403);
  });

  it('sending the themes the group already has is no scope change (a form saves the whole record)', async () => {
    const { data } = await record(groupUrl);
    const saved = await patch(secretary, groupUrl, {
      themes: [...(data.themes as string[])].reverse(),
      diaryNumber: 'VN/7/2026',
    });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  it('the managing authority changes the themes', async () => {
    const { data } = await record(groupUrl);
    const moved = await patch(admin, groupUrl, { themes: [...(data.themes as string[]), OTHER_THEME] });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await record(groupUrl)).data.themes).toContain(OTHER_THEME);
    const back = await patch(admin, groupUrl, { themes: data.themes });
    expect(back.statusCode).toBe(200);
  });

  it('the secretary links a seat only to an account with a role in the group; other names answer alike', async () => {
    const audit = await auditCount();
    const unknown = await patch(secretary, memberUrl(), { user: 'no-such-account-anywhere' });
    const outsider = await patch(secretary, memberUrl(), { user: 'test-outsider' });
    const admins = await patch(secretary, memberUrl(), { user: 'test-admin' });
    for (const refused of [unknown, outsider, admins]) expect(refused.statusCode, refused.body).toBe(422);
    const errors = (r: typeof unknown) => (r.json() as { errors: unknown }).errors;
    expect(errors(outsider)).toEqual(errors(unknown));
    expect(errors(admins)).toEqual(errors(unknown));
    expect(errors(unknown)).toEqual([
      {
        name: 'user',
        reason:
          'A member can be linked only to an account the managing authority has given a role in this steering group.',
      },
    ]);
    expect(await auditCount()).toBe(audit);
    expect((await record(memberUrl())).data.user).toBeNull();

    const linked = await patch(secretary, memberUrl(), { user: 'test-group-member' });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await record(memberUrl())).data.user).toBe('test-group-member');
    const unlinked = await patch(secretary, memberUrl(), { user: null });
    expect(unlinked.statusCode, unlinked.body).toBe(200);
  });

  it('a new membership created by the secretary follows the same rule', async () => {
    const create = (user: string) =>
      as(t.app, secretary, {
        method: 'POST',
        url: '/api/v1/steering-group-members',
        headers: { 'accept-language': 'en' },
        payload: { steeringGroup: GROUP, capacity: 'permanent_expert', name: `Asiantuntija ${user}`, user },
      });
    expect((await create('test-outsider')).statusCode).toBe(422);
    expect((await create('no-such-account-anywhere')).statusCode).toBe(422);
    expect((await create('test-group-member')).statusCode).toBe(201);
  });

  it('the managing authority links any account', async () => {
    const linked = await patch(admin, memberUrl(), { user: 'test-outsider' });
    expect(linked.statusCode, linked.body).toBe(200);
    await patch(admin, memberUrl(), { user: null });
  });
});
