/**
 * Loads the reviewable dataset (data/2024) and the geography (data/geo) into an empty database, in
 * one transaction: either everything is there afterwards or nothing is.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isNotYet } from '../../domain/money.js';
import type { Dataset } from './read-dataset.js';
import type { Db } from '../database.js';
import { municipalityToCounty, readCounties, type Topology } from '../../domain/geography.js';
import { SECTORS } from '../../domain/sectors.js';
import type { SeedAmount } from '../../contracts/dataset.js';
import { rebuildSearchIndex } from '../repositories/search.js';

export const DATASET_ACTOR = 'dataset:2024';

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('themes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count) === 0;
}

/** Counties, municipalities and sectors: reference data every database needs, demo data or not. */
export async function loadReferenceData(db: Db, topologyPath: string): Promise<void> {
  const topology = JSON.parse(readFileSync(topologyPath, 'utf8')) as Topology;
  const counties = readCounties(topology);
  const countyOf = municipalityToCounty(topology);
  await db.transaction().execute(async (trx) => {
    const known = await trx
      .selectFrom('counties')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    if (Number(known.count) > 0) return;
    await trx
      .insertInto('counties')
      .values(
        counties.map((county) => ({
          id: county.id,
          name_fi: county.name.fi,
          name_sv: county.name.sv,
          short_name_fi: county.shortName.fi,
          short_name_sv: county.shortName.sv,
          population: county.population,
        })),
      )
      .execute();
    const municipalities = topology.objects.munis.geometries.map((geometry) => ({
      code: geometry.properties.id,
      name_fi: geometry.properties.name_fi,
      name_sv: geometry.properties.name_sv,
      county_id: countyOf.get(geometry.properties.id) ?? null,
    }));
    await trx.insertInto('municipalities').values(municipalities).execute();
    let position = 0;
    for (const sector of SECTORS) {
      await trx
        .insertInto('sectors')
        .values({
          key: sector.key,
          parent_key: null,
          name_fi: sector.name.fi,
          name_sv: sector.name.sv,
          name_en: sector.name.en,
          position: position++,
        })
        .execute();
      for (const service of sector.services) {
        await trx
          .insertInto('sectors')
          .values({
            key: service.key,
            parent_key: sector.key,
            name_fi: service.name.fi,
            name_sv: service.name.sv,
            name_en: service.name.en,
            position: position++,
          })
          .execute();
      }
    }
  });
}

const amountColumns = (amount: SeedAmount | null) => ({
  cents: amount?.cents ?? null,
  rounded: amount?.rounded ? 1 : 0,
  approximate: amount?.approximate ? 1 : 0,
  // The source's words where they are not a plain amount: "ei vielä" (0 € so far), "noin 3,5 milj. €".
  asWritten: amount && (isNotYet(amount.text) || amount.approximate) ? amount.text : null,
});
const source = (ref: { seed: string; lines: [number, number] }) =>
  `seed ${ref.seed} lines ${ref.lines[0]}-${ref.lines[1]}`;
const priorityOf = (specificObjective: string) => `TL${specificObjective.split('.')[0]}`;

export async function loadDataset(db: Db, dataset: Dataset): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const objectives = new Set([
      ...dataset.themes.flatMap((t) => t.specificObjectives),
      ...dataset.calls.flatMap((c) => c.specificObjectives),
    ]);
    for (const code of [...objectives].sort()) {
      await trx
        .insertInto('specific_objectives')
        .values({ code, priority_code: priorityOf(code), name_fi: null, name_sv: null, name_en: null })
        .execute();
    }

    const organisationIds = new Map<string, number>();
    for (const organisation of dataset.organisations) {
      const { id } = await trx
        .insertInto('organisations')
        .values({
          key: organisation.key,
          name_fi: organisation.name.fi,
          name_sv: organisation.name.sv ?? null,
          name_en: organisation.name.en ?? null,
          business_id: organisation.businessId,
          type: organisation.type,
          municipality_code: organisation.municipality,
          search_text: [organisation.name.fi, organisation.name.sv, organisation.businessId]
            .filter(Boolean)
            .join(' ')
            .toLowerCase(),
          source: source(organisation.source),
          updated_by: DATASET_ACTOR,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      organisationIds.set(organisation.key, Number(id));
    }

    const themeIds = new Map<string, number>();
    const contentAreaIds = new Map<string, number>();
    for (const theme of dataset.themes) {
      const { id } = await trx
        .insertInto('themes')
        .values({
          slug: theme.slug,
          review_order: theme.order,
          name_fi: theme.name.fi,
          name_sv: theme.name.sv ?? null,
          name_en: theme.name.en ?? null,
          short_name: theme.shortName,
          period_start: theme.period.start,
          period_end: theme.period.end,
          period_text: theme.period.text,
          intermediate_body: theme.intermediateBody,
          stated_project_count: theme.statedProjectCount,
          source: source(theme.source),
          updated_by: DATASET_ACTOR,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const themeId = Number(id);
      themeIds.set(theme.slug, themeId);
      for (const ministry of theme.ministries)
        await trx.insertInto('theme_ministries').values({ theme_id: themeId, ministry }).execute();
      for (const code of theme.specificObjectives)
        await trx.insertInto('theme_specific_objectives').values({ theme_id: themeId, code }).execute();
      for (const [position, contact] of theme.contacts.entries()) {
        // Contacts' personal data is also kept in the vault under a pseudonym (see migration 0002).
        const personId = randomUUID();
        await trx
          .insertInto('personal_data')
          .values({
            person_id: personId,
            revision: 1,
            name: contact.name,
            email: contact.email,
            phone: contact.phone,
            recorded_at: new Date().toISOString(),
          })
          .execute();
        await trx
          .insertInto('contacts')
          .values({
            theme_id: themeId,
            role: contact.role,
            name: contact.name,
            title: contact.title,
            organisation: contact.organisation,
            ministry: contact.ministry,
            email: contact.email,
            phone: contact.phone,
            position,
            source: source(contact.source),
            updated_by: DATASET_ACTOR,
            person_id: personId,
            erased_at: null,
          })
          .execute();
      }
      for (const [position, area] of theme.contentAreas.entries()) {
        const row = await trx
          .insertInto('content_areas')
          .values({
            theme_id: themeId,
            key: area.key,
            name_fi: area.name.fi,
            name_sv: area.name.sv ?? null,
            name_en: area.name.en ?? null,
            position,
            updated_by: DATASET_ACTOR,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        contentAreaIds.set(`${theme.slug}/${area.key}`, Number(row.id));
      }
      for (const [position, link] of theme.links.entries()) {
        await trx
          .insertInto('theme_links')
          .values({ theme_id: themeId, url: link.url, title: link.title, position, updated_by: DATASET_ACTOR })
          .execute();
      }
      for (const [index, finance] of theme.finance.entries()) {
        const frame = amountColumns(finance.frame);
        const reserved = amountColumns(finance.reserved);
        const committed = amountColumns(finance.committed);
        const paid = amountColumns(finance.paid);
        const snapshot = await trx
          .insertInto('finance_snapshots')
          .values({
            theme_id: themeId,
            as_of: finance.asOf,
            sequence: index + 1,
            frame_cents: frame.cents,
            frame_rounded: frame.rounded,
            frame_approximate: frame.approximate,
            frame_as_written: frame.asWritten,
            reserved_cents: reserved.cents,
            reserved_rounded: reserved.rounded,
            reserved_approximate: reserved.approximate,
            reserved_as_written: reserved.asWritten,
            committed_cents: committed.cents,
            committed_rounded: committed.rounded,
            committed_approximate: committed.approximate,
            committed_as_written: committed.asWritten,
            paid_cents: paid.cents,
            paid_rounded: paid.rounded,
            paid_approximate: paid.approximate,
            paid_as_written: paid.asWritten,
            note: finance.note,
            reason: 'Toteutuskatsaus 2024 (ESR+ valtakunnallisten teemojen toteutuskatsaus 31.10.2024)',
            recorded_by: DATASET_ACTOR,
            source: source(finance.source),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const split of finance.frameByMinistry) {
          await trx
            .insertInto('frame_splits')
            .values({
              snapshot_id: Number(snapshot.id),
              ministry: split.ministry,
              cents: split.amount.cents,
              rounded: split.amount.rounded ? 1 : 0,
            })
            .execute();
        }
      }
    }

    const themeId = (slug: string) => {
      const id = themeIds.get(slug);
      if (id === undefined) throw new Error(`dataset refers to unknown theme "${slug}"`);
      return id;
    };
    const organisationId = (key: string) => {
      const id = organisationIds.get(key);
      if (id === undefined) throw new Error(`dataset refers to unknown organisation "${key}"`);
      return id;
    };

    const callIds = new Map<string, number>();
    for (const call of dataset.calls) {
      const budget = amountColumns(call.budget);
      const granted = amountColumns(call.granted);
      const leftOver = amountColumns(call.leftOver);
      const row = await trx
        .insertInto('calls')
        .values({
          key: call.key,
          theme_id: themeId(call.theme),
          name_fi: call.name.fi,
          name_sv: call.name.sv ?? null,
          name_en: call.name.en ?? null,
          kind: call.kind,
          opens: call.opens,
          closes: call.closes,
          budget_cents: budget.cents,
          budget_rounded: budget.rounded,
          applications: call.applications,
          application_entities: call.applicationEntities,
          eligible_entities: call.eligibleEntities,
          funded_entities: call.fundedEntities,
          granted_cents: granted.cents,
          granted_rounded: granted.rounded,
          left_over_cents: leftOver.cents,
          left_over_rounded: leftOver.rounded,
          note: call.note,
          source: source(call.source),
          updated_by: DATASET_ACTOR,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      callIds.set(call.key, Number(row.id));
      for (const code of call.specificObjectives)
        await trx
          .insertInto('call_specific_objectives')
          .values({ call_id: Number(row.id), code })
          .execute();
    }

    const organisationNames = new Map(dataset.organisations.map((o) => [o.key, o.name.fi]));
    for (const entity of dataset.projectEntities) {
      const cost = amountColumns(entity.costEstimate);
      const searchText = [
        entity.name.fi,
        entity.name.sv,
        entity.groupCode,
        ...entity.projects.flatMap((p) => [p.code, organisationNames.get(p.implementer)]),
      ]
        .filter(Boolean)
        .join(' ')
        .toLowerCase();
      const row = await trx
        .insertInto('project_entities')
        .values({
          key: entity.key,
          theme_id: themeId(entity.theme),
          kind: entity.kind,
          group_code: entity.groupCode,
          name_fi: entity.name.fi,
          name_sv: entity.name.sv ?? null,
          name_en: entity.name.en ?? null,
          type: entity.type,
          status: entity.status,
          period_start: entity.period.start,
          period_end: entity.period.end,
          period_text: entity.period.text,
          cost_estimate_cents: cost.cents,
          cost_estimate_rounded: cost.rounded,
          website: entity.website,
          call_id: entity.call ? (callIds.get(entity.call) ?? null) : null,
          content_area_id: entity.contentArea
            ? (contentAreaIds.get(`${entity.theme}/${entity.contentArea}`) ?? null)
            : null,
          search_text: searchText,
          source: source(entity.source),
          updated_by: DATASET_ACTOR,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const entityId = Number(row.id);
      for (const ministry of entity.ministries)
        await trx.insertInto('project_entity_ministries').values({ entity_id: entityId, ministry }).execute();
      for (const [position, project] of entity.projects.entries()) {
        const projectCost = amountColumns(project.costEstimate);
        await trx
          .insertInto('projects')
          .values({
            entity_id: entityId,
            code: project.code,
            implementer_id: organisationId(project.implementer),
            // Stored main/sub for the group's structure; role_stated says whether a source says so.
            role: project.role === 'not_stated' ? 'sub' : project.role,
            role_stated: project.role === 'not_stated' ? 0 : 1,
            cost_estimate_cents: projectCost.cents,
            cost_estimate_rounded: projectCost.rounded,
            position,
            updated_by: DATASET_ACTOR,
          })
          .execute();
      }
      for (const partner of new Set(entity.partners)) {
        await trx
          .insertInto('project_entity_partners')
          .values({ entity_id: entityId, organisation_id: organisationId(partner) })
          .execute();
      }
    }

    for (const figure of dataset.activityFigures) {
      await trx
        .insertInto('activity_figures')
        .values({
          theme_id: themeId(figure.theme),
          key: figure.key,
          label_fi: figure.label.fi,
          label_sv: figure.label.sv ?? null,
          label_en: figure.label.en ?? null,
          value: figure.value,
          unit: figure.unit,
          period_start: figure.period.start,
          period_end: figure.period.end,
          period_text: figure.period.text,
          source: source(figure.source),
          updated_by: DATASET_ACTOR,
        })
        .execute();
    }

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
        if (themeIds.has(slug))
          await trx
            .insertInto('steering_group_themes')
            .values({ steering_group_id: groupId, theme_id: themeId(slug) })
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
    // What search finds, written with the records it is built from.
    await rebuildSearchIndex(trx);
  });
}
