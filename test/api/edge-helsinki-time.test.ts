/**
 * Helsinki's day on the server (issue 12, item 6), with the app's clock pinned: a meeting "has taken
 * place" from 00:30 on its date in Helsinki (UTC still says the day before), on New Year's night and
 * on both summer-time nights; the export's file name carries Helsinki's date. On SQLite and, with
 * TEST_DATABASE_URL, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { as, ensureUser, GROUP, signIn, type Session } from '../helpers/actors.js';
import { DIALECTS } from '../helpers/databases.js';
import { addCalendarDays } from '../../src/domain/helsinki-time.js';

/** Each night: the meeting's date, 23:59 the evening before and 00:30 on the day, in Helsinki. */
const NIGHTS = [
  { name: 'New Year', date: '2027-01-01', before: '2026-12-31T21:59:00Z', after: '2026-12-31T22:30:00Z' },
  // Summer time begins on 28 March 2027 at 03:00 (UTC+2 until then).
  { name: 'the spring night', date: '2027-03-28', before: '2027-03-27T21:59:00Z', after: '2027-03-27T22:30:00Z' },
  // Summer time ends on 31 October 2027 at 04:00 (UTC+3 until then).
  { name: 'the autumn night', date: '2027-10-31', before: '2027-10-30T20:59:00Z', after: '2027-10-30T21:30:00Z' },
];

describe.each(DIALECTS)("Helsinki's day on the server on %s", (dialect) => {
  let t: TestApp;
  let admin: Session;
  let now = new Date('2026-11-23T10:00:00Z');

  beforeAll(async () => {
    t = await createTestApp(dialect, { clock: () => now });
    await ensureUser(t.database.db, 'edge-admin', [{ role: 'admin' }]);
    admin = await signIn(t.app, 'edge-admin');
  }, 60_000);
  afterAll(async () => t?.close());

  /** Moves the clock; a session does not outlive a jump of months, so sign in again. */
  const at = async (instant: string) => {
    now = new Date(instant);
    admin = await signIn(t.app, 'edge-admin');
  };
  const send = (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) =>
    as(t.app, admin, { method, url, ...(payload !== undefined && { payload }), headers });
  const version = async (key: string) => (await send('GET', `/api/v1/meetings/${key}`)).headers.etag as string;
  // No start time: the meeting is on from the start of its day in Helsinki (a start time would
  // move "has started" to that hour).
  const createMeeting = async (date: string) => {
    const created = await send('POST', '/api/v1/meetings', { steeringGroup: GROUP, date });
    expect(created.statusCode, created.body).toBe(201);
    return (created.json() as { data: { key: string } }).data.key;
  };
  /** Every member present: approval needs the quorum recorded (domain/meetings.ts). */
  const recordAttendance = async (key: string, date: string) => {
    const group = (await send('GET', `/api/v1/steering-groups/${GROUP}?at=${date}`)).json() as {
      seats: { member: { id: number } | null }[];
    };
    const attended = await as(t.app, admin, {
      method: 'PATCH',
      url: `/api/v1/meetings/${key}`,
      payload: { attendance: group.seats.flatMap((s) => (s.member ? [{ memberId: s.member.id, present: true }] : [])) },
      headers: { 'if-match': await version(key) },
    });
    return attended;
  };
  const step = async (key: string, path: string) =>
    send('POST', `/api/v1/meetings/${key}/${path}`, undefined, {
      'if-match': await version(key),
      'accept-language': 'en',
    });

  for (const night of NIGHTS) {
    it(`a meeting has taken place from 00:30 on its date in Helsinki (${night.name})`, async () => {
      await at(night.before);
      const previous = await createMeeting(addCalendarDays(night.date, -7));
      const previousAttended = await recordAttendance(previous, addCalendarDays(night.date, -7));
      expect(previousAttended.statusCode, previousAttended.body).toBe(200);
      const checked = await step(previous, 'minutes/check');
      expect(checked.statusCode, checked.body).toBe(200);
      const meeting = await createMeeting(night.date);

      // 23:59 the evening before: not yet.
      const early = await step(meeting, 'approve-previous-minutes');
      expect(early.statusCode, early.body).toBe(422);
      expect(early.json().errors[0]).toMatchObject({ name: 'date', reason: expect.stringMatching(/has started/) });

      // 00:30 on the day in Helsinki, still the day before in UTC: the meeting is on.
      await at(night.after);
      expect(now.toISOString().slice(0, 10)).not.toBe(night.date);
      const attended = await recordAttendance(meeting, night.date);
      expect(attended.statusCode, attended.body).toBe(200);
      const approved = await step(meeting, 'approve-previous-minutes');
      expect(approved.statusCode, approved.body).toBe(200);
      expect((await send('GET', `/api/v1/meetings/${previous}`)).json().minutesStatus).toBe('approved');
    });
  }

  it("names the export by Helsinki's date: at 00:30 on 1 January it is the new year's file", async () => {
    for (const night of NIGHTS) {
      now = new Date(night.after);
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/export' });
      expect(response.headers['content-disposition']).toBe(`attachment; filename="teemaseuranta-${night.date}.json"`);
    }
  });
});
