/**
 * One meeting from agenda to approved, published minutes, over HTTP with real sessions: the
 * secretary builds the agenda and writes the minutes (a deputy stands in for an absent member, an
 * action item is recorded), the chair checks them, the next meeting carries the open action item
 * on its agenda and approves the minutes through its approval item, the secretary publishes them,
 * and only then does the signed-out public see them. On SQLite, and on PostgreSQL when configured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail, SteeringGroupDetail } from '../../src/contracts/meetings.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser as Session } from '../helpers/sessions.js';

const GROUP = 'lanupe-johtoryhma';

describe.each(DIALECTS)('a steering-group meeting from agenda to published minutes (%s)', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let secretary: Session;
  let chair: Session;
  let member: Session;
  let stm: Session;
  let tem: Session;
  const json = (response: { body: string }) => JSON.parse(response.body);
  const current = async (key: string) =>
    json(await secretary.request({ method: 'GET', url: `/api/v1/meetings/${key}` }));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.database.db;
    admin = await signedIn(t.app, db, 'admin', [{ role: 'admin' }]);
    secretary = await signedIn(t.app, db, 'sihteeri', [{ role: 'steering_group_secretary', steeringGroup: GROUP }]);
    chair = await signedIn(t.app, db, 'puheenjohtaja', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    member = await signedIn(t.app, db, 'jasen', [{ role: 'steering_group_member', steeringGroup: GROUP }]);
    stm = await signedIn(t.app, db, 'stm-virkamies', [{ role: 'ministry_official', ministry: 'STM' }]);
    tem = await signedIn(t.app, db, 'tem-virkamies', [{ role: 'ministry_official', ministry: 'TEM' }]);
  });
  afterAll(async () => t?.close());

  let groupNow: SteeringGroupDetail;
  const memberId = (name: string) => {
    for (const seat of groupNow.seats)
      for (const m of [seat.member, seat.deputy]) if (m?.name === name) return m.id as number;
    const other = [...groupNow.secretaries, ...groupNow.permanentExperts].find((m) => m.name === name);
    if (!other) throw new Error(`${name} is not in the group`);
    return other.id as number;
  };

  it('links the chair’s seat to the chair’s account (membership history is kept)', async () => {
    groupNow = json(await secretary.request({ method: 'GET', url: `/api/v1/steering-groups/${GROUP}?at=2026-09-14` }));
    expect(groupNow.chair?.name).toBe('Eeva-Riitta Pirhonen');
    expect(groupNow.diaryNumber).toBe('VN/30090/2021');
    const id = groupNow.chair?.id;
    const record = await admin.request({ method: 'GET', url: `/api/v1/steering-group-members/${id}/record` });
    const linked = await admin.request({
      method: 'PATCH',
      url: `/api/v1/steering-group-members/${id}`,
      headers: { 'if-match': record.headers.etag as string },
      payload: { user: 'puheenjohtaja', decisionReference: 'VN/30090/2021' },
    });
    expect(linked.statusCode, linked.body).toBe(200);
    // Who sits in a seat is not overwritten: a new person is a new membership.
    const rename = await admin.request({
      method: 'PATCH',
      url: `/api/v1/steering-group-members/${id}`,
      headers: { 'if-match': linked.headers.etag as string },
      payload: { name: 'Someone Else' },
    });
    expect(rename.statusCode).toBe(400);
    expect(json(rename).errors[0].name).toBe('name');
  });

  let first: MeetingDetail;
  it('the secretary creates meeting 2026/1 with the standard agenda and adds a topic', async () => {
    const created = await secretary.request({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: {
        steeringGroup: GROUP,
        date: '2026-09-14',
        startTime: '13:00',
        endTime: '15:00',
        room: 'nh Potentia',
        address: 'Meritullinkatu 10, Helsinki',
        online: 'Teams',
        onlineUrl: 'https://teams.example.invalid/meet/123',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(json(created).data.number).toBe('2026/1');
    const key = json(created).data.key;
    expect(key).toBe('lanupe-johtoryhma-2026-1');

    const topic = await secretary.request({
      method: 'POST',
      url: '/api/v1/agenda-items',
      payload: {
        meeting: key,
        title: 'Teemahaun valmistelu',
        background: 'Haku avataan keväällä 2027.',
        proposal: 'Johtoryhmä hyväksyy haun aikataulun.',
        reference: { type: 'theme', key: 'lanupe' },
      },
    });
    expect(topic.statusCode, topic.body).toBe(201);
    const badReference = await secretary.request({
      method: 'POST',
      url: '/api/v1/agenda-items',
      headers: { 'accept-language': 'sv' },
      payload: { meeting: key, title: 'X', reference: { type: 'call', key: 'no-such-call' } },
    });
    expect(badReference.statusCode).toBe(422);
    expect(json(badReference).errors[0]).toEqual({
      name: 'reference.key',
      reason: expect.stringContaining('Okänd referens'),
    });

    first = await current(key);
    expect(first.previousMeeting).toBe('lanupe-johtoryhma-2023-1');
    // The open action item of 2023/1 (Iida Partanen's promise) is carried to this agenda.
    expect(first.items.map((i) => i.kind)).toEqual([
      'opening',
      'agenda',
      'previous_minutes',
      'action_review',
      'topic',
      'next_meeting',
      'other_matters',
      'closing',
    ]);
    expect(first.openActions.map((a) => a.owner)).toEqual(['Iida Partanen']);
    expect(first.items[4]).toMatchObject({
      number: 5,
      title: 'Teemahaun valmistelu',
      reference: { type: 'theme', key: 'lanupe' },
    });
  });

  it('the agenda renders in Finnish and Swedish and the invitation is a valid calendar file', async () => {
    const fi = await secretary.request({ method: 'GET', url: `/api/v1/meetings/${first.key}/agenda/html` });
    expect(fi.statusCode).toBe(200);
    expect(fi.body).toContain('Esityslista');
    expect(fi.body).toContain('5 § Teemahaun valmistelu');
    expect(fi.body).toContain('Johtoryhmä hyväksyy haun aikataulun.');
    expect(fi.body).toContain('Iida Partanen lupasi');
    const sv = await secretary.request({ method: 'GET', url: `/api/v1/meetings/${first.key}/agenda/html?lang=sv` });
    expect(sv.body).toContain('Föredragningslista');
    expect(sv.body).toContain('1 § Mötets öppnande');

    const ics = await member.request({ method: 'GET', url: `/api/v1/meetings/${first.key}/invitation.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Helsinki');
    expect(ics.body).toContain('DTSTART;TZID=Europe/Helsinki:20260914T130000\r\n');
    expect(ics.body).toContain('DTEND;TZID=Europe/Helsinki:20260914T150000\r\n');
    for (const line of ics.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it('reading needs the group’s or its ministries’ roles', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${first.key}` })).statusCode).toBe(401);
    expect((await tem.request({ method: 'GET', url: `/api/v1/meetings/${first.key}` })).statusCode).toBe(403);
    expect((await stm.request({ method: 'GET', url: `/api/v1/meetings/${first.key}` })).statusCode).toBe(200);
    expect((await member.request({ method: 'GET', url: `/api/v1/meetings/${first.key}/agenda/html` })).statusCode).toBe(
      200,
    );
    // Members read; only the secretary edits.
    const edit = await member.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${first.key}`,
      headers: { 'if-match': `"${first.version}"` },
      payload: { room: 'x' },
    });
    expect(edit.statusCode).toBe(403);
  });

  it('records attendance with a deputy standing in for an absent member', async () => {
    const present = [
      'Eeva-Riitta Pirhonen',
      'Henni Axelin',
      'Elina Palola',
      'Marja Perälä',
      'Merja Niemi',
      'Iida Partanen',
    ];
    const wrong = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${first.key}`,
      headers: { 'if-match': `"${first.version}"`, 'accept-language': 'en' },
      payload: {
        attendance: [
          { memberId: memberId('Annamari Asikainen'), present: true, standingInFor: memberId('Hannu Mars') },
        ],
      },
    });
    expect(wrong.statusCode).toBe(422);
    expect(json(wrong).errors).toEqual([
      { name: 'attendance.0.standingInFor', reason: 'A deputy can stand in only for the member of their own seat.' },
    ]);

    const attendance = [
      ...present.map((name) => ({
        memberId: memberId(name),
        present: true,
        ...(name === 'Marja Perälä' ? { standingInFor: memberId('Hannu Mars') } : {}),
      })),
      { memberId: memberId('Hannu Mars'), present: false },
      { name: 'Vieras Asiantuntija', organisation: 'THL', present: true },
    ];
    const saved = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${first.key}`,
      headers: { 'if-match': `"${first.version}"` },
      payload: { attendance },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The same write again from the old version is refused.
    const stale = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${first.key}`,
      headers: { 'if-match': `"${first.version}"` },
      payload: { attendance },
    });
    expect(stale.statusCode).toBe(409);
    first = await current(first.key);
    expect(first.attendance.find((a) => a.name === 'Marja Perälä')).toMatchObject({
      capacity: 'deputy',
      present: true,
      standingInFor: 'Hannu Mars',
    });
  });

  let actionId: number;
  it('the secretary writes the minutes item by item and records an action item', async () => {
    const item = (kind: string) => {
      const found = first.items.find((i) => i.kind === kind);
      if (!found) throw new Error(`no ${kind} item`);
      return found;
    };
    const patch = async (it: { id: number; version: number }, payload: object) => {
      const r = await secretary.request({
        method: 'PATCH',
        url: `/api/v1/agenda-items/${it.id}`,
        headers: { 'if-match': `"${it.version}"` },
        payload,
      });
      expect(r.statusCode, r.body).toBe(200);
    };
    await patch(item('opening'), { time: '13:02', discussion: 'Puheenjohtaja avasi kokouksen.' });
    await patch(item('agenda'), { decision: 'Asialista hyväksyttiin.' });
    await patch(item('topic'), {
      discussion: 'Keskusteltiin haun aikataulusta.',
      decision: 'Johtoryhmä hyväksyi haun aikataulun.',
    });
    await patch(item('closing'), { time: '14:55', discussion: 'Puheenjohtaja päätti kokouksen.' });
    const badTime = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${item('closing').id}`,
      headers: { 'if-match': '"2"' },
      payload: { time: '25:00' },
    });
    expect(badTime.statusCode).toBe(400);
    expect(json(badTime).errors[0].name).toBe('time');

    const action = await secretary.request({
      method: 'POST',
      url: '/api/v1/meeting-decisions',
      payload: {
        meeting: first.key,
        item: 5,
        kind: 'action',
        text: 'Valmistella hakuilmoituksen luonnos.',
        owner: 'Merja Niemi',
        dueDate: '2026-10-31',
      },
    });
    expect(action.statusCode, action.body).toBe(201);
    actionId = json(action).data.id;
    first = await current(first.key);
    expect(first.openedAt).toBe('13:02');
    expect(first.closedAt).toBe('14:55');
    expect(first.items[4]?.records).toEqual([
      expect.objectContaining({ kind: 'action', owner: 'Merja Niemi', dueDate: '2026-10-31', status: 'open', item: 5 }),
    ]);
  });

  it('only the chair checks the minutes; a later change sends them back to draft', async () => {
    const url = `/api/v1/meetings/${first.key}/minutes/check`;
    expect(
      (await member.request({ method: 'POST', url, headers: { 'if-match': `"${first.version}"` } })).statusCode,
    ).toBe(403);
    expect(
      (await secretary.request({ method: 'POST', url, headers: { 'if-match': `"${first.version}"` } })).statusCode,
    ).toBe(403);
    expect(
      (await chair.request({ method: 'POST', url, headers: { 'if-match': `"${first.version - 1}"` } })).statusCode,
    ).toBe(409);
    expect((await chair.request({ method: 'POST', url })).statusCode).toBe(428);

    // A chair who opened the minutes before the secretary changed an item does not sign off text
    // they have not seen: the item's change moves the meeting's version on.
    const seenByChair = first.version;
    const opening = first.items[0]!;
    const touched = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${opening.id}`,
      headers: { 'if-match': `"${opening.version}"` },
      payload: { discussion: 'Puheenjohtaja avasi kokouksen klo 13.02.' },
    });
    expect(touched.statusCode, touched.body).toBe(200);
    const staleCheck = await chair.request({ method: 'POST', url, headers: { 'if-match': `"${seenByChair}"` } });
    expect(staleCheck.statusCode).toBe(409);
    first = await current(first.key);
    expect(first.minutesStatus).toBe('draft');

    const checked = await chair.request({ method: 'POST', url, headers: { 'if-match': `"${first.version}"` } });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(json(checked)).toMatchObject({ minutesStatus: 'checked', minutesCheckedBy: 'puheenjohtaja' });

    const topic = json(checked).items[4];
    const edited = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${topic.id}`,
      headers: { 'if-match': `"${topic.version}"` },
      payload: { discussion: 'Keskusteltiin haun aikataulusta ja aiheista.' },
    });
    expect(edited.statusCode).toBe(200);
    first = await current(first.key);
    expect(first.minutesStatus).toBe('draft');
    const again = await chair.request({ method: 'POST', url, headers: { 'if-match': `"${first.version}"` } });
    expect(json(again).minutesStatus).toBe('checked');
    first = json(again);
  });

  it('the public sees no unpublished minutes', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${first.key}/minutes/html` })).statusCode).toBe(
      401,
    );
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/published-minutes/${first.key}` })).statusCode).toBe(404);
    expect(json(await t.app.inject({ method: 'GET', url: '/api/v1/published-minutes' })).items).toEqual([]);
    // Nor does search find them (its action item says "hakuilmoituksen").
    const found = json(await t.app.inject({ method: 'GET', url: '/api/v1/search?q=hakuilmoitus&kind=minutes' }));
    expect(found.items).toEqual([]);
  });

  let second: MeetingDetail;
  it('the next meeting carries the open action item and approves the checked minutes', async () => {
    const created = await secretary.request({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { steeringGroup: GROUP, date: '2026-11-20', startTime: '11:30', online: 'Teams' },
    });
    expect(created.statusCode, created.body).toBe(201);
    second = await current(json(created).data.key);
    expect(second.number).toBe('2026/2');
    expect(second.previousMeeting).toBe(first.key);
    expect(second.openActions.map((a) => a.text)).toContain('Valmistella hakuilmoituksen luonnos.');
    const agenda = await secretary.request({ method: 'GET', url: `/api/v1/meetings/${second.key}/agenda/html` });
    expect(agenda.body).toContain('Avoimien toimenpiteiden seuranta');
    expect(agenda.body).toContain(
      'Valmistella hakuilmoituksen luonnos. (vastuu: Merja Niemi; määräaika: 31.10.2026; kokous 2026/1 § 5)',
    );

    // The action item is reported done at the second meeting; following it up is allowed later too.
    const action = json(
      await secretary.request({ method: 'GET', url: `/api/v1/meeting-decisions/${actionId}/record` }),
    );
    const done = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/meeting-decisions/${actionId}`,
      headers: { 'if-match': `"${action.version}"` },
      payload: { status: 'done', completedOn: '2026-11-20', completedInMeeting: second.key },
    });
    expect(done.statusCode, done.body).toBe(200);

    // Approval needs a quorum recorded: nobody is recorded present yet.
    second = await current(second.key);
    const noQuorum = await secretary.request({
      method: 'POST',
      url: `/api/v1/meetings/${second.key}/approve-previous-minutes`,
      headers: { 'if-match': `"${second.version}"`, 'accept-language': 'en' },
    });
    expect(noQuorum.statusCode).toBe(422);
    expect(json(noQuorum).errors[0]).toEqual({
      name: 'attendance',
      reason: expect.stringContaining('The meeting had no quorum: 0 of'),
    });
    const present = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${second.key}`,
      headers: { 'if-match': `"${second.version}"` },
      payload: {
        attendance: groupNow.seats.map((seat) => ({ memberId: seat.member!.id, present: true })),
      },
    });
    expect(present.statusCode, present.body).toBe(200);
    second = await current(second.key);
    expect(second.quorum).toMatchObject({ reached: true });
    const approve = await secretary.request({
      method: 'POST',
      url: `/api/v1/meetings/${second.key}/approve-previous-minutes`,
      headers: { 'if-match': `"${second.version}"` },
    });
    expect(approve.statusCode, approve.body).toBe(200);
    second = json(approve);
    expect(second.items.find((i) => i.kind === 'previous_minutes')?.decision).toBe(
      'Edellisen kokouksen pöytäkirja 2026/1 hyväksyttiin.',
    );
    expect(second.previousMinutes).toBe('2026/1');
    first = await current(first.key);
    expect(first).toMatchObject({
      minutesStatus: 'approved',
      approvedInMeeting: second.key,
      approvedInMeetingNumber: '2026/2',
    });

    // Approved minutes no longer change.
    const topic = first.items[4]!;
    const locked = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${topic.id}`,
      headers: { 'if-match': `"${topic.version}"` },
      payload: { decision: 'Muutettu.' },
    });
    expect(locked.statusCode).toBe(422);
    expect(json(locked).errors[0].name).toBe('minutesStatus');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${first.key}/minutes/pdf` })).statusCode).toBe(
      401,
    );
  });

  it('the secretary publishes the approved minutes and only then the public sees them', async () => {
    // The distribution list as the minutes give it (names and addresses), and a member with an address.
    const db = t.database.db;
    const meetingId = Number(
      (await db.selectFrom('meetings').select('id').where('key', '=', first.key).executeTakeFirstOrThrow()).id,
    );
    await db.deleteFrom('meeting_distribution').where('meeting_id', '=', meetingId).execute();
    for (const [position, recipient] of ['Johtoryhmän jäsenet', 'kirjaamo@example.fi'].entries())
      await db.insertInto('meeting_distribution').values({ meeting_id: meetingId, position, recipient }).execute();
    await db
      .updateTable('users')
      .set({ email: 'jasen@example.fi', language: 'sv' })
      .where('username', '=', 'jasen')
      .execute();
    const published = await secretary.request({
      method: 'POST',
      url: `/api/v1/meetings/${first.key}/minutes/publish`,
      headers: { 'if-match': `"${first.version}"` },
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(json(published).minutesStatus).toBe('published');
    // The distribution list is told, each in its language, in the same transaction as the publication.
    const mail = await db
      .selectFrom('outbox')
      .select(['recipient', 'language', 'subject', 'link'])
      .where('kind', '=', 'minutes_published')
      .where('meeting_id', '=', meetingId)
      .orderBy('recipient')
      .execute();
    expect(mail).toEqual([
      {
        recipient: 'jasen@example.fi',
        language: 'sv',
        subject: expect.stringMatching(/^Protokoll publicerat: .+ 2026\/1$/),
        link: `/sv/meetings/${first.key}`,
      },
      {
        recipient: 'kirjaamo@example.fi',
        language: 'fi',
        subject: expect.stringMatching(/^Pöytäkirja julkaistu: .+ 2026\/1$/),
        link: `/fi/meetings/${first.key}`,
      },
    ]);

    const list = json(await t.app.inject({ method: 'GET', url: '/api/v1/published-minutes' }));
    expect(list.items.map((m: { key: string }) => m.key)).toEqual([first.key]);
    // Search finds the published minutes by a word of their action item, in another case.
    const found = json(await t.app.inject({ method: 'GET', url: '/api/v1/search?q=hakuilmoitus&kind=minutes' }));
    expect(found.items.map((m: { key: string }) => m.key)).toEqual([first.key]);
    const html = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${first.key}/minutes/html` });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('Marja Perälä, Lapin ELY-keskus (varajäsenenä jäsenen Hannu Mars sijaan)');
    expect(html.body).toContain('Hannu Mars, Etelä-Savon ELY-keskus');
    expect(html.body).toContain('Valmistella hakuilmoituksen luonnos. (vastuu: Merja Niemi; määräaika: 31.10.2026)');
    expect(html.body).toContain('Pöytäkirja hyväksytty kokouksessa 2026/2.');
    expect(html.body).not.toContain('Pöytäkirjaluonnos');
    const pdf = await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${first.key}/minutes/pdf?lang=sv` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/published-minutes/${first.key}` })).statusCode).toBe(200);
    // The rest of the group's material stays closed; the next meeting's minutes are not public.
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${first.key}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${second.key}/minutes/html` })).statusCode).toBe(
      401,
    );
  });

  it('every step is in the audit trail', async () => {
    const history = json(await secretary.request({ method: 'GET', url: `/api/v1/meetings/${first.key}/history` }));
    const actions = history.items.map((e: { actor: string; action: string }) => `${e.actor}:${e.action}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'sihteeri:create',
        'sihteeri:update',
        'puheenjohtaja:minutes_checked',
        'sihteeri:minutes_reopened',
        'sihteeri:minutes_approved',
        'sihteeri:minutes_published',
      ]),
    );
  });
});
