/**
 * A meeting invitation as an iCalendar file (RFC 5545): one VEVENT in local Helsinki time with the
 * Europe/Helsinki VTIMEZONE, so every calendar shows the meeting at the hour the group set, also
 * across the change to or from summer time. Text is escaped (§3.3.11) and lines are folded at 75
 * octets without splitting a UTF-8 character (§3.1); lines end in CRLF.
 */
import { addCalendarDays } from '../../domain/helsinki-time.js';

/** TEXT value escaping: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into lines of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first line holds 75 octets; a continuation line holds 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The rules of Finnish time since 1996 (EU summer time): the same as the IANA zone gives. */
const HELSINKI_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Helsinki',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0300',
  'TZNAME:EEST',
  'DTSTART:19970330T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0200',
  'TZNAME:EET',
  'DTSTART:19971026T040000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

export type InvitationInput = {
  uid: string;
  /** Increases whenever the meeting changes, so calendars replace the earlier copy. */
  sequence: number;
  /** When the file is made (UTC). */
  stamp: Date;
  summary: string;
  description: string;
  date: string;
  startTime: string;
  /** When unknown, the meeting is given two hours. */
  endTime: string | null;
  location: string | null;
  url: string | null;
};

const localDateTime = (date: string, time: string) => `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;

const utcStamp = (moment: Date) =>
  moment
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

function plusTwoHours(time: string): { dayOffset: number; time: string } {
  const [hours, minutes] = time.split(':').map(Number);
  const total = hours! * 60 + minutes! + 120;
  const wrapped = total % (24 * 60);
  return {
    dayOffset: Math.floor(total / (24 * 60)),
    time: `${String(Math.floor(wrapped / 60)).padStart(2, '0')}:${String(wrapped % 60).padStart(2, '0')}`,
  };
}

export function buildInvitation(input: InvitationInput): string {
  let end = input.endTime ? { date: input.date, time: input.endTime } : null;
  if (!end || end.time <= input.startTime) {
    // An end before the start would make an invalid event; fall back to two hours.
    const later = plusTwoHours(input.startTime);
    end = { date: addCalendarDays(input.date, later.dayOffset), time: later.time };
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Teemaseuranta//Johtoryhmien kokoukset//FI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...HELSINKI_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${input.uid}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${utcStamp(input.stamp)}`,
    `DTSTART;TZID=Europe/Helsinki:${localDateTime(input.date, input.startTime)}`,
    `DTEND;TZID=Europe/Helsinki:${localDateTime(end.date, end.time)}`,
    `SUMMARY:${escapeText(input.summary)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    ...(input.location ? [`LOCATION:${escapeText(input.location)}`] : []),
    ...(input.url ? [`URL:${input.url}`] : []),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
