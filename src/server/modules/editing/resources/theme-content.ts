/**
 * A theme's own records: the theme itself (the managing authority), its contacts (finance experts and
 * coordinators), content areas, links and activity figures (coordinators).
 */
import {
  ZActivityFigureRecord,
  ZContactRecord,
  ZContentAreaRecord,
  ZThemeLinkRecord,
  ZThemeRecord,
} from '../../../../contracts/records.js';
import { randomUUID } from 'node:crypto';
import {
  ZActivityFigureCreate,
  ZActivityFigureUpdate,
  ZContactCreate,
  ZContactUpdate,
  ZContentAreaCreate,
  ZContentAreaUpdate,
  ZThemeLinkCreate,
  ZThemeLinkUpdate,
  ZThemeUpdate,
} from '../../../../contracts/write-inputs.js';
import { partialDatesInOrder } from '../../../../domain/calendar-date.js';
import { RuleViolationError } from '../../../../domain/errors.js';
import type { EditableResource, Row } from '../resource.js';
import { themeScope } from '../resource.js';
import { localizedColumns, localizedOf, pick, themeIdOf, themeSlugOf } from '../fields.js';

export const themeResource: EditableResource = {
  name: 'theme',
  collection: 'themes',
  table: 'themes',
  identifier: 'key',
  keyColumn: 'slug',
  permission: 'theme.edit',
  updateSchema: ZThemeUpdate,
  archivable: false,
  scopeOfRow: (db, row) => themeScope(db, row.id),
  toColumns: async (_db, input) => {
    const period = input.period as { start?: string | null; end?: string | null; text?: string | null } | undefined;
    return {
      ...localizedColumns(input, 'name', 'name'),
      ...pick(input, { shortName: 'short_name', intermediateBody: 'intermediate_body' }),
      ...(period
        ? { period_start: period.start ?? null, period_end: period.end ?? null, period_text: period.text ?? null }
        : {}),
    };
  },
  record: ZThemeRecord,
  present: async (_db, row) => ({
    slug: row.slug,
    name: localizedOf(row, 'name'),
    shortName: row.short_name ?? null,
    period: { start: row.period_start ?? null, end: row.period_end ?? null, text: row.period_text ?? null },
    intermediateBody: row.intermediate_body ?? null,
  }),
};

/** The validity's end may not come before its start (dates of reduced precision compared as far as both go). */
function checkValidity(input: Record<string, unknown>, existing: Row | null): void {
  const from = (input.validFrom !== undefined ? input.validFrom : existing?.valid_from) as string | null | undefined;
  const to = (input.validTo !== undefined ? input.validTo : existing?.valid_to) as string | null | undefined;
  if (from && to && !partialDatesInOrder(from, to)) {
    throw new RuleViolationError([
      {
        field: 'validTo',
        message: {
          fi: 'Voimassaolon loppu ei voi olla ennen sen alkua.',
          sv: 'Giltighetens slut kan inte komma före dess början.',
          en: 'The validity cannot end before it starts.',
        },
      },
    ]);
  }
}

/**
 * Contacts hold personal data. Each write also stores a revision of the person's name, e-mail and
 * phone in the personal-data vault; the audit trail stores only the pseudonym and revision, so erasing
 * the person later removes the data everywhere while the trail stays whole.
 */
export const contactResource: EditableResource = {
  name: 'contact',
  collection: 'contacts',
  table: 'contacts',
  identifier: 'id',
  permission: 'contact.edit',
  createSchema: ZContactCreate,
  updateSchema: ZContactUpdate,
  archivable: true,
  scopeOfRow: (db, row) => themeScope(db, row.theme_id as number),
  placedBy: ['theme'],
  scopeOfInput: async (db, input) => themeScope(db, await themeIdOf(db, input.theme)),
  toColumns: async (db, input, existing) => {
    checkValidity(input, existing);
    return {
      ...(existing ? {} : { theme_id: await themeIdOf(db, input.theme), person_id: randomUUID() }),
      ...pick(input, {
        role: 'role',
        name: 'name',
        title: 'title',
        organisation: 'organisation',
        ministry: 'ministry',
        email: 'email',
        phone: 'phone',
        validFrom: 'valid_from',
        validTo: 'valid_to',
        absence: 'absence',
      }),
    };
  },
  afterWrite: async (db, row, _input, at) => {
    const personId = (row.person_id as string | null) ?? randomUUID();
    if (!row.person_id)
      await db.updateTable('contacts').set({ person_id: personId }).where('id', '=', row.id).execute();
    await db
      .insertInto('personal_data')
      .values({
        person_id: personId,
        revision: row.version,
        name: row.name as string,
        email: (row.email as string | null) ?? null,
        phone: (row.phone as string | null) ?? null,
        recorded_at: at,
      })
      .execute();
  },
  record: ZContactRecord,
  present: async (db, row) => ({
    id: row.id,
    theme: await themeSlugOf(db, row.theme_id),
    role: row.role,
    name: row.name,
    title: row.title ?? null,
    organisation: row.organisation ?? null,
    ministry: row.ministry ?? null,
    email: row.email ?? null,
    phone: row.phone ?? null,
    validFrom: row.valid_from ?? null,
    validTo: row.valid_to ?? null,
    absence: row.absence ?? null,
    archived: row.archived_at !== null,
  }),
  auditView: async (db, row) => ({
    id: row.id,
    theme: await themeSlugOf(db, row.theme_id),
    role: row.role,
    title: row.title ?? null,
    organisation: row.organisation ?? null,
    ministry: row.ministry ?? null,
    validFrom: row.valid_from ?? null,
    validTo: row.valid_to ?? null,
    absence: row.absence ?? null,
    personalData: { person: row.person_id ?? null, revision: row.version },
    archived: row.archived_at !== null,
  }),
};

export const contentAreaResource: EditableResource = {
  name: 'content_area',
  collection: 'content-areas',
  table: 'content_areas',
  identifier: 'id',
  permission: 'content_area.edit',
  createSchema: ZContentAreaCreate,
  updateSchema: ZContentAreaUpdate,
  archivable: true,
  scopeOfRow: (db, row) => themeScope(db, row.theme_id as number),
  placedBy: ['theme'],
  scopeOfInput: async (db, input) => themeScope(db, await themeIdOf(db, input.theme)),
  toColumns: async (db, input, existing) => ({
    ...(existing ? {} : { theme_id: await themeIdOf(db, input.theme), key: input.key }),
    ...localizedColumns(input, 'name', 'name'),
    ...pick(input, { position: 'position' }),
  }),
  record: ZContentAreaRecord,
  present: async (db, row) => ({
    id: row.id,
    theme: await themeSlugOf(db, row.theme_id),
    key: row.key,
    name: localizedOf(row, 'name'),
    position: row.position,
  }),
  archiveBlocker: async (db, row) => {
    const used = await db
      .selectFrom('project_entities')
      .select('key')
      .where('content_area_id', '=', row.id)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    return used
      ? {
          fi: `Sisältöalueeseen kuuluu hankkeita (esim. ${used.key}); sitä ei voi poistaa.`,
          sv: `Projekt hör till innehållsområdet (t.ex. ${used.key}); det kan inte tas bort.`,
          en: `Projects belong to this content area (e.g. ${used.key}); it cannot be removed.`,
        }
      : null;
  },
};

export const themeLinkResource: EditableResource = {
  name: 'theme_link',
  collection: 'theme-links',
  table: 'theme_links',
  identifier: 'id',
  // Links are the theme's web presence (section 6 of the review): kept by its coordinator.
  permission: 'content_area.edit',
  createSchema: ZThemeLinkCreate,
  updateSchema: ZThemeLinkUpdate,
  archivable: true,
  scopeOfRow: (db, row) => themeScope(db, row.theme_id as number),
  placedBy: ['theme'],
  scopeOfInput: async (db, input) => themeScope(db, await themeIdOf(db, input.theme)),
  toColumns: async (db, input, existing) => ({
    ...(existing ? {} : { theme_id: await themeIdOf(db, input.theme) }),
    ...pick(input, { url: 'url', title: 'title', position: 'position' }),
  }),
  record: ZThemeLinkRecord,
  present: async (db, row) => ({
    id: row.id,
    theme: await themeSlugOf(db, row.theme_id),
    url: row.url,
    title: row.title ?? null,
    position: row.position,
  }),
};

export const activityFigureResource: EditableResource = {
  name: 'activity_figure',
  collection: 'activity-figures',
  table: 'activity_figures',
  identifier: 'id',
  permission: 'activity.edit',
  createSchema: ZActivityFigureCreate,
  updateSchema: ZActivityFigureUpdate,
  archivable: true,
  scopeOfRow: (db, row) => themeScope(db, row.theme_id as number),
  placedBy: ['theme'],
  scopeOfInput: async (db, input) => themeScope(db, await themeIdOf(db, input.theme)),
  toColumns: async (db, input, existing) => {
    const period = input.period as { start?: string | null; end?: string | null; text?: string | null } | undefined;
    return {
      ...(existing ? {} : { theme_id: await themeIdOf(db, input.theme), key: input.key }),
      ...localizedColumns(input, 'label', 'label'),
      ...pick(input, { value: 'value', unit: 'unit' }),
      ...(period
        ? { period_start: period.start ?? null, period_end: period.end ?? null, period_text: period.text ?? null }
        : {}),
    };
  },
  record: ZActivityFigureRecord,
  present: async (db, row) => ({
    id: row.id,
    theme: await themeSlugOf(db, row.theme_id),
    key: row.key,
    label: localizedOf(row, 'label'),
    value: row.value,
    unit: row.unit ?? null,
    period: { start: row.period_start ?? null, end: row.period_end ?? null, text: row.period_text ?? null },
  }),
};
