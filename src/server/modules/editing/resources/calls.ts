/** Calls for proposals: finance experts of the theme. */
import { z } from 'zod';
import type { EditableResource } from '../resource.js';
import { themeScope } from '../resource.js';
import {
  ZCents,
  ZCount,
  ZKey,
  ZLocalizedInput,
  ZOptionalText,
  ZPartialDate,
  ZVersionField,
  localizedColumns,
  localizedOf,
  pick,
  themeIdOf,
  themeSlugOf,
} from '../fields.js';

const fields = {
  name: ZLocalizedInput,
  kind: z.enum(['idea', 'development', 'coordination', 'lump_sum', 'other']).nullable().optional(),
  opens: ZPartialDate,
  closes: ZPartialDate,
  budget: ZCents.nullable().optional(),
  applications: ZCount,
  applicationEntities: ZCount,
  eligibleEntities: ZCount,
  fundedEntities: ZCount,
  granted: ZCents.nullable().optional(),
  leftOver: ZCents.nullable().optional(),
  note: ZOptionalText(4000),
};

const columns = {
  kind: 'kind',
  opens: 'opens',
  closes: 'closes',
  budget: 'budget_cents',
  applications: 'applications',
  applicationEntities: 'application_entities',
  eligibleEntities: 'eligible_entities',
  fundedEntities: 'funded_entities',
  granted: 'granted_cents',
  leftOver: 'left_over_cents',
  note: 'note',
};

export const callResource: EditableResource = {
  name: 'call',
  collection: 'calls',
  table: 'calls',
  identifier: 'key',
  permission: 'call.edit',
  createSchema: z.object({ key: ZKey, theme: ZKey, ...fields }).strict(),
  updateSchema: z
    .object({ ...fields, ...ZVersionField })
    .partial()
    .strict(),
  archivable: true,
  scopeOfRow: (db, row) => themeScope(db, row.theme_id as number),
  scopeOfInput: async (db, input) => themeScope(db, await themeIdOf(db, input.theme)),
  toColumns: async (db, input, existing) => ({
    ...(existing ? {} : { key: input.key, theme_id: await themeIdOf(db, input.theme) }),
    ...localizedColumns(input, 'name', 'name'),
    ...pick(input, columns),
  }),
  present: async (db, row) => ({
    key: row.key,
    theme: await themeSlugOf(db, row.theme_id),
    name: localizedOf(row, 'name'),
    ...Object.fromEntries(Object.entries(columns).map(([field, column]) => [field, row[column] ?? null])),
    archived: row.archived_at !== null,
  }),
  archiveBlocker: async (db, row) => {
    const used = await db
      .selectFrom('project_entities')
      .select('key')
      .where('call_id', '=', row.id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    return used
      ? {
          fi: `Hakuun liittyy hankkeita (esim. ${used.key}); sitä ei voi poistaa.`,
          sv: `Projekt hör till utlysningen (t.ex. ${used.key}); den kan inte tas bort.`,
          en: `Projects belong to this call (e.g. ${used.key}); it cannot be removed.`,
        }
      : null;
  },
};
