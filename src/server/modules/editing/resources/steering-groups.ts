/** Steering groups and their membership: the group's secretary (and the managing authority). */
import { z } from 'zod';
import type { EditableResource } from '../resource.js';
import { steeringGroupScope } from '../resource.js';
import { unknownReference, ZDate, ZKey, ZLocalizedInput, ZOptionalText, ZText, ZVersionField, localizedColumns, localizedOf, pick } from '../fields.js';
import type { Db } from '../../../../db/database.js';

export const steeringGroupResource: EditableResource = {
  name: 'steering_group',
  collection: 'steering-groups',
  table: 'steering_groups',
  identifier: 'key',
  permission: 'steering_group.edit',
  updateSchema: z.object({ name: ZLocalizedInput, diaryNumber: ZOptionalText(100), ...ZVersionField }).partial().strict(),
  archivable: false,
  scopeOfRow: (db, row) => steeringGroupScope(db, row.id),
  toColumns: async (_db, input) => ({ ...localizedColumns(input, 'name', 'name'), ...pick(input, { diaryNumber: 'diary_number' }) }),
  present: async (_db, row) => ({ key: row.key, name: localizedOf(row, 'name'), diaryNumber: row.diary_number ?? null }),
};

async function groupIdOf(db: Db, key: unknown): Promise<number> {
  const row = typeof key === 'string' ? await db.selectFrom('steering_groups').select('id').where('key', '=', key).executeTakeFirst() : undefined;
  if (!row) throw unknownReference('steeringGroup', String(key));
  return Number(row.id);
}

const memberFields = {
  seat: z.number().int().min(1).max(100).nullable().optional(),
  capacity: z.enum(['member', 'deputy', 'permanent_expert', 'secretary']),
  position: z.enum(['chair', 'vice_chair', 'secretary']).nullable().optional(),
  name: ZText(200),
  organisation: ZOptionalText(300),
  validFrom: ZDate.nullable().optional(),
  validTo: ZDate.nullable().optional(),
};

export const steeringGroupMemberResource: EditableResource = {
  name: 'steering_group_member',
  collection: 'steering-group-members',
  table: 'steering_group_members',
  identifier: 'id',
  permission: 'steering_group.edit',
  createSchema: z.object({ steeringGroup: ZKey, ...memberFields }).strict(),
  updateSchema: z.object({ ...memberFields, ...ZVersionField }).partial().strict(),
  // Leaving the group is archiving the membership; its history stays (valid_from/valid_to and the trail).
  archivable: true,
  scopeOfRow: (db, row) => steeringGroupScope(db, Number(row.steering_group_id)),
  scopeOfInput: async (db, input) => steeringGroupScope(db, await groupIdOf(db, input.steeringGroup)),
  toColumns: async (db, input, existing) => ({
    ...(existing ? {} : { steering_group_id: await groupIdOf(db, input.steeringGroup) }),
    ...pick(input, { seat: 'seat', capacity: 'capacity', position: 'position', name: 'name', organisation: 'organisation', validFrom: 'valid_from', validTo: 'valid_to' }),
  }),
  present: async (db, row) => {
    const group = await db.selectFrom('steering_groups').select('key').where('id', '=', Number(row.steering_group_id)).executeTakeFirst();
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
      archived: row.archived_at !== null,
    };
  },
};
