/**
 * Steering groups and their membership: the group's secretary (and the managing authority).
 *
 * Membership is history: a person, their seat and capacity never change on a membership record. A
 * change of person ends the old membership (validTo, with the diary number of the change) and
 * starts a new one; both stay, so the group can be shown as it was on any date.
 */
import { ZSteeringGroupMemberRecord, ZSteeringGroupRecord } from '../../../../contracts/records.js';
import {
  ZSteeringGroupCreate,
  ZSteeringGroupMemberCreate,
  ZSteeringGroupMemberUpdate,
  ZSteeringGroupUpdate,
} from '../../../../contracts/write-inputs.js';
import type { EditableResource } from '../resource.js';
import { steeringGroupScope } from '../resource.js';
import { unknownReference, localizedColumns, localizedOf, pick, themeIdOf } from '../fields.js';
import type { Db } from '../../../../db/database.js';
import { RuleViolationError, type LocalizedText } from '../../../../domain/errors.js';

const beforeOrSame = (field: string, from: unknown, to: unknown): void => {
  if (typeof from === 'string' && typeof to === 'string' && from > to) {
    throw new RuleViolationError([
      {
        field,
        message: {
          fi: 'Päättymispäivä on ennen alkamispäivää.',
          sv: 'Slutdatumet är före startdatumet.',
          en: 'The end date is before the start date.',
        },
      },
    ]);
  }
};

async function groupThemes(db: Db, groupId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('steering_group_themes as sgt')
    .innerJoin('themes as t', 't.id', 'sgt.theme_id')
    .select('t.slug')
    .where('sgt.steering_group_id', '=', groupId)
    .orderBy('t.slug')
    .execute();
  return rows.map((r) => r.slug);
}

export const steeringGroupResource: EditableResource = {
  name: 'steering_group',
  collection: 'steering-groups',
  table: 'steering_groups',
  identifier: 'key',
  permission: 'steering_group.edit',
  // A new group has no scope yet: only the managing authority sets one up.
  createSchema: ZSteeringGroupCreate,
  updateSchema: ZSteeringGroupUpdate,
  archivable: false,
  // The group's themes decide which ministries read its material: only the managing authority moves them.
  scopeFields: ['themes'],
  scopeOfRow: (db, row) => steeringGroupScope(db, row.id),
  scopeOfInput: async () => ({}),
  toColumns: async (_db, input, existing) => {
    beforeOrSame('termEnd', input.termStart ?? existing?.term_start, input.termEnd ?? existing?.term_end);
    return {
      ...(existing ? {} : { key: input.key }),
      ...localizedColumns(input, 'name', 'name'),
      ...pick(input, { diaryNumber: 'diary_number', termStart: 'term_start', termEnd: 'term_end', quorum: 'quorum' }),
    };
  },
  afterWrite: async (db, row, input) => {
    if (!Array.isArray(input.themes)) return;
    const ids = [];
    for (const [index, slug] of (input.themes as string[]).entries())
      ids.push(await themeIdOf(db, slug, `themes.${index}`));
    await db.deleteFrom('steering_group_themes').where('steering_group_id', '=', row.id).execute();
    for (const id of new Set(ids))
      await db.insertInto('steering_group_themes').values({ steering_group_id: row.id, theme_id: id }).execute();
  },
  record: ZSteeringGroupRecord,
  present: async (db, row) => ({
    key: row.key,
    name: localizedOf(row, 'name'),
    diaryNumber: row.diary_number ?? null,
    themes: await groupThemes(db, row.id),
    termStart: row.term_start ?? null,
    termEnd: row.term_end ?? null,
    quorum: row.quorum ?? null,
  }),
};

export async function groupIdOf(db: Db, key: unknown, field = 'steeringGroup'): Promise<number> {
  const row =
    typeof key === 'string'
      ? await db.selectFrom('steering_groups').select('id').where('key', '=', key).executeTakeFirst()
      : undefined;
  if (!row) throw unknownReference(field, String(key));
  return Number(row.id);
}

async function userIdOf(db: Db, username: unknown): Promise<number | null> {
  if (username === null) return null;
  const row =
    typeof username === 'string'
      ? await db.selectFrom('users').select('id').where('username', '=', username.toLowerCase()).executeTakeFirst()
      : undefined;
  if (!row) throw unknownReference('user', String(username));
  return Number(row.id);
}

const SEAT_NEEDED: LocalizedText = {
  fi: 'Jäsenellä ja varajäsenellä on oltava paikka (seat), joka parittaa heidät.',
  sv: 'Ledamot och ersättare måste ha en plats (seat) som parar ihop dem.',
  en: 'A member and a deputy need a seat that pairs them.',
};

const NOT_A_GROUP_ACCOUNT = {
  fi: 'Jäsenen voi liittää vain tunnukseen, jolle hallintoviranomainen on antanut roolin tässä johtoryhmässä.',
  sv: 'Ledamoten kan kopplas endast till ett konto som förvaltningsmyndigheten har gett en roll i denna styrgrupp.',
  en: 'A member can be linked only to an account the managing authority has given a role in this steering group.',
};

export const steeringGroupMemberResource: EditableResource = {
  name: 'steering_group_member',
  collection: 'steering-group-members',
  table: 'steering_group_members',
  identifier: 'id',
  permission: 'steering_group.edit',
  createSchema: ZSteeringGroupMemberCreate,
  updateSchema: ZSteeringGroupMemberUpdate,
  // Archiving removes a membership entered by mistake; leaving the group is validTo.
  archivable: true,
  // The account linked to a seat acts for it (the chair's checks the minutes).
  scopeFields: ['user'],
  checkScopeChange: async (db, _actor, row, input) => {
    // The secretary may link a seat to an account the managing authority has given a role in this
    // group, or unlink it; any other name – an account without such a role, or none at all – gets
    // one and the same answer, so the field cannot be used to find out which accounts exist.
    if (input.user === null || input.user === undefined) return;
    const groupId = row ? Number(row.steering_group_id) : await groupIdOf(db, input.steeringGroup);
    const holder = await db
      .selectFrom('users as u')
      .innerJoin('role_assignments as r', 'r.user_id', 'u.id')
      .select('u.id')
      .where('u.username', '=', String(input.user).trim().toLowerCase())
      .where('r.steering_group_id', '=', groupId)
      .where('r.role', 'in', ['steering_group_member', 'steering_group_secretary'])
      .executeTakeFirst();
    if (!holder) throw new RuleViolationError([{ field: 'user', message: NOT_A_GROUP_ACCOUNT }]);
  },
  scopeOfRow: (db, row) => steeringGroupScope(db, Number(row.steering_group_id)),
  placedBy: ['steeringGroup'],
  scopeOfInput: async (db, input) => steeringGroupScope(db, await groupIdOf(db, input.steeringGroup)),
  toColumns: async (db, input, existing) => {
    beforeOrSame('validTo', input.validFrom ?? existing?.valid_from, input.validTo ?? existing?.valid_to);
    if (!existing) {
      const paired = input.capacity === 'member' || input.capacity === 'deputy';
      if (paired && (input.seat === null || input.seat === undefined))
        throw new RuleViolationError([{ field: 'seat', message: SEAT_NEEDED }]);
    }
    return {
      ...(existing
        ? {}
        : {
            steering_group_id: await groupIdOf(db, input.steeringGroup),
            seat: input.seat ?? null,
            capacity: input.capacity,
            name: input.name,
          }),
      ...pick(input, {
        position: 'position',
        organisation: 'organisation',
        validFrom: 'valid_from',
        validTo: 'valid_to',
        decisionReference: 'decision_reference',
      }),
      ...('user' in input ? { user_id: await userIdOf(db, input.user ?? null) } : {}),
    };
  },
  record: ZSteeringGroupMemberRecord,
  present: async (db, row) => {
    const group = await db
      .selectFrom('steering_groups')
      .select('key')
      .where('id', '=', Number(row.steering_group_id))
      .executeTakeFirst();
    const user = row.user_id
      ? await db.selectFrom('users').select('username').where('id', '=', Number(row.user_id)).executeTakeFirst()
      : undefined;
    return {
      id: row.id,
      steeringGroup: group?.key ?? null,
      seat: row.seat ?? null,
      capacity: row.capacity,
      position: row.position ?? null,
      name: row.name,
      organisation: row.organisation ?? null,
      validFrom: row.valid_from ?? null,
      validTo: row.valid_to ?? null,
      decisionReference: row.decision_reference ?? null,
      user: user?.username ?? null,
      archived: row.archived_at !== null,
    };
  },
};
