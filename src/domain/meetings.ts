/**
 * Rules of steering-group meetings, with no I/O: numbering per group and year ("2023/1"), the
 * standard agenda, the minutes' workflow, who may stand in for whom, and the words the documents
 * use in Finnish and Swedish.
 */
import type { LocalizedText } from './errors.js';
import { findPlaceholders } from './placeholders.js';

export type DocumentLanguage = 'fi' | 'sv';
export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['fi', 'sv'];

// ---- Numbering -------------------------------------------------------------------------------

/** "2023/1" → { year: 2023, sequence: 1 }; null for anything else (old numbers like "3/2022" too). */
export function parseMeetingNumber(number: string): { year: number; sequence: number } | null {
  const match = /^(\d{4})\/(\d{1,3})$/.exec(number);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : null;
}

/** The next number of a group's meeting in the year of `date`, given the numbers it already has. */
export function nextMeetingNumber(existing: readonly string[], date: string): string {
  const year = Number(date.slice(0, 4));
  const used = existing
    .map(parseMeetingNumber)
    .filter((n) => n !== null && n.year === year)
    .map((n) => n!.sequence);
  return `${year}/${used.length === 0 ? 1 : Math.max(...used) + 1}`;
}

/** A meeting's key: the group's key and its number ("lanupe-johtoryhma-2023-1"). */
export const meetingKey = (groupKey: string, number: string) => `${groupKey}-${number.replace('/', '-')}`;

// ---- The agenda ------------------------------------------------------------------------------

export const ITEM_KINDS = [
  'opening',
  'agenda',
  'previous_minutes',
  'action_review',
  'topic',
  'next_meeting',
  'other_matters',
  'closing',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Titles of the standard items, as Finnish and Swedish minutes write them. */
export const STANDARD_TITLES: Record<Exclude<ItemKind, 'topic'>, Record<DocumentLanguage, string>> = {
  opening: { fi: 'Kokouksen avaus', sv: 'Mötets öppnande' },
  agenda: { fi: 'Kokouksen asialistan hyväksyminen', sv: 'Godkännande av föredragningslistan' },
  previous_minutes: {
    fi: 'Edellisen kokouksen pöytäkirjan hyväksyminen',
    sv: 'Godkännande av föregående mötes protokoll',
  },
  action_review: { fi: 'Avoimien toimenpiteiden seuranta', sv: 'Uppföljning av öppna åtgärder' },
  next_meeting: { fi: 'Seuraava kokous', sv: 'Nästa möte' },
  other_matters: { fi: 'Muut mahdolliset asiat', sv: 'Övriga ärenden' },
  closing: { fi: 'Kokouksen päättäminen', sv: 'Mötets avslutande' },
};

export type StandardItem = { kind: ItemKind; title: string; titleSv: string };

/**
 * The standard agenda: opening, approval of the agenda, approval of the previous minutes, a
 * follow-up of open action items when there are any, the topics, next meeting, other matters and
 * closing. Topics go between the standard items at the start and the end.
 */
export function standardAgenda(options: { openActions: boolean }): { head: StandardItem[]; tail: StandardItem[] } {
  const item = (kind: Exclude<ItemKind, 'topic'>): StandardItem => ({
    kind,
    title: STANDARD_TITLES[kind].fi,
    titleSv: STANDARD_TITLES[kind].sv,
  });
  const head = [item('opening'), item('agenda'), item('previous_minutes')];
  if (options.openActions) head.push(item('action_review'));
  return { head, tail: [item('next_meeting'), item('other_matters'), item('closing')] };
}

/** Where a new topic goes: before the first closing standard item (next meeting, other matters, closing). */
export function topicInsertPosition(items: readonly { number: number; kind: string }[]): number {
  const tail = items
    .filter((i) => i.kind === 'next_meeting' || i.kind === 'other_matters' || i.kind === 'closing')
    .map((i) => i.number);
  if (tail.length > 0) return Math.min(...tail);
  return items.length === 0 ? 1 : Math.max(...items.map((i) => i.number)) + 1;
}

// ---- The minutes' workflow -------------------------------------------------------------------

export const MINUTES_STATUSES = ['draft', 'checked', 'approved', 'published'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** The steps and the status each starts from. Approval happens only through the next meeting. */
export const MINUTES_STEPS = {
  check: { from: ['draft'], to: 'checked' },
  return: { from: ['checked'], to: 'draft' },
  approve: { from: ['checked'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
} as const satisfies Record<string, { from: readonly MinutesStatus[]; to: MinutesStatus }>;
export type MinutesStep = keyof typeof MINUTES_STEPS;

const STATUS_WORDS: Record<MinutesStatus, LocalizedText> = {
  draft: { fi: 'luonnos', sv: 'utkast', en: 'draft' },
  checked: { fi: 'puheenjohtajan tarkastama', sv: 'granskat av ordföranden', en: 'checked by the chair' },
  approved: { fi: 'hyväksytty', sv: 'godkänt', en: 'approved' },
  published: { fi: 'julkaistu', sv: 'publicerat', en: 'published' },
};

/** Why a step cannot be taken from a status, or null when it can. */
export function minutesStepProblem(step: MinutesStep, status: MinutesStatus): LocalizedText | null {
  if ((MINUTES_STEPS[step].from as readonly MinutesStatus[]).includes(status)) return null;
  const now = STATUS_WORDS[status];
  const needed = MINUTES_STEPS[step].from.map((s) => STATUS_WORDS[s]);
  return {
    fi: `Pöytäkirja on tilassa "${now.fi}"; tämä vaihe edellyttää tilaa "${needed.map((n) => n.fi).join('" tai "')}".`,
    sv: `Protokollet har status "${now.sv}"; detta steg kräver status "${needed.map((n) => n.sv).join('" eller "')}".`,
    en: `The minutes are "${now.en}"; this step needs them to be "${needed.map((n) => n.en).join('" or "')}".`,
  };
}

/** Minutes that are approved or published are a record of what was decided: they no longer change. */
export const minutesLocked = (status: MinutesStatus) => status === 'approved' || status === 'published';

export const MINUTES_LOCKED: LocalizedText = {
  fi: 'Pöytäkirja on jo hyväksytty; sitä ei voi enää muuttaa.',
  sv: 'Protokollet är redan godkänt; det kan inte längre ändras.',
  en: 'The minutes are already approved; they can no longer be changed.',
};

// ---- Placeholders before publication ---------------------------------------------------------

/** The parts of the minutes a secretary writes, by item (§) where they belong to one. */
export type MinutesText = {
  items: readonly {
    number: number;
    title: string;
    titleSv: string | null;
    presenter: string | null;
    background: string | null;
    proposal: string | null;
    discussion: string | null;
    decision: string | null;
    backgroundSv?: string | null;
    proposalSv?: string | null;
    discussionSv?: string | null;
    decisionSv?: string | null;
    records: readonly { kind: string; text: string; textSv?: string | null; owner: string | null }[];
  }[];
  place: { room: string | null; address: string | null; online: string | null };
  attendance: readonly { name: string; organisation: string | null }[];
  signatories: readonly { name: string; organisation: string | null }[];
  distribution: readonly string[];
};

export type MinutesPlaceholder = {
  /** The item's § number; null for the meeting's own fields (place, attendance, signatures, distribution). */
  item: number | null;
  field: string;
  what: string;
  /** The text around it, to find it by. */
  text: string;
};

const around = (text: string) => (text.length > 120 ? `${text.slice(0, 117)}…` : text);

/**
 * Template placeholders left in the minutes ("N.N.", "XX.XX.", "[ ]", "???", "täydennetään"), each
 * with the item and field it is in. Shown to the secretary on the meeting page while the minutes are
 * written; publishing minutes that still have any needs the secretary's confirmation, because
 * approved minutes can no longer be corrected and may rightly hold one (seed 000's "Koordinaatiohanke
 * N.N.": the project was not yet named when the group met).
 */
export function minutesPlaceholders(minutes: MinutesText): MinutesPlaceholder[] {
  const found: MinutesPlaceholder[] = [];
  const check = (item: number | null, field: string, text: string | null | undefined) => {
    if (!text) return;
    for (const what of findPlaceholders(text)) found.push({ item, field, what, text: around(text) });
  };
  for (const item of minutes.items) {
    check(item.number, 'title', item.title);
    check(item.number, 'titleSv', item.titleSv);
    check(item.number, 'presenter', item.presenter);
    check(item.number, 'background', item.background);
    check(item.number, 'proposal', item.proposal);
    check(item.number, 'discussion', item.discussion);
    check(item.number, 'decision', item.decision);
    check(item.number, 'backgroundSv', item.backgroundSv);
    check(item.number, 'proposalSv', item.proposalSv);
    check(item.number, 'discussionSv', item.discussionSv);
    check(item.number, 'decisionSv', item.decisionSv);
    item.records.forEach((record, i) => {
      check(item.number, `records.${i}.text`, record.text);
      check(item.number, `records.${i}.textSv`, record.textSv);
      check(item.number, `records.${i}.owner`, record.owner);
    });
  }
  check(null, 'place.room', minutes.place.room);
  check(null, 'place.address', minutes.place.address);
  check(null, 'place.online', minutes.place.online);
  minutes.attendance.forEach((a, i) =>
    check(null, `attendance.${i}.name`, `${a.name}${a.organisation ? `, ${a.organisation}` : ''}`),
  );
  minutes.signatories.forEach((s, i) => {
    check(null, `signatories.${i}.name`, s.name);
    check(null, `signatories.${i}.organisation`, s.organisation);
  });
  minutes.distribution.forEach((d, i) => check(null, `distribution.${i}`, d));
  return found;
}

/**
 * A bilingual group writes its minutes in Finnish and Swedish: a group with a Swedish name. Its
 * secretary is offered the Swedish content fields; any group's Swedish minutes fall back to the
 * Finnish text, marked as Finnish.
 */
export const bilingualGroup = (name: { sv: string | null | undefined }) => Boolean(name.sv?.trim());

/** Why publication waits for the secretary's confirmation: the placeholders, named. */
export function placeholdersProblem(found: readonly MinutesPlaceholder[]): LocalizedText {
  const list = found.map((p) => `${p.item === null ? '' : `§ ${p.item}: `}"${p.what}"`).join(', ');
  return {
    fi: `Pöytäkirjaan on jäänyt paikkamerkkejä (${list}). Vahvista julkaisu, jos ne kuuluvat hyväksyttyyn pöytäkirjaan.`,
    sv: `Protokollet innehåller platshållare (${list}). Bekräfta publiceringen om de hör till det godkända protokollet.`,
    en: `The minutes still hold placeholders (${list}). Confirm the publication if they belong to the approved minutes.`,
  };
}

// ---- Attendance ------------------------------------------------------------------------------

export type RosterEntry = {
  id: number;
  seat: number | null;
  capacity: 'member' | 'deputy' | 'permanent_expert' | 'secretary';
  name: string;
};
export type AttendanceInput = { memberId: number | null; present: boolean; standingInFor: number | null };

/**
 * A deputy stands in only for the member of their own seat, only when that member is absent, and a
 * member is stood in for at most once. Returns each problem with the index of the attendance row.
 */
export function attendanceProblems(
  attendance: readonly AttendanceInput[],
  roster: readonly RosterEntry[],
): { index: number; message: LocalizedText }[] {
  const problems: { index: number; message: LocalizedText }[] = [];
  const byId = new Map(roster.map((r) => [r.id, r]));
  const seen = new Set<number>();
  const presentIds = new Set(attendance.filter((a) => a.present && a.memberId !== null).map((a) => a.memberId!));
  const stoodInFor = new Set<number>();
  attendance.forEach((row, index) => {
    if (row.memberId !== null) {
      if (seen.has(row.memberId)) {
        problems.push({
          index,
          message: {
            fi: 'Henkilö on luettelossa kahdesti.',
            sv: 'Personen finns två gånger i listan.',
            en: 'The person is listed twice.',
          },
        });
      }
      seen.add(row.memberId);
    }
    if (row.standingInFor === null) return;
    const deputy = row.memberId === null ? undefined : byId.get(row.memberId);
    const member = byId.get(row.standingInFor);
    if (
      !deputy ||
      deputy.capacity !== 'deputy' ||
      !member ||
      member.capacity !== 'member' ||
      deputy.seat === null ||
      deputy.seat !== member.seat
    ) {
      problems.push({
        index,
        message: {
          fi: 'Varajäsen voi toimia vain oman varsinaisen jäsenensä sijaisena.',
          sv: 'En ersättare kan bara ersätta sin egen ordinarie ledamot.',
          en: 'A deputy can stand in only for the member of their own seat.',
        },
      });
      return;
    }
    if (!row.present) {
      problems.push({
        index,
        message: {
          fi: 'Sijaisena voi toimia vain läsnä oleva varajäsen.',
          sv: 'Endast en närvarande ersättare kan ersätta.',
          en: 'Only a deputy who is present can stand in.',
        },
      });
    }
    if (presentIds.has(member.id)) {
      problems.push({
        index,
        message: {
          fi: `${member.name} on itse läsnä; hänen sijaisenaan ei voi toimia.`,
          sv: `${member.name} är själv närvarande och kan inte ersättas.`,
          en: `${member.name} is present and cannot be stood in for.`,
        },
      });
    }
    if (stoodInFor.has(member.id)) {
      problems.push({
        index,
        message: {
          fi: 'Jäsenellä voi olla vain yksi sijainen.',
          sv: 'En ledamot kan bara ha en ersättare.',
          en: 'A member can have only one stand-in.',
        },
      });
    }
    stoodInFor.add(member.id);
  });
  return problems;
}

// ---- Times -----------------------------------------------------------------------------------

export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "09:02" → "9.02", the Finnish way of writing a time of day; Swedish writes the same. */
export const formatTime = (time: string) => time.replace(/^0(\d)/, '$1').replace(':', '.');

/** "2023-02-06" → "6.2.2023". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${day}.${month}.${year}`;
}

const WEEKDAYS: Record<DocumentLanguage, string[]> = {
  fi: ['sunnuntai', 'maanantai', 'tiistai', 'keskiviikko', 'torstai', 'perjantai', 'lauantai'],
  sv: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
};

export function weekday(date: string, language: DocumentLanguage): string {
  const [year, month, day] = date.split('-').map(Number);
  return WEEKDAYS[language][new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay()]!;
}

/** "maanantai 6.2.2023 klo 13.00–15.00" / "måndag 6.2.2023 kl. 13.00–15.00". */
export function formatMeetingTime(
  date: string,
  start: string | null,
  end: string | null,
  language: DocumentLanguage,
): string {
  const day = `${weekday(date, language)} ${formatDate(date)}`;
  if (!start) return day;
  const clock = language === 'fi' ? 'klo' : 'kl.';
  return `${day} ${clock} ${formatTime(start)}${end ? `–${formatTime(end)}` : ''}`;
}

// ---- The meeting's own rules -----------------------------------------------------------------

/**
 * Has the meeting started, as Helsinki's clock says? On a day after its date, yes; on its date, from
 * its start time (from the start of the day when it has none); before its date, no. Attendance,
 * minutes and the chair's check belong to a meeting that has started.
 */
export function meetingStarted(
  meeting: { date: string; startTime: string | null },
  now: { date: string; time: string },
): boolean {
  if (meeting.date !== now.date) return meeting.date < now.date;
  return meeting.startTime === null || meeting.startTime <= now.time;
}

/** Why something that needs a started meeting is refused, naming what was asked. */
export function notStartedProblem(what: 'attendance' | 'minutes' | 'check' | 'approval'): LocalizedText {
  const words: Record<typeof what, LocalizedText> = {
    attendance: { fi: 'Läsnäoloja', sv: 'Närvaro', en: 'Attendance' },
    minutes: { fi: 'Pöytäkirjaa', sv: 'Protokoll', en: 'Minutes' },
    check: { fi: 'Pöytäkirjaa', sv: 'Protokollet', en: 'The minutes' },
    approval: { fi: 'Edellistä pöytäkirjaa', sv: 'Föregående protokoll', en: 'The previous minutes' },
  };
  const verb: Record<typeof what, LocalizedText> = {
    attendance: { fi: 'ei voi kirjata', sv: 'kan inte antecknas', en: 'cannot be recorded' },
    minutes: { fi: 'ei voi kirjoittaa', sv: 'kan inte skrivas', en: 'cannot be written' },
    check: { fi: 'ei voi tarkastaa', sv: 'kan inte granskas', en: 'cannot be checked' },
    approval: { fi: 'ei voi hyväksyä', sv: 'kan inte godkännas', en: 'cannot be approved' },
  };
  return {
    fi: `${words[what].fi} ${verb[what].fi} ennen kuin kokous on alkanut.`,
    sv: `${words[what].sv} ${verb[what].sv} innan mötet har börjat.`,
    en: `${words[what].en} ${verb[what].en} before the meeting has started.`,
  };
}

export const HELD_MEETING_STAYS: LocalizedText = {
  fi: 'Kokouksen läsnäolot on kirjattu: sitä ei voi siirtää ajankohtaan, joka ei ole vielä alkanut.',
  sv: 'Mötets närvaro är antecknad: det kan inte flyttas till en tidpunkt som inte har kommit ännu.',
  en: 'The meeting’s attendance is recorded: it cannot move to a time still to come.',
};

/** The seats of a group on a date: the distinct seat numbers its members and deputies hold. */
export function seatCount(roster: readonly { seat: number | null; capacity: string }[]): number {
  return new Set(
    roster.filter((r) => (r.capacity === 'member' || r.capacity === 'deputy') && r.seat !== null).map((r) => r.seat),
  ).size;
}

/**
 * How many seats must be represented for a quorum: the group's own rule when it has one (a number of
 * seats), otherwise more than half of the seats.
 */
export const quorumNeeded = (seats: number, rule: number | null): number => rule ?? Math.floor(seats / 2) + 1;

/** Seats represented at a meeting: a seat whose member, or whose deputy, was present. */
export function seatsRepresented(
  attendance: readonly { seat: number | null; capacity: string; present: boolean }[],
): number {
  return new Set(
    attendance
      .filter((a) => a.present && (a.capacity === 'member' || a.capacity === 'deputy') && a.seat !== null)
      .map((a) => a.seat),
  ).size;
}

export type Quorum = { seats: number; needed: number; represented: number; reached: boolean };

export function quorum(
  roster: readonly { seat: number | null; capacity: string }[],
  attendance: readonly { seat: number | null; capacity: string; present: boolean }[],
  rule: number | null,
): Quorum {
  const seats = seatCount(roster);
  const needed = quorumNeeded(seats, rule);
  const represented = seatsRepresented(attendance);
  return { seats, needed, represented, reached: attendance.length > 0 && represented >= needed };
}

export function noQuorumProblem(q: Quorum): LocalizedText {
  return {
    fi: `Kokous ei ollut päätösvaltainen: läsnä ${q.represented} paikkaa ${q.seats}:sta, tarvitaan ${q.needed}. Kirjaa läsnäolijat ensin.`,
    sv: `Mötet var inte beslutfört: ${q.represented} av ${q.seats} platser närvarande, ${q.needed} behövs. Anteckna de närvarande först.`,
    en: `The meeting had no quorum: ${q.represented} of ${q.seats} seats present, ${q.needed} needed. Record who was present first.`,
  };
}

/** Who chaired: the chair when present, else the vice-chair when present, else the acting chair chosen. */
export type ChairRow = {
  memberId: number | null;
  position: string | null;
  present: boolean;
  actingChair: boolean;
};
export type Chaired = { memberId: number; as: 'chair' | 'vice_chair' | 'acting_chair' };

export function whoChaired(attendance: readonly ChairRow[]): Chaired | null {
  const present = attendance.filter((a) => a.present && a.memberId !== null);
  const chair = present.find((a) => a.position === 'chair');
  if (chair) return { memberId: chair.memberId!, as: 'chair' };
  const vice = present.find((a) => a.position === 'vice_chair');
  if (vice) return { memberId: vice.memberId!, as: 'vice_chair' };
  const acting = present.find((a) => a.actingChair);
  return acting ? { memberId: acting.memberId!, as: 'acting_chair' } : null;
}

/**
 * An acting chair is chosen only when neither the chair nor the vice-chair is present, from those on
 * the roster who are present, and only one. Returns each problem with the index of its row.
 */
export function actingChairProblems(attendance: readonly ChairRow[]): { index: number; message: LocalizedText }[] {
  const problems: { index: number; message: LocalizedText }[] = [];
  const chairPresent = attendance.some((a) => a.present && (a.position === 'chair' || a.position === 'vice_chair'));
  let chosen = 0;
  attendance.forEach((row, index) => {
    if (!row.actingChair) return;
    chosen += 1;
    if (row.memberId === null || !row.present) {
      problems.push({
        index,
        message: {
          fi: 'Puheenjohtajaksi voi valita vain läsnä olevan ryhmän jäsenen.',
          sv: 'Endast en närvarande medlem av gruppen kan väljas till ordförande.',
          en: 'Only a member of the group who is present can be chosen to chair.',
        },
      });
    } else if (chairPresent) {
      problems.push({
        index,
        message: {
          fi: 'Puheenjohtaja tai varapuheenjohtaja on läsnä ja johtaa kokousta.',
          sv: 'Ordföranden eller vice ordföranden är närvarande och leder mötet.',
          en: 'The chair or the vice-chair is present and chairs the meeting.',
        },
      });
    } else if (chosen > 1) {
      problems.push({
        index,
        message: {
          fi: 'Kokouksella voi olla vain yksi puheenjohtaja.',
          sv: 'Mötet kan ha bara en ordförande.',
          en: 'The meeting can have only one chair.',
        },
      });
    }
  });
  return problems;
}

export const NOBODY_CHAIRED: LocalizedText = {
  fi: 'Läsnäoloista ei näy, kuka johti kokousta: kirjaa puheenjohtaja, varapuheenjohtaja tai valittu puheenjohtaja läsnä olevaksi.',
  sv: 'Närvaron visar inte vem som ledde mötet: anteckna ordföranden, vice ordföranden eller en vald ordförande som närvarande.',
  en: 'The attendance does not show who chaired: record the chair, the vice-chair or a chosen acting chair as present.',
};

export const NOT_THE_CHAIR: LocalizedText = {
  fi: 'Pöytäkirjan tarkastaa se, joka johti kokousta.',
  sv: 'Protokollet granskas av den som ledde mötet.',
  en: 'The minutes are checked by the person who chaired the meeting.',
};

/**
 * The number a meeting has after its date changes: the same while the year stays, otherwise the next
 * free number of the new year (`others`: the group's other meetings' numbers).
 */
export function numberAfterDateChange(current: string, others: readonly string[], date: string): string {
  const parsed = parseMeetingNumber(current);
  if (parsed && parsed.year === Number(date.slice(0, 4))) return current;
  return nextMeetingNumber(others, date);
}
