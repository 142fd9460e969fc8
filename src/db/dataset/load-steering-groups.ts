/** Loads steering groups (members, deputies, experts, secretaries) and their meetings with attendance, items, decisions. */
import type { Dataset } from './read-dataset.js';
import { DATASET_ACTOR, type Ids, source, type Trx } from './load-shared.js';

export async function loadSteeringGroups(trx: Trx, dataset: Dataset, themes: Ids): Promise<void> {
  const groupIds = new Map<string, number>();
  for (const group of dataset.steeringGroups) {
    const row = await trx
      .insertInto('steering_groups')
      .values({
        key: group.key,
        name_fi: group.name.fi,
        name_sv: group.name.sv ?? null,
        name_en: group.name.en ?? null,
        diary_number: group.diaryNumber,
        source: source(group.source),
        updated_by: DATASET_ACTOR,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const groupId = Number(row.id);
    groupIds.set(group.key, groupId);
    for (const slug of group.themes) {
      if (themes.has(slug))
        await trx
          .insertInto('steering_group_themes')
          .values({ steering_group_id: groupId, theme_id: themes.of(slug) })
          .execute();
    }
    const members: {
      seat: number | null;
      capacity: 'member' | 'deputy' | 'permanent_expert' | 'secretary';
      person: { name: string; organisation: string | null; position: string | null };
    }[] = [];
    group.seats.forEach((seat, index) => {
      if (seat.member) members.push({ seat: index + 1, capacity: 'member', person: seat.member });
      if (seat.deputy) members.push({ seat: index + 1, capacity: 'deputy', person: seat.deputy });
    });
    for (const expert of group.permanentExperts)
      members.push({ seat: null, capacity: 'permanent_expert', person: expert });
    for (const secretary of group.secretaries) members.push({ seat: null, capacity: 'secretary', person: secretary });
    for (const member of members) {
      await trx
        .insertInto('steering_group_members')
        .values({
          steering_group_id: groupId,
          seat: member.seat,
          capacity: member.capacity,
          position: member.person.position,
          name: member.person.name,
          organisation: member.person.organisation,
          valid_from: null,
          valid_to: null,
          updated_by: DATASET_ACTOR,
        })
        .execute();
    }
  }
  await loadMeetings(trx, dataset, groupIds);
}

async function loadMeetings(trx: Trx, dataset: Dataset, groupIds: Map<string, number>): Promise<void> {
  for (const meeting of dataset.meetings) {
    const groupId = groupIds.get(meeting.steeringGroup);
    if (groupId === undefined)
      throw new Error(`meeting ${meeting.key} refers to unknown steering group "${meeting.steeringGroup}"`);
    const row = await trx
      .insertInto('meetings')
      .values({
        key: meeting.key,
        steering_group_id: groupId,
        number: meeting.number,
        date: meeting.date,
        start_time: meeting.startTime,
        end_time: meeting.endTime,
        room: meeting.place.room,
        address: meeting.place.address,
        online: meeting.place.online,
        previous_minutes: meeting.previousMinutes,
        next_meeting: meeting.nextMeeting,
        notes: meeting.notes.length > 0 ? JSON.stringify(meeting.notes) : null,
        source: source(meeting.source),
        updated_by: DATASET_ACTOR,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const meetingId = Number(row.id);
    // Attendance is tied to the roster by name and capacity, so the minutes can pair each member
    // with their deputy (seat) and name whom a deputy stood in for.
    const roster = await trx
      .selectFrom('steering_group_members')
      .select(['id', 'seat', 'capacity', 'name'])
      .where('steering_group_id', '=', groupId)
      .execute();
    const onRoster = (name: string | null, capacity?: string) =>
      roster.find((r) => r.name === name && (capacity === undefined || r.capacity === capacity));
    for (const [position, person] of meeting.attendance.entries()) {
      const member = onRoster(person.name, person.capacity);
      const stoodInFor = person.standingInFor ? onRoster(person.standingInFor, 'member') : undefined;
      await trx
        .insertInto('meeting_attendance')
        .values({
          meeting_id: meetingId,
          position,
          name: person.name,
          organisation: person.organisation,
          capacity: person.capacity,
          role: person.position,
          present: person.present ? 1 : 0,
          standing_in_for: person.standingInFor,
          seat: member?.seat ?? null,
          member_id: member ? Number(member.id) : null,
          standing_in_for_member_id: stoodInFor ? Number(stoodInFor.id) : null,
        })
        .execute();
    }
    for (const item of meeting.items) {
      const inserted = await trx
        .insertInto('agenda_items')
        .values({
          meeting_id: meetingId,
          number: item.number,
          kind: item.kind,
          title: item.title,
          presenter: item.presenter,
          background: item.background,
          discussion: item.discussion,
          decision: item.decision,
          time: item.time,
          source: source(item.source),
          updated_by: DATASET_ACTOR,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const itemId = Number(inserted.id);
      // Decisions and action items are records of their own (a register across meetings).
      if (item.decision) {
        await trx
          .insertInto('meeting_decisions')
          .values({
            meeting_id: meetingId,
            agenda_item_id: itemId,
            kind: 'decision',
            text: item.decision,
            status: null,
            source: source(item.source),
            updated_by: DATASET_ACTOR,
          })
          .execute();
      }
      for (const action of item.actions) {
        await trx
          .insertInto('meeting_decisions')
          .values({
            meeting_id: meetingId,
            agenda_item_id: itemId,
            kind: 'action',
            text: action.text,
            owner: action.owner,
            due_date: action.dueDate,
            status: 'open',
            source: source(action.source),
            updated_by: DATASET_ACTOR,
          })
          .execute();
      }
    }
    for (const [position, person] of meeting.signatories.entries()) {
      await trx
        .insertInto('meeting_signatories')
        .values({
          meeting_id: meetingId,
          position,
          name: person.name,
          organisation: person.organisation,
          role: person.position,
        })
        .execute();
    }
    for (const [position, recipient] of meeting.distribution.entries()) {
      await trx.insertInto('meeting_distribution').values({ meeting_id: meetingId, position, recipient }).execute();
    }
  }
}
