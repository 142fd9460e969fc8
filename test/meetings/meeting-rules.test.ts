/**
 * The meeting's own rules, over HTTP with real sessions and a clock the test moves: nothing is
 * recorded before the meeting has started (Helsinki's date and time); the previous minutes are
 * approved only at a meeting held with a quorum recorded (the group's rule, more than half of the
 * seats by default); who chaired follows the attendance and only that person checks; a date change
 * after the check returns the minutes to draft; the number follows the year; the chair's reason
 * for a return stays on the meeting for the secretary. On SQLite, and on PostgreSQL when configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail, SteeringGroupDetail } from '../../src/contracts/meetings.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser as Session } from '../helpers/sessions.js';

const GROUP = 'lanupe-johtoryhma';
// 12.50 in Helsinki (UTC+2 in November) on Monday 23.11.2026.
const START = new Date('2026-11-23T10:50:00.000Z');

describe.each(DIALECTS)('the meeting’s own rules (%s)', (dialect) => {
  let t: TestApp;
  let now = START;
  let admin: Session;
  let secretary: Session;
  let chair: Session;
  let viceChair: Session;
  let member: Session;
  let group: SteeringGroupDetail;
  const json = (response: { body: string }) => JSON.parse(response.body);
  const current = async (key: string): Promise<MeetingDetail> =>
    json(await secretary.request({ method: 'GET', url: `/api/v1/meetings/${key}` }));
  const step = (who: Session, meeting: MeetingDetail, path: string, language = 'en', payload?: object) =>
    who.request({
      method: 'POST',
      url: `/api/v1/meetings/${meeting.key}/${path}`,
      headers: { 'if-match': `"${meeting.version}"`, 'accept-language': language },
      ...(payload ? { payload } : {}),
    });
  const patchMeeting = (meeting: MeetingDetail, payload: object, language = 'en') =>
    secretary.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${meeting.key}`,
      headers: { 'if-match': `"${meeting.version}"`, 'accept-language': language },
      payload,
    });
  const create = async (date: string, startTime: string | null = '13:00') => {
    const created = await secretary.request({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { steeringGroup: GROUP, date, ...(startTime ? { startTime } : {}) },
    });
    expect(created.statusCode, created.body).toBe(201);
    return current(json(created).data.key);
  };
  /**
   * Every member of the group present except those named absent; their deputies are listed too,
   * absent unless named present (the vice-chair of this group sits as a deputy).
   */
  const attendance = (absent: string[] = [], extra: Record<string, object> = {}, deputies: string[] = []) =>
    group.seats.flatMap((seat) => [
      ...(seat.member
        ? [
            {
              memberId: seat.member.id,
              present: !absent.includes(seat.member.name),
              ...(extra[seat.member.name] ?? {}),
            },
          ]
        : []),
      ...(seat.deputy ? [{ memberId: seat.deputy.id, present: deputies.includes(seat.deputy.name) }] : []),
    ]);
  const rowOf = (name: string) => attendance().findIndex((row) => memberName(row.memberId) === name);
  const memberName = (id: number) =>
    group.seats.flatMap((s) => [s.member, s.deputy]).find((m) => m?.id === id)?.name ?? null;

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => now });
    const db = t.database.db;
    admin = await signedIn(t.app, db, 'admin', [{ role: 'admin' }]);
    secretary = await signedIn(t.app, db, 'sihteeri', [{ role: 'steering_group_secretary', steeringGroup: GROUP }]);
    chair = await signedIn(t.app, db, 'puheenjohtaja', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    viceChair = await signedIn(t.app, db, 'varapj', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    member = await signedIn(t.app, db, 'jasen', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    await db.updateTable('users').set({ email: 'sihteeri@example.fi' }).where('username', '=', 'sihteeri').execute();
    group = json(await secretary.request({ method: 'GET', url: `/api/v1/steering-groups/${GROUP}?at=2026-11-23` }));
    expect(group.chair).not.toBeNull();
    expect(group.viceChair).not.toBeNull();
    const link = async (id: number, user: string) => {
      const record = await admin.request({ method: 'GET', url: `/api/v1/steering-group-members/${id}/record` });
      const linked = await secretary.request({
        method: 'PATCH',
        url: `/api/v1/steering-group-members/${id}`,
        headers: { 'if-match': record.headers.etag as string },
        payload: { user },
      });
      expect(linked.statusCode, linked.body).toBe(200);
    };
    await link(group.chair!.id, 'puheenjohtaja');
    await link(group.viceChair!.id, 'varapj');
    const jasen = group.seats.find(
      (s) => s.member && s.member.id !== group.chair!.id && s.member.id !== group.viceChair!.id,
    )!.member!;
    await link(jasen.id, 'jasen');
  });
  afterAll(async () => t?.close());

  let today: MeetingDetail;
  it('refuses attendance, minutes and the check before the meeting has started, in fi, sv and en', async () => {
    today = await create('2026-11-23', '13:00');
    // The agenda is prepared before: a topic with its background is fine.
    const topic = await secretary.request({
      method: 'POST',
      url: '/api/v1/agenda-items',
      payload: { meeting: today.key, title: 'Haun aikataulu', background: 'Taustaa.' },
    });
    expect(topic.statusCode, topic.body).toBe(201);
    today = await current(today.key);

    const early = await patchMeeting(today, { attendance: attendance() }, 'fi');
    expect(early.statusCode).toBe(422);
    expect(json(early).errors).toEqual([
      { name: 'attendance', reason: 'Läsnäoloja ei voi kirjata ennen kuin kokous on alkanut.' },
    ]);
    const opening = today.items[0]!;
    const minutes = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${opening.id}`,
      headers: { 'if-match': `"${opening.version}"`, 'accept-language': 'sv' },
      payload: { discussion: 'Ordföranden öppnade mötet.' },
    });
    expect(minutes.statusCode).toBe(422);
    expect(json(minutes).errors).toEqual([
      { name: 'discussion', reason: 'Protokoll kan inte skrivas innan mötet har börjat.' },
    ]);
    const decision = await secretary.request({
      method: 'POST',
      url: '/api/v1/meeting-decisions',
      headers: { 'accept-language': 'en' },
      payload: { meeting: today.key, item: 2, kind: 'decision', text: 'Approved.' },
    });
    expect(decision.statusCode).toBe(422);
    expect(json(decision).errors).toEqual([
      { name: 'meeting', reason: 'Minutes cannot be written before the meeting has started.' },
    ]);
    for (const [who, path] of [
      [chair, 'minutes/check'],
      [secretary, 'minutes/ready'],
      [secretary, 'approve-previous-minutes'],
    ] as const) {
      const refused = await step(who, today, path);
      expect(refused.statusCode, path).toBe(422);
      expect(json(refused).errors[0].name, path).toBe('date');
    }
    // A refused write changes nothing.
    expect((await current(today.key)).version).toBe(today.version);

    // 13.05 in Helsinki: the meeting has started.
    now = new Date('2026-11-23T11:05:00.000Z');
    const started = await patchMeeting(today, { attendance: attendance() });
    expect(started.statusCode, started.body).toBe(200);
    today = await current(today.key);
    expect(today.chairedBy).toMatchObject({ memberId: group.chair!.id, as: 'chair' });
  });

  it('approves the previous minutes only with a quorum: more than half of the seats, or the group’s rule', async () => {
    const seats = group.seats.length;
    expect(today.quorum).toMatchObject({ seats, needed: Math.floor(seats / 2) + 1, reached: true });
    // Half of the seats is not more than half.
    const half = group.seats.slice(0, Math.ceil(seats / 2)).map((s) => s.member!.name);
    const few = await patchMeeting(today, { attendance: attendance(half) });
    expect(few.statusCode, few.body).toBe(200);
    today = await current(today.key);
    expect(today.quorum.reached).toBe(false);
    const refused = await step(secretary, today, 'approve-previous-minutes', 'sv');
    expect(refused.statusCode).toBe(422);
    expect(json(refused).errors).toEqual([
      {
        name: 'attendance',
        reason: `Mötet var inte beslutfört: ${seats - half.length} av ${seats} platser närvarande, ${Math.floor(seats / 2) + 1} behövs. Anteckna de närvarande först.`,
      },
    ]);

    // The group's own rule: every seat.
    const record = await admin.request({ method: 'GET', url: `/api/v1/steering-groups/${GROUP}/record` });
    const rule = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/steering-groups/${GROUP}`,
      headers: { 'if-match': record.headers.etag as string },
      payload: { quorum: seats },
    });
    expect(rule.statusCode, rule.body).toBe(200);
    const oneAway = await patchMeeting(today, { attendance: attendance([half[0]!]) });
    expect(oneAway.statusCode).toBe(200);
    today = await current(today.key);
    expect(today.quorum).toMatchObject({ needed: seats, represented: seats - 1, reached: false });
    expect((await step(secretary, today, 'approve-previous-minutes')).statusCode).toBe(422);
    const all = await patchMeeting(today, { attendance: attendance() });
    expect(all.statusCode).toBe(200);
    today = await current(today.key);
    expect(today.quorum.reached).toBe(true);
    // With the quorum, the approval goes on to the previous minutes' own state (2023/1 is approved).
    const approval = await step(secretary, today, 'approve-previous-minutes');
    expect(json(approval).errors?.[0]?.name).toBe('previousMeeting');
  });

  it('who chairs follows the attendance, and only that person checks the minutes', async () => {
    const chairName = group.chair!.name;
    const viceName = group.viceChair!.name;
    // The chair absent: the vice-chair chairs and checks.
    const viceChairs = await patchMeeting(today, { attendance: attendance([chairName], {}, [viceName]) });
    expect(viceChairs.statusCode).toBe(200);
    today = await current(today.key);
    expect(today.chairedBy).toMatchObject({ memberId: group.viceChair!.id, as: 'vice_chair' });
    expect((await step(chair, today, 'minutes/check')).statusCode).toBe(403);

    // Neither present and nobody chosen: nobody can check, and the group is told why.
    const nobody = await patchMeeting(today, { attendance: attendance([chairName]) });
    expect(nobody.statusCode).toBe(200);
    today = await current(today.key);
    expect(today.chairedBy).toBeNull();
    const unknown = await step(viceChair, today, 'minutes/check', 'fi');
    expect(unknown.statusCode).toBe(422);
    expect(json(unknown).errors[0]).toEqual({ name: 'attendance', reason: expect.stringContaining('kuka johti') });

    // An acting chair is chosen only when both are absent, and only from those present.
    const acted = group.seats.find(
      (s) => s.member && s.member.id !== group.chair!.id && s.member.id !== group.viceChair!.id,
    )!.member!.name;
    const wrong = await patchMeeting(today, {
      attendance: attendance([], { [acted]: { actingChair: true } }),
    });
    expect(wrong.statusCode).toBe(422);
    expect(json(wrong).errors).toEqual([
      {
        name: `attendance.${rowOf(acted)}.actingChair`,
        reason: 'The chair or the vice-chair is present and chairs the meeting.',
      },
    ]);
    const acting = await patchMeeting(today, {
      attendance: attendance([chairName], { [acted]: { actingChair: true } }),
    });
    expect(acting.statusCode, acting.body).toBe(200);
    today = await current(today.key);
    expect(today.chairedBy).toMatchObject({ name: acted, as: 'acting_chair' });
    expect(today.attendance.find((a) => a.name === acted)?.actingChair).toBe(true);
    expect((await step(viceChair, today, 'minutes/check')).statusCode).toBe(403);
    expect((await step(secretary, today, 'minutes/check')).statusCode).toBe(403);
    const checked = await step(member, today, 'minutes/check');
    expect(checked.statusCode, checked.body).toBe(200);
    today = json(checked);
    expect(today.minutesStatus).toBe('checked');
  });

  it('the chair’s reason for a return stays on the meeting for the secretary, and goes in the mail', async () => {
    const returned = await step(member, today, 'minutes/return', 'fi', { reason: 'Kohdan 5 päätös puuttuu.' });
    expect(returned.statusCode, returned.body).toBe(200);
    today = await current(today.key);
    expect(today.minutesStatus).toBe('draft');
    expect(today.minutesReturn).toMatchObject({ reason: 'Kohdan 5 päätös puuttuu.', at: now.toISOString() });
    const mail = await t.database.db
      .selectFrom('outbox')
      .select('body')
      .where('kind', '=', 'minutes_returned')
      .execute();
    expect(mail.some((m) => m.body.includes('Kohdan 5 päätös puuttuu.'))).toBe(true);
    // The public copy never shows it; checking again clears it.
    const again = await step(member, today, 'minutes/check');
    expect(again.statusCode).toBe(200);
    today = json(again);
    expect(today.minutesReturn).toBeNull();
  });

  it('a date change after the check returns the minutes to draft; the number follows the year', async () => {
    expect(today.minutesStatus).toBe('checked');
    expect(today.number).toBe('2026/1');
    const moved = await patchMeeting(today, { date: '2026-11-22' });
    expect(moved.statusCode, moved.body).toBe(200);
    today = await current(today.key);
    expect(today).toMatchObject({
      date: '2026-11-22',
      number: '2026/1',
      minutesStatus: 'draft',
      minutesCheckedAt: null,
    });
    const history = json(await secretary.request({ method: 'GET', url: `/api/v1/meetings/${today.key}/history` }));
    expect(history.items.some((e: { action: string }) => e.action === 'update')).toBe(true);

    // A meeting planned for the next year moves there and takes that year's number (and key).
    const planned = await create('2026-12-10');
    expect(planned.number).toBe('2026/2');
    const nextYear = await patchMeeting(planned, { date: '2027-01-15' });
    expect(nextYear.statusCode, nextYear.body).toBe(200);
    expect(json(nextYear).data).toMatchObject({ number: '2027/1', key: `${GROUP}-2027-1`, date: '2027-01-15' });
    const read = await current(`${GROUP}-2027-1`);
    expect(read.number).toBe('2027/1');
    expect((await secretary.request({ method: 'GET', url: `/api/v1/meetings/${planned.key}` })).statusCode).toBe(404);
    // Back again: the next free number of 2026, which is the one it left.
    const back = await patchMeeting(read, { date: '2026-12-11' });
    expect(json(back).data.number).toBe('2026/2');

    // A held meeting with its attendance cannot move to a time still to come.
    const future = await patchMeeting(today, { date: '2026-12-01' }, 'en');
    expect(future.statusCode).toBe(422);
    expect(json(future).errors).toEqual([
      { name: 'date', reason: 'The meeting’s attendance is recorded: it cannot move to a time still to come.' },
    ]);
  });
});
