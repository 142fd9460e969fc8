/**
 * Steering groups, their membership as of a date, and meetings with their agenda, attendance,
 * minutes and decision records, in the shapes of the API (contracts/meetings.ts). Documents are
 * built from the same shapes.
 */
import type { Db } from '../database.js';
import type {
  AgendaItem,
  Attendance,
  DecisionRecord,
  GroupMember,
  MeetingContent,
  MeetingSummary,
  SteeringGroupDetail,
} from '../../contracts/meetings.js';
import {
  minutesLocked,
  minutesPlaceholders,
  quorum,
  whoChaired,
  type Chaired,
  type MinutesStatus,
  type Quorum,
} from '../../domain/meetings.js';
import { publicNames } from './users.js';

type MemberRow = {
  id: number;
  seat: number | null;
  capacity: string;
  position: string | null;
  name: string;
  organisation: string | null;
  valid_from: string | null;
  valid_to: string | null;
  decision_reference: string | null;
  archived_at: string | null;
  username: string | null;
};

const toMember = (row: MemberRow): GroupMember => ({
  id: Number(row.id),
  seat: row.seat === null ? null : Number(row.seat),
  capacity: row.capacity as GroupMember['capacity'],
  position: (row.position as GroupMember['position']) ?? null,
  name: row.name,
  organisation: row.organisation,
  validFrom: row.valid_from,
  validTo: row.valid_to,
  decisionReference: row.decision_reference,
  user: row.username,
  archived: row.archived_at !== null,
});

/** Is a membership in force on a date? Open ends count as in force. */
export const validOn = (
  member: { validFrom: string | null; validTo: string | null; archived: boolean },
  date: string,
) =>
  !member.archived &&
  (member.validFrom === null || member.validFrom <= date) &&
  (member.validTo === null || member.validTo >= date);

export async function findGroup(db: Db, key: string) {
  return db
    .selectFrom('steering_groups')
    .selectAll()
    .where('key', '=', key)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

async function themesOf(db: Db, groupIds: number[]): Promise<Map<number, string[]>> {
  const result = new Map<number, string[]>();
  if (groupIds.length === 0) return result;
  const rows = await db
    .selectFrom('steering_group_themes as sgt')
    .innerJoin('themes as t', 't.id', 'sgt.theme_id')
    .select(['sgt.steering_group_id', 't.slug'])
    .where('sgt.steering_group_id', 'in', groupIds)
    .orderBy('t.slug')
    .execute();
  for (const row of rows)
    result.set(Number(row.steering_group_id), [...(result.get(Number(row.steering_group_id)) ?? []), row.slug]);
  return result;
}

export async function listGroups(db: Db) {
  const groups = await db
    .selectFrom('steering_groups')
    .selectAll()
    .where('archived_at', 'is', null)
    .orderBy('name_fi')
    .orderBy('id')
    .execute();
  const themes = await themesOf(
    db,
    groups.map((g) => Number(g.id)),
  );
  return groups.map((g) => ({
    key: g.key,
    name: { fi: g.name_fi, sv: g.name_sv, en: g.name_en },
    themes: themes.get(Number(g.id)) ?? [],
  }));
}

/** Every membership the group has had, in seat order: the history, never overwritten. */
export async function listMembers(db: Db, groupId: number): Promise<GroupMember[]> {
  const rows = await db
    .selectFrom('steering_group_members as m')
    .leftJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.id',
      'm.seat',
      'm.capacity',
      'm.position',
      'm.name',
      'm.organisation',
      'm.valid_from',
      'm.valid_to',
      'm.decision_reference',
      'm.archived_at',
      'u.username',
    ])
    .where('m.steering_group_id', '=', groupId)
    .orderBy('m.id')
    .execute();
  const order = { member: 0, deputy: 1, permanent_expert: 2, secretary: 3 } as Record<string, number>;
  return rows
    .map((row) => toMember(row as MemberRow))
    .sort((a, b) => (a.seat ?? 1e6) - (b.seat ?? 1e6) || order[a.capacity]! - order[b.capacity]! || a.id - b.id);
}

export async function getSteeringGroup(db: Db, key: string, at: string): Promise<SteeringGroupDetail | null> {
  const group = await findGroup(db, key);
  if (!group) return null;
  const themes = await themesOf(db, [Number(group.id)]);
  const members = (await listMembers(db, Number(group.id))).filter((m) => validOn(m, at));
  const seats = new Map<number, { seat: number; member: GroupMember | null; deputy: GroupMember | null }>();
  for (const m of members) {
    if (m.seat === null || (m.capacity !== 'member' && m.capacity !== 'deputy')) continue;
    const seat = seats.get(m.seat) ?? { seat: m.seat, member: null, deputy: null };
    seat[m.capacity] = m;
    seats.set(m.seat, seat);
  }
  const withPosition = (position: string) =>
    members.find((m) => m.position === position && m.capacity === 'member') ??
    members.find((m) => m.position === position) ??
    null;
  return {
    key: group.key,
    name: { fi: group.name_fi, sv: group.name_sv, en: group.name_en },
    themes: themes.get(Number(group.id)) ?? [],
    diaryNumber: group.diary_number,
    term: { start: group.term_start, end: group.term_end },
    quorum: group.quorum === null ? null : Number(group.quorum),
    at,
    chair: withPosition('chair'),
    viceChair: withPosition('vice_chair'),
    secretaries: members.filter((m) => m.capacity === 'secretary'),
    seats: [...seats.values()].sort((a, b) => a.seat - b.seat),
    permanentExperts: members.filter((m) => m.capacity === 'permanent_expert'),
    version: Number(group.version),
  };
}

const toSummary = (
  row: {
    key: string;
    number: string;
    date: string;
    start_time: string | null;
    end_time: string | null;
    minutes_status: string;
  },
  groupKey: string,
): MeetingSummary => ({
  key: row.key,
  steeringGroup: groupKey,
  number: row.number,
  date: row.date,
  startTime: row.start_time,
  endTime: row.end_time,
  minutesStatus: row.minutes_status as MinutesStatus,
});

export async function listMeetings(
  db: Db,
  groupId: number,
  options: { publishedOnly: boolean },
): Promise<MeetingSummary[]> {
  const group = await db
    .selectFrom('steering_groups')
    .select('key')
    .where('id', '=', groupId)
    .executeTakeFirstOrThrow();
  let query = db
    .selectFrom('meetings')
    .selectAll()
    .where('steering_group_id', '=', groupId)
    .where('archived_at', 'is', null);
  if (options.publishedOnly) query = query.where('minutes_status', '=', 'published');
  const rows = await query.orderBy('date', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => toSummary(row, group.key));
}

export async function listPublishedMinutes(db: Db, groupKey?: string) {
  let query = db
    .selectFrom('meetings as m')
    .innerJoin('steering_groups as g', 'g.id', 'm.steering_group_id')
    .select([
      'm.key',
      'm.number',
      'm.date',
      'm.start_time',
      'm.end_time',
      'm.minutes_status',
      'm.minutes_published_at',
      'g.key as group_key',
      'g.name_fi',
      'g.name_sv',
      'g.name_en',
    ])
    .where('m.minutes_status', '=', 'published')
    .where('m.archived_at', 'is', null);
  if (groupKey) query = query.where('g.key', '=', groupKey);
  const rows = await query.orderBy('m.date', 'desc').orderBy('m.id', 'desc').execute();
  return rows.map((row) => ({
    ...toSummary(row, row.group_key),
    steeringGroupName: { fi: row.name_fi, sv: row.name_sv, en: row.name_en },
    publishedAt: row.minutes_published_at,
  }));
}

export async function findMeeting(db: Db, key: string) {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('key', '=', key)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

type DecisionRow = {
  id: number;
  meeting_id: number;
  agenda_item_id: number | null;
  kind: string;
  text: string;
  text_sv?: string | null;
  owner: string | null;
  due_date: string | null;
  status: string | null;
  completed_on: string | null;
  completed_in_meeting_id: number | null;
  version: number;
};

/** Decision records with their meeting's key and number and their item's § number. */
export async function presentDecisions(db: Db, rows: DecisionRow[]): Promise<DecisionRecord[]> {
  if (rows.length === 0) return [];
  const meetingIds = [
    ...new Set(
      rows.flatMap((r) => [
        Number(r.meeting_id),
        ...(r.completed_in_meeting_id === null ? [] : [Number(r.completed_in_meeting_id)]),
      ]),
    ),
  ];
  const meetings = new Map(
    (await db.selectFrom('meetings').select(['id', 'key', 'number']).where('id', 'in', meetingIds).execute()).map(
      (m) => [Number(m.id), m],
    ),
  );
  const numbers = await itemNumbers(db, [...new Set(rows.map((r) => Number(r.meeting_id)))]);
  return rows.map((row) => ({
    id: Number(row.id),
    meeting: meetings.get(Number(row.meeting_id))!.key,
    meetingNumber: meetings.get(Number(row.meeting_id))!.number,
    item: row.agenda_item_id === null ? null : (numbers.get(Number(row.agenda_item_id)) ?? null),
    kind: row.kind as DecisionRecord['kind'],
    text: row.text,
    textSv: row.text_sv ?? null,
    owner: row.owner,
    dueDate: row.due_date,
    status: (row.status as DecisionRecord['status']) ?? null,
    completedOn: row.completed_on,
    completedInMeeting:
      row.completed_in_meeting_id === null ? null : (meetings.get(Number(row.completed_in_meeting_id))?.key ?? null),
    version: Number(row.version),
  }));
}

/** The § number of each live item: its position in the meeting, so archiving a topic leaves no gap. */
export async function itemNumbers(db: Db, meetingIds: number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (meetingIds.length === 0) return result;
  const rows = await db
    .selectFrom('agenda_items')
    .select(['id', 'meeting_id', 'number'])
    .where('meeting_id', 'in', meetingIds)
    .where('archived_at', 'is', null)
    .orderBy('meeting_id')
    .orderBy('number')
    .execute();
  let meeting = -1;
  let position = 0;
  for (const row of rows) {
    if (Number(row.meeting_id) !== meeting) {
      meeting = Number(row.meeting_id);
      position = 0;
    }
    result.set(Number(row.id), ++position);
  }
  return result;
}

/** Action items of the group's earlier meetings that are still open, or were closed at this one. */
export async function carriedActions(
  db: Db,
  meeting: { id: number; steering_group_id: number; date: string },
  audience: Audience = 'group',
): Promise<DecisionRecord[]> {
  let query = db
    .selectFrom('meeting_decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
    .selectAll('d')
    .where('m.steering_group_id', '=', meeting.steering_group_id)
    .where('m.id', '!=', meeting.id)
    .where('m.date', '<=', meeting.date)
    .where('m.archived_at', 'is', null)
    .where('d.kind', '=', 'action')
    .where('d.archived_at', 'is', null)
    .where((eb) => eb.or([eb('d.status', '=', 'open'), eb('d.completed_in_meeting_id', '=', meeting.id)]));
  // The public reads what was published, nothing of the meetings whose minutes are still drafts.
  if (audience === 'public') query = query.where('m.minutes_status', '=', 'published');
  const rows = await query.orderBy('m.date').orderBy('d.id').execute();
  return presentDecisions(db, rows as DecisionRow[]);
}

export async function countOpenActions(db: Db, groupId: number, beforeDate: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('m.steering_group_id', '=', groupId)
    .where('m.date', '<=', beforeDate)
    .where('d.kind', '=', 'action')
    .where('d.status', '=', 'open')
    .where('d.archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function groupActions(
  db: Db,
  groupId: number,
  status?: 'open' | 'done' | 'cancelled',
): Promise<DecisionRecord[]> {
  let query = db
    .selectFrom('meeting_decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
    .selectAll('d')
    .where('m.steering_group_id', '=', groupId)
    .where('d.kind', '=', 'action')
    .where('d.archived_at', 'is', null);
  if (status) query = query.where('d.status', '=', status);
  return presentDecisions(db, (await query.orderBy('m.date').orderBy('d.id').execute()) as DecisionRow[]);
}

/**
 * Who a meeting is shown to. The group (its members, secretary, ministries, the managing authority)
 * sees it all. The public sees published minutes only, built from published data only: action items
 * carried from meetings whose minutes are published, no editors' notes, and no link to join the
 * meeting (it is for the participants).
 */
export type Audience = 'group' | 'public';

export async function getMeeting(db: Db, key: string, audience: Audience = 'group'): Promise<MeetingContent | null> {
  const meeting = await findMeeting(db, key);
  if (!meeting) return null;
  if (audience === 'public' && meeting.minutes_status !== 'published') return null;
  const id = Number(meeting.id);
  const group = await db
    .selectFrom('steering_groups')
    .selectAll()
    .where('id', '=', Number(meeting.steering_group_id))
    .executeTakeFirstOrThrow();
  const linked = [meeting.previous_meeting_id, meeting.approved_in_meeting_id]
    .filter((v): v is number => v !== null)
    .map(Number);
  const linkedMeetings = new Map(
    linked.length === 0
      ? []
      : (await db.selectFrom('meetings').select(['id', 'key', 'number']).where('id', 'in', linked).execute()).map(
          (m) => [Number(m.id), m],
        ),
  );
  const attendanceRows = await db
    .selectFrom('meeting_attendance')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('position')
    .execute();
  const attendance: Attendance[] = attendanceRows.map((row) => ({
    memberId: row.member_id === null ? null : Number(row.member_id),
    seat: row.seat === null ? null : Number(row.seat),
    name: row.name,
    organisation: row.organisation,
    capacity: row.capacity as Attendance['capacity'],
    position: (row.role as Attendance['position']) ?? null,
    present: Number(row.present) === 1,
    standingInFor: row.standing_in_for,
    standingInForMemberId: row.standing_in_for_member_id === null ? null : Number(row.standing_in_for_member_id),
    actingChair: Number(row.acting_chair) === 1,
  }));
  const itemRows = await db
    .selectFrom('agenda_items')
    .selectAll()
    .where('meeting_id', '=', id)
    .where('archived_at', 'is', null)
    .orderBy('number')
    .execute();
  const decisionRows = await db
    .selectFrom('meeting_decisions')
    .selectAll()
    .where('meeting_id', '=', id)
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  const records = await presentDecisions(db, decisionRows as DecisionRow[]);
  const items: AgendaItem[] = itemRows.map((row, index) => ({
    id: Number(row.id),
    number: index + 1,
    kind: row.kind as AgendaItem['kind'],
    title: row.title,
    titleSv: row.title_sv,
    presenter: row.presenter,
    background: row.background,
    proposal: row.proposal,
    discussion: row.discussion,
    decision: row.decision,
    backgroundSv: row.background_sv,
    proposalSv: row.proposal_sv,
    discussionSv: row.discussion_sv,
    decisionSv: row.decision_sv,
    time: row.time,
    reference: row.reference_type && row.reference_key ? { type: row.reference_type, key: row.reference_key } : null,
    records: records.filter((r, i) => Number(decisionRows[i]!.agenda_item_id) === Number(row.id)),
    version: Number(row.version),
  }));
  const signatories = await db
    .selectFrom('meeting_signatories')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('position')
    .execute();
  const distribution = await db
    .selectFrom('meeting_distribution')
    .select('recipient')
    .where('meeting_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    key: meeting.key,
    steeringGroup: group.key,
    steeringGroupName: { fi: group.name_fi, sv: group.name_sv, en: group.name_en },
    number: meeting.number,
    date: meeting.date,
    startTime: meeting.start_time,
    endTime: meeting.end_time,
    minutesStatus: meeting.minutes_status as MinutesStatus,
    place: {
      room: meeting.room,
      address: meeting.address,
      online: meeting.online,
      onlineUrl: audience === 'public' ? null : meeting.online_url,
    },
    openedAt: items.find((i) => i.kind === 'opening')?.time ?? null,
    closedAt: items.find((i) => i.kind === 'closing')?.time ?? null,
    previousMeeting:
      meeting.previous_meeting_id === null
        ? null
        : (linkedMeetings.get(Number(meeting.previous_meeting_id))?.key ?? null),
    previousMinutes: meeting.previous_minutes,
    approvedInMeeting:
      meeting.approved_in_meeting_id === null
        ? null
        : (linkedMeetings.get(Number(meeting.approved_in_meeting_id))?.key ?? null),
    approvedInMeetingNumber:
      meeting.approved_in_meeting_id === null
        ? null
        : (linkedMeetings.get(Number(meeting.approved_in_meeting_id))?.number ?? null),
    minutesCheckedAt: meeting.minutes_checked_at,
    minutesCheckedBy:
      meeting.minutes_checked_by === null
        ? null
        : ((await publicNames(db, [meeting.minutes_checked_by])).get(meeting.minutes_checked_by) ?? null),
    minutesApprovedAt: meeting.minutes_approved_at,
    minutesPublishedAt: meeting.minutes_published_at,
    minutesReturn:
      audience === 'group' && meeting.minutes_returned_at !== null
        ? {
            reason: meeting.minutes_returned_reason,
            at: meeting.minutes_returned_at,
            by:
              meeting.minutes_returned_by === null
                ? null
                : ((await publicNames(db, [meeting.minutes_returned_by])).get(meeting.minutes_returned_by) ?? null),
          }
        : null,
    chairedBy: await (async () => {
      const chair = await meetingChair(db, id);
      return chair ? { memberId: chair.memberId, name: chair.name, as: chair.as } : null;
    })(),
    quorum: await meetingQuorum(db, {
      id,
      steering_group_id: Number(meeting.steering_group_id),
      date: meeting.date,
    }),
    attendance,
    items,
    placeholders:
      audience === 'group'
        ? minutesPlaceholders({
            items,
            place: { room: meeting.room, address: meeting.address, online: meeting.online },
            attendance,
            signatories,
            distribution: distribution.map((d) => d.recipient),
          })
        : [],
    openActions: await carriedActions(
      db,
      { id, steering_group_id: Number(meeting.steering_group_id), date: meeting.date },
      audience,
    ),
    signatories: signatories.map((s) => ({
      name: s.name,
      organisation: s.organisation,
      position: (s.role as Attendance['position']) ?? null,
    })),
    distribution: distribution.map((d) => d.recipient),
    notes: audience === 'group' && meeting.notes ? (JSON.parse(meeting.notes) as string[]) : [],
    version: Number(meeting.version),
  };
}

/** The minutes of a meeting may no longer change once approved. */
export async function meetingLocked(db: Db, meetingId: number): Promise<boolean> {
  const row = await db.selectFrom('meetings').select('minutes_status').where('id', '=', meetingId).executeTakeFirst();
  return row ? minutesLocked(row.minutes_status as MinutesStatus) : false;
}

/** Who chaired a meeting, as its attendance records it (chair, vice-chair or acting chair), and their account. */
export async function meetingChair(
  db: Db,
  meetingId: number,
): Promise<(Chaired & { name: string; userId: number | null }) | null> {
  const rows = await db
    .selectFrom('meeting_attendance')
    .select(['member_id', 'role', 'present', 'acting_chair', 'name'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const chaired = whoChaired(
    rows.map((r) => ({
      memberId: r.member_id === null ? null : Number(r.member_id),
      position: r.role,
      present: Number(r.present) === 1,
      actingChair: Number(r.acting_chair) === 1,
    })),
  );
  if (!chaired) return null;
  const member = await db
    .selectFrom('steering_group_members')
    .select(['name', 'user_id'])
    .where('id', '=', chaired.memberId)
    .executeTakeFirstOrThrow();
  return { ...chaired, name: member.name, userId: member.user_id === null ? null : Number(member.user_id) };
}

/** The account that checks a meeting's minutes: the one linked to whoever chaired it (none before attendance). */
export async function meetingChairUserIds(db: Db, meetingId: number): Promise<number[]> {
  const chair = await meetingChair(db, meetingId);
  return chair?.userId == null ? [] : [chair.userId];
}

/** The group's seats on the meeting's date, the seats its attendance represents and the group's quorum rule. */
export async function meetingQuorum(
  db: Db,
  meeting: { id: number; steering_group_id: number; date: string },
): Promise<Quorum> {
  const group = await db
    .selectFrom('steering_groups')
    .select('quorum')
    .where('id', '=', Number(meeting.steering_group_id))
    .executeTakeFirstOrThrow();
  const members = await db
    .selectFrom('steering_group_members')
    .select(['seat', 'capacity', 'valid_from', 'valid_to', 'archived_at'])
    .where('steering_group_id', '=', Number(meeting.steering_group_id))
    .execute();
  const roster = members
    .filter((m) =>
      validOn({ validFrom: m.valid_from, validTo: m.valid_to, archived: m.archived_at !== null }, meeting.date),
    )
    .map((m) => ({ seat: m.seat === null ? null : Number(m.seat), capacity: m.capacity }));
  const attendance = await db
    .selectFrom('meeting_attendance')
    .select(['seat', 'capacity', 'present'])
    .where('meeting_id', '=', Number(meeting.id))
    .execute();
  return quorum(
    roster,
    attendance.map((a) => ({
      seat: a.seat === null ? null : Number(a.seat),
      capacity: a.capacity,
      present: Number(a.present) === 1,
    })),
    group.quorum === null ? null : Number(group.quorum),
  );
}
