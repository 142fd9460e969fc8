/**
 * Placeholders in the minutes ("N.N.", "XX.XX.", "[ ]", "???", "täydennetään") are pointed out to
 * the secretary before publication: the meeting lists them (item, field, what) to the group's
 * readers, never to the public; publishing approved minutes that still hold any is refused with the
 * list in fi/sv/en until the secretary confirms, and the refusal changes nothing. Seed 000's
 * minutes 2023/1 are the real case: their attendance has "Koordinaatiohanke N.N.". Both databases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingDetail } from '../../src/contracts/meetings.js';
import { minutesPlaceholders } from '../../src/domain/meetings.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { DIALECTS } from '../helpers/databases.js';
import { signedIn, type RequestingUser as Session } from '../helpers/sessions.js';

const GROUP = 'lanupe-johtoryhma';
const SEED_MEETING = 'lanupe-johtoryhma-2023-1';

describe('minutesPlaceholders', () => {
  const item = (fields: Partial<MinutesItem>): MinutesItem => ({
    number: 5,
    title: 'Haun aikataulu',
    titleSv: null,
    presenter: null,
    background: null,
    proposal: null,
    discussion: null,
    decision: null,
    records: [],
    ...fields,
  });
  type MinutesItem = Parameters<typeof minutesPlaceholders>[0]['items'][number];
  const minutes = (items: MinutesItem[]) => ({
    items,
    place: { room: null, address: null, online: null },
    attendance: [],
    signatories: [],
    distribution: [],
  });

  it('names each kind of placeholder with its item and field', () => {
    const found = minutesPlaceholders(
      minutes([
        item({ decision: 'Seuraava kokous pidetään XX.XX. klo 13.' }),
        item({ number: 6, background: 'Osallistujat: [ ]', proposal: 'Hyväksytään ???' }),
        item({ number: 7, discussion: 'Tiedot täydennetään myöhemmin.' }),
        item({ number: 8, records: [{ kind: 'action', text: 'Valmistella luonnos', owner: 'N.N.' }] }),
      ]),
    );
    expect(found.map((p) => [p.item, p.field, p.what])).toEqual([
      [5, 'decision', 'XX.XX.'],
      [6, 'background', '[ ]'],
      [6, 'proposal', '???'],
      [7, 'discussion', 'täydennetään'],
      [8, 'records.0.owner', 'N.N.'],
    ]);
  });

  it('passes minutes written out in full (dates, initials and brackets with content are not placeholders)', () => {
    expect(
      minutesPlaceholders(
        minutes([
          item({
            decision: 'Seuraava kokous pidetään 17.3.2023 klo 13 (Teams). M.N. esitteli asian.',
            background: 'Liite [1] ja [Liite 2: hakuilmoitus]',
          }),
        ]),
      ),
    ).toEqual([]);
  });
});

describe.each(DIALECTS)('placeholders in the minutes before publication (%s)', (dialect) => {
  let t: TestApp;
  let secretary: Session;
  const json = (response: { body: string }) => JSON.parse(response.body) as MeetingDetail;
  const current = async (key: string) =>
    json(await secretary.request({ method: 'GET', url: `/api/v1/meetings/${key}` }));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    secretary = await signedIn(t.app, t.database.db, 'sihteeri', [
      { role: 'steering_group_secretary', steeringGroup: GROUP },
      { role: 'admin' },
    ]);
  });
  afterAll(async () => t?.close());

  it('lists seed 000\'s "N.N." to the secretary and to nobody outside the group', async () => {
    const meeting = await current(SEED_MEETING);
    expect(meeting.placeholders).toEqual([
      expect.objectContaining({ item: null, what: 'N.N.', text: 'N.N., Koordinaatiohanke' }),
    ]);
    expect(meeting.placeholders[0]!.field).toMatch(/^attendance\.\d+\.name$/);
  });

  it('a placeholder the secretary writes is listed with its item, and goes when it is filled in', async () => {
    const meeting = await current(SEED_MEETING);
    const topic = meeting.items.find((i) => i.kind === 'next_meeting')!;
    const write = async (decision: string, version: number) =>
      secretary.request({
        method: 'PATCH',
        url: `/api/v1/agenda-items/${topic.id}`,
        headers: { 'if-match': `"${version}"` },
        payload: { decision },
      });
    const before = topic.decision ?? '';
    expect((await write('Seuraava kokous pidetään XX.XX.2023.', topic.version)).statusCode).toBe(200);
    const written = await current(SEED_MEETING);
    expect(written.placeholders.map((p) => [p.item, p.field, p.what])).toContainEqual([
      topic.number,
      'decision',
      'XX.XX.',
    ]);
    const item = written.items.find((i) => i.id === topic.id)!;
    expect((await write(before || 'Seuraava kokous pidetään 17.3.2023.', item.version)).statusCode).toBe(200);
    expect((await current(SEED_MEETING)).placeholders.map((p) => p.what)).toEqual(['N.N.']);
  });

  it('publishing with placeholders waits for the confirmation; the refusal changes nothing', async () => {
    const post = async (key: string, path: string, payload?: object, lang = 'fi') => {
      const version = (await current(key)).version;
      return secretary.request({
        method: 'POST',
        url: `/api/v1/meetings/${key}/${path}`,
        headers: { 'if-match': `"${version}"`, 'accept-language': lang },
        ...(payload ? { payload } : {}),
      });
    };
    // Checked by the chair (the admin may), then approved by the next meeting with its quorum.
    expect((await post(SEED_MEETING, 'minutes/check')).statusCode).toBe(200);
    const next = await secretary.request({
      method: 'POST',
      url: '/api/v1/meetings',
      payload: { steeringGroup: GROUP, date: '2023-03-17' },
    });
    expect(next.statusCode, next.body).toBe(201);
    const nextKey = (JSON.parse(next.body) as { data: { key: string } }).data.key;
    const seats = (
      JSON.parse(
        (await secretary.request({ method: 'GET', url: `/api/v1/steering-groups/${GROUP}?at=2023-03-17` })).body,
      ) as { seats: { member: { id: number } | null }[] }
    ).seats;
    const attended = await secretary.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${nextKey}`,
      headers: { 'if-match': `"${(await current(nextKey)).version}"` },
      payload: { attendance: seats.flatMap((s) => (s.member ? [{ memberId: s.member.id, present: true }] : [])) },
    });
    expect(attended.statusCode, attended.body).toBe(200);
    expect((await post(nextKey, 'approve-previous-minutes')).statusCode).toBe(200);
    const approved = await current(SEED_MEETING);
    expect(approved.minutesStatus).toBe('approved');

    for (const lang of ['fi', 'sv', 'en']) {
      const refused = await post(SEED_MEETING, 'minutes/publish', undefined, lang);
      expect(refused.statusCode).toBe(422);
      const error = (JSON.parse(refused.body) as { errors: { name: string; reason: string }[] }).errors[0]!;
      expect(error.name).toBe('confirmPlaceholders');
      expect(error.reason).toContain('"N.N."');
      expect(error.reason).toContain(
        { fi: 'Vahvista julkaisu', sv: 'Bekräfta publiceringen', en: 'Confirm the publication' }[lang]!,
      );
    }
    const after = await current(SEED_MEETING);
    expect(after.minutesStatus).toBe('approved');
    expect(after.version).toBe(approved.version);
    expect(after.minutesPublishedAt).toBeNull();

    const published = await post(SEED_MEETING, 'minutes/publish', { confirmPlaceholders: true });
    expect(published.statusCode, published.body).toBe(200);
    expect(json(published).minutesStatus).toBe('published');
    // The public copy names no placeholders: that list is for the secretary.
    const open = await t.app.inject({ method: 'GET', url: `/api/v1/published-minutes/${SEED_MEETING}` });
    expect(open.statusCode).toBe(200);
    expect((JSON.parse(open.body) as MeetingDetail).placeholders).toEqual([]);
  });
});
