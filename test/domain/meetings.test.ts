/** Meeting rules: numbering, the standard agenda, the minutes' steps, stand-ins; and the .ics format. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildInvitation, escapeText, foldLine } from '../../src/documents/meetings/invitation-ics.js';
import { formatFinnishDate, parseFinnishDate } from '../../src/domain/calendar-date.js';
import {
  actingChairProblems,
  attendanceProblems,
  formatMeetingTime,
  meetingStarted,
  minutesStepProblem,
  nextMeetingNumber,
  noQuorumProblem,
  numberAfterDateChange,
  quorum,
  whoChaired,
  standardAgenda,
  topicInsertPosition,
  type RosterEntry,
} from '../../src/domain/meetings.js';

describe('meeting numbers', () => {
  it('count per year and start again at 1', () => {
    expect(nextMeetingNumber([], '2023-02-06')).toBe('2023/1');
    expect(nextMeetingNumber(['2023/1', '2023/2', '3/2022'], '2023-03-17')).toBe('2023/3');
    expect(nextMeetingNumber(['2023/1', '2023/2'], '2024-01-10')).toBe('2024/1');
  });
});

describe('the agenda', () => {
  it('has the standard items, with open action items followed up after the previous minutes', () => {
    const plain = standardAgenda({ openActions: false });
    expect([...plain.head, ...plain.tail].map((i) => i.kind)).toEqual([
      'opening',
      'agenda',
      'previous_minutes',
      'next_meeting',
      'other_matters',
      'closing',
    ]);
    expect(standardAgenda({ openActions: true }).head.map((i) => i.kind)).toContain('action_review');
    expect(plain.head[0]).toMatchObject({ title: 'Kokouksen avaus', titleSv: 'Mötets öppnande' });
  });

  it('puts a topic before the closing standard items', () => {
    const items = ['opening', 'agenda', 'previous_minutes', 'topic', 'next_meeting', 'other_matters', 'closing'].map(
      (kind, i) => ({ number: i + 1, kind }),
    );
    expect(topicInsertPosition(items)).toBe(5);
  });
});

describe('the minutes’ steps', () => {
  it('go draft → checked → approved → published, and back from checked to draft only', () => {
    expect(minutesStepProblem('check', 'draft')).toBeNull();
    expect(minutesStepProblem('approve', 'checked')).toBeNull();
    expect(minutesStepProblem('publish', 'approved')).toBeNull();
    expect(minutesStepProblem('return', 'checked')).toBeNull();
    expect(minutesStepProblem('approve', 'draft')?.en).toContain('checked by the chair');
    expect(minutesStepProblem('publish', 'checked')?.sv).toContain('godkänt');
    expect(minutesStepProblem('check', 'published')).not.toBeNull();
  });
});

describe('stand-ins', () => {
  const roster: RosterEntry[] = [
    { id: 1, seat: 1, capacity: 'member', name: 'Hannu Mars' },
    { id: 2, seat: 1, capacity: 'deputy', name: 'Marja Perälä' },
    { id: 3, seat: 2, capacity: 'deputy', name: 'Annamari Asikainen' },
  ];
  it('a deputy stands in for the absent member of their own seat', () => {
    expect(
      attendanceProblems(
        [
          { memberId: 1, present: false, standingInFor: null },
          { memberId: 2, present: true, standingInFor: 1 },
        ],
        roster,
      ),
    ).toEqual([]);
  });
  it('not for another seat, not for a member who is there, not when absent', () => {
    expect(attendanceProblems([{ memberId: 3, present: true, standingInFor: 1 }], roster)).toHaveLength(1);
    expect(
      attendanceProblems(
        [
          { memberId: 1, present: true, standingInFor: null },
          { memberId: 2, present: true, standingInFor: 1 },
        ],
        roster,
      )[0]!.message.fi,
    ).toContain('Hannu Mars on itse läsnä');
    expect(attendanceProblems([{ memberId: 2, present: false, standingInFor: 1 }], roster)).toHaveLength(1);
  });
});

describe('dates and times in documents', () => {
  it('are written the Finnish and Swedish way', () => {
    expect(formatMeetingTime('2023-02-06', '13:00', '15:00', 'fi')).toBe('maanantai 6.2.2023 klo 13.00–15.00');
    expect(formatMeetingTime('2023-03-17', '11:30', null, 'sv')).toBe('fredag 17.3.2023 kl. 11.30');
  });
});

describe('iCalendar (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b; c, d\ne')).toBe('a\\\\b\\; c\\, d\\ne');
  });

  it('folds lines at 75 octets without splitting a character, and unfolding gives the line back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const line = `DESCRIPTION:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });

  it('gives local Helsinki time with its time zone, and an end two hours on when none is set', () => {
    const ics = buildInvitation({
      uid: 'm@teemaseuranta',
      sequence: 2,
      stamp: new Date('2023-01-20T08:00:00Z'),
      summary: 'Kokous 2023/2: johtoryhmä',
      description: 'Hybridi, Teams',
      date: '2023-03-17',
      startTime: '23:30',
      endTime: null,
      location: 'nh Potentia; Meritullinkatu 10',
      url: null,
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics).not.toMatch(/[^\r]\n/);
    expect(ics).toContain('DTSTART;TZID=Europe/Helsinki:20230317T233000\r\n');
    expect(ics).toContain('DTEND;TZID=Europe/Helsinki:20230318T013000\r\n');
    expect(ics).toContain('DTSTAMP:20230120T080000Z\r\n');
    expect(ics).toContain('LOCATION:nh Potentia\\; Meritullinkatu 10\r\n');
    expect(ics).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(ics.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));
  });
});

describe('the meeting’s own rules', () => {
  it('a meeting has started from its start time on its date, all day without one, and on every later day', () => {
    const at = (date: string, time: string) => ({ date, time });
    expect(meetingStarted({ date: '2027-01-15', startTime: '13:00' }, at('2027-01-15', '12:59'))).toBe(false);
    expect(meetingStarted({ date: '2027-01-15', startTime: '13:00' }, at('2027-01-15', '13:00'))).toBe(true);
    expect(meetingStarted({ date: '2027-01-15', startTime: null }, at('2027-01-15', '00:00'))).toBe(true);
    expect(meetingStarted({ date: '2027-01-15', startTime: '13:00' }, at('2027-01-14', '23:59'))).toBe(false);
    expect(meetingStarted({ date: '2027-01-15', startTime: '13:00' }, at('2027-01-16', '00:00'))).toBe(true);
  });

  it('a quorum is more than half of the seats, or the group’s own number; a seat counts once', () => {
    const roster = [1, 2, 3, 4].flatMap((seat) => [
      { seat, capacity: 'member' },
      { seat, capacity: 'deputy' },
    ]);
    const present = (seats: number[]) => seats.map((seat) => ({ seat, capacity: 'member', present: true }));
    expect(quorum(roster, present([1, 2]), null)).toEqual({ seats: 4, needed: 3, represented: 2, reached: false });
    expect(quorum(roster, [...present([1, 2]), { seat: 3, capacity: 'deputy', present: true }], null).reached).toBe(
      true,
    );
    expect(quorum(roster, [...present([1]), { seat: 1, capacity: 'deputy', present: true }], null).represented).toBe(1);
    expect(quorum(roster, present([1, 2]), 2).reached).toBe(true);
    expect(quorum(roster, [], 1).reached).toBe(false);
    expect(noQuorumProblem(quorum(roster, present([1]), null)).en).toContain('1 of 4 seats present, 3 needed');
  });

  it('the chair chairs when present, then the vice-chair, then the acting chair chosen', () => {
    const row = (memberId: number, position: string | null, present: boolean, actingChair = false) => ({
      memberId,
      position,
      present,
      actingChair,
    });
    expect(whoChaired([row(1, 'chair', true), row(2, 'vice_chair', true)])).toEqual({ memberId: 1, as: 'chair' });
    expect(whoChaired([row(1, 'chair', false), row(2, 'vice_chair', true)])).toEqual({ memberId: 2, as: 'vice_chair' });
    expect(whoChaired([row(1, 'chair', false), row(3, null, true, true)])).toEqual({ memberId: 3, as: 'acting_chair' });
    expect(whoChaired([row(1, 'chair', false), row(3, null, true)])).toBeNull();
    expect(actingChairProblems([row(1, 'chair', true), row(3, null, true, true)]).map((p) => p.index)).toEqual([1]);
    expect(actingChairProblems([row(1, 'chair', false), row(3, null, false, true)])[0]?.message.en).toContain(
      'present',
    );
    expect(actingChairProblems([row(3, null, true, true), row(4, null, true, true)]).map((p) => p.index)).toEqual([1]);
  });

  it('a meeting keeps its number within the year and takes the next one of a new year', () => {
    expect(numberAfterDateChange('2026/2', ['2026/1', '2026/3'], '2026-12-01')).toBe('2026/2');
    expect(numberAfterDateChange('2026/2', ['2026/1', '2027/1'], '2027-02-01')).toBe('2027/2');
    expect(numberAfterDateChange('2026/2', ['2026/1'], '2025-05-01')).toBe('2025/1');
  });
});

describe('dates as people write them', () => {
  it('reads 15.1.2027, 15.01.2027 and ISO, and refuses days that do not exist', () => {
    expect(parseFinnishDate('15.1.2027')).toBe('2027-01-15');
    expect(parseFinnishDate(' 05.01.2027 ')).toBe('2027-01-05');
    expect(parseFinnishDate('2027-01-15')).toBe('2027-01-15');
    expect(parseFinnishDate('29.2.2027')).toBeNull();
    expect(parseFinnishDate('15/1/2027')).toBeNull();
    expect(parseFinnishDate('1.13.2027')).toBeNull();
    expect(formatFinnishDate('2027-01-05')).toBe('5.1.2027');
  });
});
