/** Loads specific objectives, organisations and themes with their ministries, contacts, content areas, links and figures. */
import { randomUUID } from 'node:crypto';
import type { Dataset } from './read-dataset.js';
import { officialSwedishName } from '../../domain/official-names.js';
import { amountColumns, DATASET_ACTOR, Ids, inferredReason, source, type Trx } from './load-shared.js';

const priorityOf = (specificObjective: string) => `TL${specificObjective.split('.')[0]}`;

export async function loadSpecificObjectives(trx: Trx, dataset: Dataset): Promise<void> {
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
}

export async function loadOrganisations(trx: Trx, dataset: Dataset): Promise<Ids> {
  const ids = new Ids('organisation');
  // The seeds name organisations in Finnish; a public body's official Swedish name comes from
  // domain/official-names.ts, a wellbeing services county's from the counties (loaded before).
  const counties = await trx.selectFrom('counties').select(['name_fi', 'name_sv']).execute();
  const countyNames = new Map(counties.map((county) => [county.name_fi, county.name_sv]));
  for (const organisation of dataset.organisations) {
    const nameSv = organisation.name.sv ?? officialSwedishName(organisation.name.fi, countyNames);
    const { id } = await trx
      .insertInto('organisations')
      .values({
        key: organisation.key,
        name_fi: organisation.name.fi,
        name_sv: nameSv,
        name_en: organisation.name.en ?? null,
        business_id: organisation.businessId,
        type: organisation.type,
        municipality_code: organisation.municipality,
        county_id: organisation.county?.id ?? null,
        county_basis: organisation.county ? `inferred: ${organisation.county.inferred}` : null,
        search_text: [organisation.name.fi, nameSv, organisation.businessId].filter(Boolean).join(' ').toLowerCase(),
        source: source(organisation.source),
        updated_by: DATASET_ACTOR,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(organisation.key, id);
  }
  return ids;
}

type Theme = Dataset['themes'][number];

export async function loadThemes(trx: Trx, dataset: Dataset): Promise<{ themes: Ids; contentAreas: Ids }> {
  const themes = new Ids('theme');
  const contentAreas = new Ids('content area');
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
    themes.set(theme.slug, themeId);
    await loadThemeMinistries(trx, themeId, theme);
    for (const code of theme.specificObjectives)
      await trx.insertInto('theme_specific_objectives').values({ theme_id: themeId, code }).execute();
    await loadContacts(trx, themeId, theme);
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
      contentAreas.set(`${theme.slug}/${area.key}`, row.id);
    }
    for (const [position, link] of theme.links.entries()) {
      await trx
        .insertInto('theme_links')
        .values({ theme_id: themeId, url: link.url, title: link.title, position, updated_by: DATASET_ACTOR })
        .execute();
    }
    await loadFinance(trx, themeId, theme);
  }
  return { themes, contentAreas };
}

/** Each ministry with its role where the seed gives one, and the reasoning where it is inferred. */
async function loadThemeMinistries(trx: Trx, themeId: number, theme: Theme): Promise<void> {
  for (const ministry of theme.ministries) {
    const inferred = theme.inferredMinistries.find((entry) => entry.ministry === ministry);
    await trx
      .insertInto('theme_ministries')
      .values({
        theme_id: themeId,
        ministry,
        role: theme.ministryRoles.find((entry) => entry.ministry === ministry)?.role ?? null,
        inferred_reason: inferred ? inferredReason(inferred) : null,
      })
      .execute();
  }
}

async function loadContacts(trx: Trx, themeId: number, theme: Theme): Promise<void> {
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
        valid_from: contact.validFrom ?? null,
        valid_to: contact.validTo ?? null,
        absence: contact.absence ?? null,
        position,
        source: source(contact.source),
        updated_by: DATASET_ACTOR,
        person_id: personId,
        erased_at: null,
      })
      .execute();
  }
}

async function loadFinance(trx: Trx, themeId: number, theme: Theme): Promise<void> {
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
