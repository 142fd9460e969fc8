/**
 * Meetings, their agenda items and their decision records, through the write API: the group's
 * secretary (and the managing authority). A new meeting is numbered per group and year and gets the
 * standard agenda; topics go in before the closing standard items. Once the minutes are approved,
 * the meeting, its items and its decisions no longer change (action items still get done).
 */
import { ZAgendaItemRecord, ZDecisionRecord, ZMeetingRecord } from '../../../../contracts/records.js';
import {
  MINUTES_FIELDS,
  ZAgendaItemCreate,
  ZAgendaItemUpdate,
  ZAgendaReference as ZReference,
  ZAttendanceInput,
  ZDecisionCreate,
  ZDecisionUpdate,
  ZMeetingCreate,
  ZMeetingUpdate,
} from '../../../../contracts/write-inputs.js';
import { z } from 'zod';
import type { Db } from '../../../../db/database.js';
import { writeAudit, type AuditContext } from '../../../../db/repositories/audit.js';
import { countOpenActions, itemNumbers } from '../../../../db/repositories/meetings.js';
import { RuleViolationError, type LocalizedText } from '../../../../domain/errors.js';
import {
  actingChairProblems,
  attendanceProblems,
  HELD_MEETING_STAYS,
  meetingKey,
  meetingStarted,
  notStartedProblem,
  numberAfterDateChange,
  MINUTES_LOCKED,
  minutesLocked,
  nextMeetingNumber,
  standardAgenda,
  topicInsertPosition,
  type MinutesStatus,
  type RosterEntry,
} from '../../../../domain/meetings.js';
import type { EditableResource, Row } from '../resource.js';
import { steeringGroupScope } from '../resource.js';
import { unknownReference, pick } from '../fields.js';
import { groupIdOf } from './steering-groups.js';
import { helsinkiDate, helsinkiTime } from '../../../../domain/helsinki-time.js';

const violation = (field: string, message: LocalizedText) => new RuleViolationError([{ field, message }]);

async function meetingOf(db: Db, key: unknown, field = 'meeting') {
  const row =
    typeof key === 'string'
      ? await db
          .selectFrom('meetings')
          .selectAll()
          .where('key', '=', key)
          .where('archived_at', 'is', null)
          .executeTakeFirst()
      : undefined;
  if (!row) throw unknownReference(field, String(key));
  return row;
}

async function meetingById(db: Db, id: number) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function scopeOfMeeting(db: Db, meetingId: number) {
  const meeting = await meetingById(db, meetingId);
  return steeringGroupScope(db, Number(meeting.steering_group_id));
}

/** Refuses attendance, minutes and decisions before the meeting has started, as Helsinki's clock says at `at`. */
function refuseBeforeStart(
  meeting: Record<string, unknown>,
  at: string,
  what: 'attendance' | 'minutes',
  field: string,
  message: LocalizedText = notStartedProblem(what),
): void {
  const instant = new Date(at);
  const started = meetingStarted(
    { date: String(meeting.date), startTime: meeting.start_time == null ? null : String(meeting.start_time) },
    { date: helsinkiDate(instant), time: helsinkiTime(instant) },
  );
  if (!started) throw violation(field, message);
}

function refuseWhenLocked(status: string): void {
  if (minutesLocked(status as MinutesStatus)) throw violation('minutesStatus', MINUTES_LOCKED);
}

/**
 * Something the minutes say changed (an item's text, a decision, an action item). The meeting's
 * version moves on, so a chair who checks, or a meeting that approves, the minutes as they were
 * before is refused with 409 instead of signing off text they have not seen. Minutes the chair has
 * already checked go back to draft: the chair checks again what will be approved.
 */
export async function minutesChanged(db: Db, meetingId: number, audit: AuditContext): Promise<void> {
  const meeting = await meetingById(db, meetingId);
  const reopen = meeting.minutes_status === 'checked';
  await db
    .updateTable('meetings')
    .set((eb) => ({
      version: eb('version', '+', 1),
      updated_at: audit.at,
      updated_by: audit.actor,
      ...(reopen ? { minutes_status: 'draft', minutes_checked_at: null, minutes_checked_by: null } : {}),
    }))
    .where('id', '=', meetingId)
    .execute();
  if (!reopen) return;
  await writeAudit(db, audit, {
    action: 'minutes_reopened',
    entityType: 'meeting',
    entityId: meetingId,
    before: { minutesStatus: 'checked' },
    after: { minutesStatus: 'draft' },
    reason: 'minutes changed after the chair checked them',
  });
}

// ---- Meetings --------------------------------------------------------------------------------

const placeColumns = {
  date: 'date',
  startTime: 'start_time',
  endTime: 'end_time',
  room: 'room',
  address: 'address',
  online: 'online',
  onlineUrl: 'online_url',
};

function checkTimes(input: Record<string, unknown>, existing: Row | null): void {
  const start = (input.startTime ?? (existing ? existing.start_time : null)) as string | null;
  const end = (input.endTime ?? (existing ? existing.end_time : null)) as string | null;
  if (start && end && end <= start) {
    throw violation('endTime', {
      fi: 'Kokous ei voi päättyä ennen kuin se alkaa.',
      sv: 'Mötet kan inte sluta innan det börjar.',
      en: 'The meeting cannot end before it starts.',
    });
  }
}

async function rosterOn(db: Db, groupId: number, date: string) {
  const rows = await db
    .selectFrom('steering_group_members')
    .selectAll()
    .where('steering_group_id', '=', groupId)
    .where('archived_at', 'is', null)
    .execute();
  return rows.filter(
    (r) => (r.valid_from === null || r.valid_from <= date) && (r.valid_to === null || r.valid_to >= date),
  );
}

async function replaceAttendance(db: Db, meeting: Row, input: z.infer<typeof ZAttendanceInput>[]): Promise<void> {
  const roster = await rosterOn(db, Number(meeting.steering_group_id), String(meeting.date));
  const byId = new Map(roster.map((r) => [Number(r.id), r]));
  const problems: { field: string; message: LocalizedText }[] = [];
  input.forEach((row, index) => {
    if (row.memberId != null && !byId.has(row.memberId)) {
      problems.push({
        field: `attendance.${index}.memberId`,
        message: {
          fi: 'Ei ole ryhmän jäsen kokouspäivänä.',
          sv: 'Är inte medlem i gruppen på mötesdagen.',
          en: 'Not in the group on the meeting’s date.',
        },
      });
    }
    if (row.memberId == null && !row.name) {
      problems.push({
        field: `attendance.${index}.name`,
        message: { fi: 'Anna nimi tai jäsen.', sv: 'Ange namn eller ledamot.', en: 'Give a name or a member.' },
      });
    }
  });
  const entries: RosterEntry[] = roster.map((r) => ({
    id: Number(r.id),
    seat: r.seat === null ? null : Number(r.seat),
    capacity: r.capacity,
    name: r.name,
  }));
  for (const problem of attendanceProblems(
    input.map((row) => ({
      memberId: row.memberId ?? null,
      present: row.present,
      standingInFor: row.standingInFor ?? null,
    })),
    entries,
  )) {
    problems.push({ field: `attendance.${problem.index}.standingInFor`, message: problem.message });
  }
  for (const problem of actingChairProblems(
    input.map((row) => {
      const member = row.memberId != null ? byId.get(row.memberId) : undefined;
      return {
        memberId: member ? Number(member.id) : null,
        position: member?.position ?? null,
        present: row.present,
        actingChair: row.actingChair === true,
      };
    }),
  )) {
    problems.push({ field: `attendance.${problem.index}.actingChair`, message: problem.message });
  }
  if (problems.length > 0) throw new RuleViolationError(problems);
  await db.deleteFrom('meeting_attendance').where('meeting_id', '=', meeting.id).execute();
  for (const [position, row] of input.entries()) {
    const member = row.memberId != null ? byId.get(row.memberId) : undefined;
    const stoodInFor = row.standingInFor != null ? byId.get(row.standingInFor) : undefined;
    // Name, organisation and role are copied: the minutes say who was there as they were then.
    await db
      .insertInto('meeting_attendance')
      .values({
        meeting_id: meeting.id,
        position,
        name: member?.name ?? row.name!,
        organisation: row.organisation ?? member?.organisation ?? null,
        capacity: member?.capacity ?? 'guest',
        role: member?.position ?? null,
        present: row.present ? 1 : 0,
        standing_in_for: stoodInFor?.name ?? null,
        seat: member?.seat ?? null,
        member_id: member ? Number(member.id) : null,
        standing_in_for_member_id: stoodInFor ? Number(stoodInFor.id) : null,
        acting_chair: row.actingChair === true ? 1 : 0,
      })
      .execute();
  }
}

/**
 * What a change of date changes besides the date: a meeting moved to another year takes that year's
 * next number (and so its key), and minutes the chair has checked go back to draft, for the chair
 * to check what the meeting's date now says.
 */
async function dateChange(db: Db, existing: Row, date: unknown): Promise<Record<string, unknown>> {
  if (typeof date !== 'string' || date === existing.date) return {};
  const columns: Record<string, unknown> = {};
  const others = await db
    .selectFrom('meetings')
    .select('number')
    .where('steering_group_id', '=', Number(existing.steering_group_id))
    .where('id', '!=', existing.id)
    .execute();
  const number = numberAfterDateChange(
    String(existing.number),
    others.map((m) => m.number),
    date,
  );
  if (number !== existing.number) {
    const group = await db
      .selectFrom('steering_groups')
      .select('key')
      .where('id', '=', Number(existing.steering_group_id))
      .executeTakeFirstOrThrow();
    columns.number = number;
    columns.key = meetingKey(group.key, number);
  }
  if (existing.minutes_status === 'checked')
    Object.assign(columns, { minutes_status: 'draft', minutes_checked_at: null, minutes_checked_by: null });
  return columns;
}

export const meetingResource: EditableResource = {
  name: 'meeting',
  collection: 'meetings',
  table: 'meetings',
  identifier: 'key',
  permission: 'meeting.edit',
  createSchema: ZMeetingCreate,
  updateSchema: ZMeetingUpdate,
  // A meeting that does not take place is archived, as long as it has no checked minutes.
  archivable: true,
  scopeOfRow: (db, row) => steeringGroupScope(db, Number(row.steering_group_id)),
  placedBy: ['steeringGroup'],
  scopeOfInput: async (db, input) => steeringGroupScope(db, await groupIdOf(db, input.steeringGroup)),
  toColumns: async (db, input, existing) => {
    checkTimes(input, existing);
    if (existing) {
      refuseWhenLocked(String(existing.minutes_status));
      return { ...pick(input, placeColumns), ...(await dateChange(db, existing, input.date)) };
    }
    const groupId = await groupIdOf(db, input.steeringGroup);
    const group = await db
      .selectFrom('steering_groups')
      .select('key')
      .where('id', '=', groupId)
      .executeTakeFirstOrThrow();
    const date = String(input.date);
    const meetings = await db
      .selectFrom('meetings')
      .select(['id', 'number', 'date', 'archived_at'])
      .where('steering_group_id', '=', groupId)
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const number = nextMeetingNumber(
      meetings.map((m) => m.number),
      date,
    );
    const previous = meetings.find((m) => m.archived_at === null && m.date < date);
    return {
      steering_group_id: groupId,
      key: meetingKey(group.key, number),
      number,
      previous_meeting_id: previous ? Number(previous.id) : null,
      previous_minutes: previous?.number ?? null,
      ...pick(input, placeColumns),
    };
  },
  afterWrite: async (db, row, input, at, { audit, created }) => {
    if (created) {
      const agenda = standardAgenda({
        openActions: (await countOpenActions(db, Number(row.steering_group_id), String(row.date))) > 0,
      });
      for (const [index, item] of [...agenda.head, ...agenda.tail].entries()) {
        await db
          .insertInto('agenda_items')
          .values({
            meeting_id: row.id,
            number: index + 1,
            kind: item.kind,
            title: item.title,
            title_sv: item.titleSv,
            updated_by: audit.actor,
            created_at: audit.at,
            updated_at: audit.at,
          })
          .execute();
      }
      return;
    }
    if (Array.isArray(input.attendance)) {
      if (input.attendance.length > 0) refuseBeforeStart(row, at, 'attendance', 'attendance');
      await replaceAttendance(db, row, input.attendance as z.infer<typeof ZAttendanceInput>[]);
    } else if ('date' in input || 'startTime' in input) {
      // A meeting whose attendance is recorded has been held: it cannot move to a time still to come.
      const recorded = await db
        .selectFrom('meeting_attendance')
        .select('meeting_id')
        .where('meeting_id', '=', row.id)
        .executeTakeFirst();
      if (recorded) refuseBeforeStart(row, at, 'attendance', 'date', HELD_MEETING_STAYS);
    }
    if ('date' in input) {
      // The next meeting names these minutes by number until it approves them.
      await db
        .updateTable('meetings')
        .set({ previous_minutes: String(row.number) })
        .where('previous_meeting_id', '=', row.id)
        .where('approved_in_meeting_id', 'is', null)
        .where('minutes_status', 'in', ['draft', 'checked'])
        .execute();
    }
    if (Array.isArray(input.distribution)) {
      await db.deleteFrom('meeting_distribution').where('meeting_id', '=', row.id).execute();
      for (const [position, recipient] of (input.distribution as string[]).entries()) {
        await db.insertInto('meeting_distribution').values({ meeting_id: row.id, position, recipient }).execute();
      }
    }
  },
  record: ZMeetingRecord,
  present: async (db, row) => {
    const group = await db
      .selectFrom('steering_groups')
      .select('key')
      .where('id', '=', Number(row.steering_group_id))
      .executeTakeFirst();
    const attendance = await db
      .selectFrom('meeting_attendance')
      .selectAll()
      .where('meeting_id', '=', row.id)
      .orderBy('position')
      .execute();
    const distribution = await db
      .selectFrom('meeting_distribution')
      .select('recipient')
      .where('meeting_id', '=', row.id)
      .orderBy('position')
      .execute();
    return {
      key: row.key,
      steeringGroup: group?.key ?? null,
      number: row.number,
      ...Object.fromEntries(Object.entries(placeColumns).map(([field, column]) => [field, row[column] ?? null])),
      minutesStatus: row.minutes_status,
      attendance: attendance.map((a) => ({
        memberId: a.member_id === null ? null : Number(a.member_id),
        name: a.name,
        organisation: a.organisation,
        capacity: a.capacity,
        present: Number(a.present) === 1,
        standingInFor: a.standing_in_for_member_id === null ? null : Number(a.standing_in_for_member_id),
        actingChair: Number(a.acting_chair) === 1,
      })),
      distribution: distribution.map((d) => d.recipient),
      archived: row.archived_at !== null,
    };
  },
  archiveBlocker: async (_db, row) =>
    row.minutes_status === 'draft'
      ? null
      : {
          fi: 'Kokouksella on tarkastettu pöytäkirja; sitä ei voi poistaa.',
          sv: 'Mötet har ett granskat protokoll; det kan inte tas bort.',
          en: 'The meeting has checked minutes; it cannot be removed.',
        },
};

// ---- Agenda items ----------------------------------------------------------------------------

async function checkReference(db: Db, reference: z.infer<typeof ZReference> | null | undefined): Promise<void> {
  if (!reference) return;
  const found =
    reference.type === 'theme'
      ? await db.selectFrom('themes').select('id').where('slug', '=', reference.key).executeTakeFirst()
      : reference.type === 'call'
        ? await db.selectFrom('calls').select('id').where('key', '=', reference.key).executeTakeFirst()
        : reference.type === 'project'
          ? await db.selectFrom('project_entities').select('id').where('key', '=', reference.key).executeTakeFirst()
          : // Reports are keyed "<theme>-<year>"; the theme must exist.
            await db
              .selectFrom('themes')
              .select('id')
              .where('slug', '=', reference.key.replace(/-\d{4}$/, ''))
              .executeTakeFirst();
  if (!found) throw unknownReference('reference.key', `${reference.type} ${reference.key}`);
}

const itemColumns = {
  title: 'title',
  titleSv: 'title_sv',
  presenter: 'presenter',
  background: 'background',
  proposal: 'proposal',
  discussion: 'discussion',
  decision: 'decision',
  backgroundSv: 'background_sv',
  proposalSv: 'proposal_sv',
  discussionSv: 'discussion_sv',
  decisionSv: 'decision_sv',
  time: 'time',
};

/** Makes room at `number` by moving the items from there on down by one (archived ones too). */
async function makeRoom(db: Db, meetingId: number, number: number): Promise<void> {
  // Two steps through negative numbers: the unique (meeting, number) holds after every row.
  await db
    .updateTable('agenda_items')
    .set((eb) => ({ number: eb(eb.neg(eb.ref('number')), '-', 1) }))
    .where('meeting_id', '=', meetingId)
    .where('number', '>=', number)
    .execute();
  await db
    .updateTable('agenda_items')
    .set((eb) => ({ number: eb.neg(eb.ref('number')) }))
    .where('meeting_id', '=', meetingId)
    .where('number', '<', 0)
    .execute();
}

export const agendaItemResource: EditableResource = {
  name: 'agenda_item',
  collection: 'agenda-items',
  table: 'agenda_items',
  identifier: 'id',
  permission: 'meeting.edit',
  createSchema: ZAgendaItemCreate,
  updateSchema: ZAgendaItemUpdate,
  // Topics can be taken off the agenda; the standard items stay.
  archivable: true,
  scopeOfRow: (db, row) => scopeOfMeeting(db, Number(row.meeting_id)),
  placedBy: ['meeting'],
  scopeOfInput: async (db, input) =>
    steeringGroupScope(db, Number((await meetingOf(db, input.meeting)).steering_group_id)),
  toColumns: async (db, input, existing) => {
    await checkReference(db, input.reference as z.infer<typeof ZReference> | null | undefined);
    const reference =
      'reference' in input
        ? {
            reference_type: (input.reference as z.infer<typeof ZReference> | null)?.type ?? null,
            reference_key: (input.reference as z.infer<typeof ZReference> | null)?.key ?? null,
          }
        : {};
    if (existing) {
      refuseWhenLocked((await meetingById(db, Number(existing.meeting_id))).minutes_status);
      return { ...pick(input, itemColumns), ...reference };
    }
    const meeting = await meetingOf(db, input.meeting);
    refuseWhenLocked(meeting.minutes_status);
    const items = await db
      .selectFrom('agenda_items')
      .select(['number', 'kind'])
      .where('meeting_id', '=', Number(meeting.id))
      .execute();
    const number = topicInsertPosition(items.map((i) => ({ number: Number(i.number), kind: i.kind })));
    await makeRoom(db, Number(meeting.id), number);
    return { meeting_id: Number(meeting.id), number, kind: 'topic', ...pick(input, itemColumns), ...reference };
  },
  afterWrite: async (db, row, input, at, { audit }) => {
    const minutesField = MINUTES_FIELDS.find((field) => field in input && input[field] != null);
    if (minutesField) refuseBeforeStart(await meetingById(db, Number(row.meeting_id)), at, 'minutes', minutesField);
    await minutesChanged(db, Number(row.meeting_id), audit);
  },
  record: ZAgendaItemRecord,
  present: async (db, row) => {
    const meeting = await meetingById(db, Number(row.meeting_id));
    const numbers = await itemNumbers(db, [Number(row.meeting_id)]);
    return {
      id: row.id,
      meeting: meeting.key,
      number: numbers.get(row.id) ?? null,
      kind: row.kind,
      ...Object.fromEntries(Object.entries(itemColumns).map(([field, column]) => [field, row[column] ?? null])),
      reference: row.reference_type ? { type: row.reference_type, key: row.reference_key } : null,
      archived: row.archived_at !== null,
    };
  },
  archiveBlocker: async (db, row) => {
    if (row.kind !== 'topic') {
      return {
        fi: 'Vakiokohtaa ei voi poistaa asialistalta.',
        sv: 'En standardpunkt kan inte tas bort från föredragningslistan.',
        en: 'A standard item cannot be removed from the agenda.',
      };
    }
    return minutesLocked((await meetingById(db, Number(row.meeting_id))).minutes_status as MinutesStatus)
      ? MINUTES_LOCKED
      : null;
  },
};

// ---- Decisions and action items ---------------------------------------------------------------

async function itemIdOf(db: Db, meetingId: number, number: unknown): Promise<number | null> {
  if (number === null || number === undefined) return null;
  const numbers = await itemNumbers(db, [meetingId]);
  const found = [...numbers.entries()].find(([, n]) => n === number);
  if (!found) throw unknownReference('item', `§ ${String(number)}`);
  return found[0];
}

export const decisionResource: EditableResource = {
  name: 'meeting_decision',
  collection: 'meeting-decisions',
  table: 'meeting_decisions',
  identifier: 'id',
  permission: 'meeting.edit',
  createSchema: ZDecisionCreate,
  updateSchema: ZDecisionUpdate,
  archivable: true,
  scopeOfRow: (db, row) => scopeOfMeeting(db, Number(row.meeting_id)),
  placedBy: ['meeting'],
  scopeOfInput: async (db, input) =>
    steeringGroupScope(db, Number((await meetingOf(db, input.meeting)).steering_group_id)),
  toColumns: async (db, input, existing) => {
    const meeting = existing ? await meetingById(db, Number(existing.meeting_id)) : await meetingOf(db, input.meeting);
    const kind = existing ? existing.kind : input.kind;
    // What was decided is fixed with the minutes; whether an action item got done is followed up later.
    if (['text', 'textSv', 'owner', 'dueDate'].some((field) => field in input) || !existing)
      refuseWhenLocked(meeting.minutes_status);
    if (kind === 'decision' && input.status) {
      throw violation('status', {
        fi: 'Vain toimenpiteellä on tila.',
        sv: 'Endast en åtgärd har status.',
        en: 'Only an action item has a status.',
      });
    }
    let completedIn: Record<string, unknown> = {};
    if ('completedInMeeting' in input) {
      const later = input.completedInMeeting
        ? await meetingOf(db, input.completedInMeeting, 'completedInMeeting')
        : null;
      if (later && Number(later.steering_group_id) !== Number(meeting.steering_group_id))
        throw unknownReference('completedInMeeting', String(input.completedInMeeting));
      completedIn = { completed_in_meeting_id: later ? Number(later.id) : null };
    }
    const columns = pick(input, {
      text: 'text',
      textSv: 'text_sv',
      owner: 'owner',
      dueDate: 'due_date',
      status: 'status',
      completedOn: 'completed_on',
    });
    if (!existing) {
      return {
        meeting_id: Number(meeting.id),
        agenda_item_id: await itemIdOf(db, Number(meeting.id), input.item),
        kind,
        ...columns,
        status: kind === 'action' ? (input.status ?? 'open') : null,
        ...completedIn,
      };
    }
    return { ...columns, ...completedIn };
  },
  afterWrite: async (db, row, input, at, { audit, created }) => {
    // Decisions and action items are minutes: they are recorded once the meeting has started.
    if (created) refuseBeforeStart(await meetingById(db, Number(row.meeting_id)), at, 'minutes', 'meeting');
    // Only changes to what the minutes say reopen them; following up an action item does not.
    if (['text', 'textSv', 'owner', 'dueDate'].some((field) => field in input) || input.meeting)
      await minutesChanged(db, Number(row.meeting_id), audit);
  },
  record: ZDecisionRecord,
  present: async (db, row) => {
    const meeting = await meetingById(db, Number(row.meeting_id));
    const numbers = await itemNumbers(db, [Number(row.meeting_id)]);
    const completedIn = row.completed_in_meeting_id ? await meetingById(db, Number(row.completed_in_meeting_id)) : null;
    return {
      id: row.id,
      meeting: meeting.key,
      item: row.agenda_item_id === null ? null : (numbers.get(Number(row.agenda_item_id)) ?? null),
      kind: row.kind,
      text: row.text,
      textSv: row.text_sv ?? null,
      owner: row.owner ?? null,
      dueDate: row.due_date ?? null,
      status: row.status ?? null,
      completedOn: row.completed_on ?? null,
      completedInMeeting: completedIn?.key ?? null,
      archived: row.archived_at !== null,
    };
  },
};
