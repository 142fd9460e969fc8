/**
 * Project entities (a single project or a group project) with their member projects, partners,
 * funding ministries and sectors: finance experts of the theme.
 */
import { ZProjectEntityRecord } from '../../../../contracts/records.js';
import { ZProjectCreate, ZProjectMemberInput as ZMember, ZProjectUpdate } from '../../../../contracts/write-inputs.js';
import { z } from 'zod';
import type { Db } from '../../../../db/database.js';
import { implementerRoleValue, jsonList, readList } from '../../../../db/repositories/shared.js';
import type { EditableResource, Row } from '../resource.js';
import { changesSearch, themeScope } from '../resource.js';
import { DuplicateKeyError, RuleViolationError } from '../../../../domain/errors.js';
import { localizedColumns, localizedOf, organisationIdOf, pick, themeIdOf, unknownReference } from '../fields.js';

async function referenceColumns(
  db: Db,
  input: Record<string, unknown>,
  themeId: number,
): Promise<Record<string, unknown>> {
  const columns: Record<string, unknown> = {};
  if ('call' in input) {
    const call = input.call
      ? await db
          .selectFrom('calls')
          .select('id')
          .where('key', '=', String(input.call))
          .where('theme_id', '=', themeId)
          .executeTakeFirst()
      : null;
    if (input.call && !call) throw unknownReference('call', String(input.call));
    columns.call_id = call ? Number(call.id) : null;
  }
  if ('contentArea' in input) {
    const area = input.contentArea
      ? await db
          .selectFrom('content_areas')
          .select('id')
          .where('key', '=', String(input.contentArea))
          .where('theme_id', '=', themeId)
          .executeTakeFirst()
      : null;
    if (input.contentArea && !area) throw unknownReference('contentArea', String(input.contentArea));
    columns.content_area_id = area ? Number(area.id) : null;
  }
  return columns;
}

function checkMembers(input: Record<string, unknown>, kind: string): void {
  const members = input.projects as z.infer<typeof ZMember>[] | undefined;
  if (!members) return;
  const mains = members.filter((m) => m.role === 'main').length;
  const unstated = members.filter((m) => m.role === 'not_stated').length;
  const problems = [];
  // Either the roles are stated (exactly one main) or, in a group, none of them is.
  if (!(unstated === 0 ? mains === 1 : unstated === members.length && kind === 'group')) {
    problems.push({
      field: 'projects',
      message: {
        fi: 'Päätoteuttajia on oltava tasan yksi.',
        sv: 'Det ska finnas exakt en huvudgenomförare.',
        en: 'There must be exactly one main implementer.',
      },
    });
  }
  if (kind === 'single' && members.length !== 1) {
    problems.push({
      field: 'projects',
      message: {
        fi: 'Yhden toteuttajan hankkeella on yksi toteuttaja.',
        sv: 'Ett projekt med en genomförare har en genomförare.',
        en: 'A single-implementer project has one implementer.',
      },
    });
  }
  if (kind === 'group' && members.length < 2) {
    problems.push({
      field: 'projects',
      message: {
        fi: 'Ryhmähankkeessa on vähintään kaksi toteuttajaa.',
        sv: 'Ett gruppprojekt har minst två genomförare.',
        en: 'A group project has at least two implementers.',
      },
    });
  }
  const codes = members.map((m) => m.code).filter(Boolean);
  if (new Set(codes).size !== codes.length) {
    problems.push({
      field: 'projects',
      message: { fi: 'Hankekoodi toistuu.', sv: 'En projektkod upprepas.', en: 'A project code is repeated.' },
    });
  }
  if (problems.length > 0) throw new RuleViolationError(problems);
}

/** Free-text search covers the name, the codes and the implementers as they now stand. */
export async function projectSearchText(db: Db, row: Row): Promise<string> {
  const members = await db
    .selectFrom('projects as p')
    .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
    .select(['p.code', 'o.name_fi'])
    .where('p.entity_id', '=', row.id)
    .where('p.archived_at', 'is', null)
    .execute();
  return [row.name_fi, row.name_sv, row.group_code, ...members.flatMap((m) => [m.code, m.name_fi])]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

/** Members, partners, ministries and sectors are replaced as a whole when the input names them. */
async function writeRelations(
  db: Db,
  row: Row,
  input: Record<string, unknown>,
  at: string,
  { created }: { created: boolean },
): Promise<void> {
  const entityId = row.id;
  if (input.projects) {
    await db
      .updateTable('projects')
      .set({ archived_at: at, code: null })
      .where('entity_id', '=', entityId)
      .where('archived_at', 'is', null)
      .execute();
    for (const [position, member] of (input.projects as z.infer<typeof ZMember>[]).entries()) {
      if (member.code) {
        const taken = await db.selectFrom('projects').select('id').where('code', '=', member.code).executeTakeFirst();
        if (taken) throw new DuplicateKeyError(`projects.${position}.code`);
      }
      await db
        .insertInto('projects')
        .values({
          entity_id: entityId,
          code: member.code ?? null,
          implementer_id: await organisationIdOf(db, member.implementer, `projects.${position}.implementer`),
          role: member.role === 'not_stated' ? 'sub' : member.role,
          role_stated: member.role === 'not_stated' ? 0 : 1,
          cost_estimate_cents: member.costEstimate ?? null,
          position,
          updated_by: null,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
  }
  if (input.partners) {
    await db.deleteFrom('project_entity_partners').where('entity_id', '=', entityId).execute();
    for (const [index, key] of [...new Set(input.partners as string[])].entries()) {
      await db
        .insertInto('project_entity_partners')
        .values({ entity_id: entityId, organisation_id: await organisationIdOf(db, key, `partners.${index}`) })
        .execute();
    }
  }
  if (input.ministries) {
    await db.deleteFrom('project_entity_ministries').where('entity_id', '=', entityId).execute();
    // A lone ministry funds all of it; the split between several is set with /api/v1/project-facts.
    const ministries = new Set(input.ministries as string[]);
    for (const ministry of ministries) {
      await db
        .insertInto('project_entity_ministries')
        .values({ entity_id: entityId, ministry, share_percent: ministries.size === 1 ? 100 : null })
        .execute();
    }
  }
  if (input.sectors) {
    await db.deleteFrom('project_entity_sectors').where('entity_id', '=', entityId).execute();
    for (const [index, key] of [...new Set(input.sectors as string[])].entries()) {
      const sector = await db.selectFrom('sectors').select('key').where('key', '=', key).executeTakeFirst();
      if (!sector) throw unknownReference(`sectors.${index}`, key);
      await db.insertInto('project_entity_sectors').values({ entity_id: entityId, sector_key: key }).execute();
    }
  }
  if (!changesSearch(projectResource, input, created)) return;
  const searchText = await projectSearchText(db, row);
  // Written only when it changed: an unchanged row is not rewritten, so a write fires no second
  // round of the change triggers (another data version and scope bump, docs/performance.md).
  await db
    .updateTable('project_entities')
    .set({ search_text: searchText })
    .where('id', '=', entityId)
    .where('search_text', '<>', searchText)
    .execute();
}

export const projectResource: EditableResource = {
  name: 'project',
  collection: 'projects',
  table: 'project_entities',
  identifier: 'key',
  permission: 'project.edit',
  createSchema: ZProjectCreate,
  updateSchema: ZProjectUpdate,
  archivable: true,
  scopeOfRow: (db, row) => themeScope(db, row.theme_id as number),
  placedBy: ['theme'],
  scopeOfInput: async (db, input) => themeScope(db, await themeIdOf(db, input.theme)),
  toColumns: async (db, input, existing) => {
    const kind = (existing?.kind as string | undefined) ?? String(input.kind);
    checkMembers(input, kind);
    const themeId = existing ? Number(existing.theme_id) : await themeIdOf(db, input.theme);
    return {
      ...(existing ? {} : { key: input.key, theme_id: themeId, kind, search_text: '' }),
      ...localizedColumns(input, 'name', 'name'),
      ...pick(input, {
        groupCode: 'group_code',
        type: 'type',
        status: 'status',
        decidedOn: 'decided_on',
        periodStart: 'period_start',
        periodEnd: 'period_end',
        costEstimate: 'cost_estimate_cents',
        website: 'website',
      }),
      ...(await referenceColumns(db, input, themeId)),
    };
  },
  afterWrite: writeRelations,
  searchedBy: ['name', 'groupCode', 'projects', 'partners'],
  record: ZProjectEntityRecord,
  // The record with its lists in one statement (shared.ts jsonList): a write shows it twice, once
  // as it was and once as it is, and the form reads it first.
  present: async (db, row) => {
    const { members, partners, ministries, sectors, call, area, theme } = await db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('projects as p')
          .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
          .select((sub) =>
            jsonList<{ code: string | null; role: string; cost_estimate_cents: number | null; key: string }>(
              db,
              {
                code: sub.ref('p.code'),
                role: implementerRoleValue,
                cost_estimate_cents: sub.ref('p.cost_estimate_cents'),
                key: sub.ref('o.key'),
              },
              [sub.ref('p.position')],
            ).as('list'),
          )
          .where('p.entity_id', '=', row.id)
          .where('p.archived_at', 'is', null)
          .as('members'),
        eb
          .selectFrom('project_entity_partners as pp')
          .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
          .select((sub) => jsonList<{ key: string }>(db, { key: sub.ref('o.key') }, [sub.ref('o.key')]).as('list'))
          .where('pp.entity_id', '=', row.id)
          .as('partners'),
        eb
          .selectFrom('project_entity_ministries as m')
          .select((sub) =>
            jsonList<{ ministry: string }>(db, { ministry: sub.ref('m.ministry') }, [sub.ref('m.ministry')]).as('list'),
          )
          .where('m.entity_id', '=', row.id)
          .as('ministries'),
        eb
          .selectFrom('project_entity_sectors as s')
          .select((sub) =>
            jsonList<{ sector_key: string }>(db, { sector_key: sub.ref('s.sector_key') }, [sub.ref('s.sector_key')]).as(
              'list',
            ),
          )
          .where('s.entity_id', '=', row.id)
          .as('sectors'),
        eb
          .selectFrom('calls')
          .select('key')
          .where('id', '=', row.call_id === null ? null : Number(row.call_id))
          .as('call'),
        eb
          .selectFrom('content_areas')
          .select('key')
          .where('id', '=', row.content_area_id === null ? null : Number(row.content_area_id))
          .as('area'),
        eb.selectFrom('themes').select('slug').where('id', '=', Number(row.theme_id)).as('theme'),
      ])
      .executeTakeFirstOrThrow();
    return {
      key: row.key,
      theme,
      kind: row.kind,
      name: localizedOf(row, 'name'),
      groupCode: row.group_code ?? null,
      type: row.type ?? null,
      status: row.status ?? null,
      decidedOn: row.decided_on ?? null,
      periodStart: row.period_start ?? null,
      periodEnd: row.period_end ?? null,
      costEstimate: row.cost_estimate_cents ?? null,
      website: row.website ?? null,
      call: call ?? null,
      contentArea: area ?? null,
      ministries: readList(ministries).map((m) => m.ministry),
      projects: readList(members).map((m) => ({
        code: m.code,
        implementer: m.key,
        role: m.role,
        costEstimate: m.cost_estimate_cents,
      })),
      partners: readList(partners).map((p) => p.key),
      sectors: readList(sectors).map((s) => s.sector_key),
      archived: row.archived_at !== null,
    };
  },
};
