/** Loads calls, project entities (with their projects, ministries, partners and status history) and activity figures. */
import type { Dataset } from './read-dataset.js';
import { amountColumns, DATASET_ACTOR, Ids, inferredReason, source, type Trx } from './load-shared.js';

export async function loadCalls(trx: Trx, dataset: Dataset, themes: Ids): Promise<Ids> {
  const calls = new Ids('call');
  for (const call of dataset.calls) {
    const budget = amountColumns(call.budget);
    const granted = amountColumns(call.granted);
    const leftOver = amountColumns(call.leftOver);
    const row = await trx
      .insertInto('calls')
      .values({
        key: call.key,
        theme_id: themes.of(call.theme),
        name_fi: call.name.fi,
        name_sv: call.name.sv ?? null,
        name_en: call.name.en ?? null,
        kind: call.kind,
        opens: call.opens,
        closes: call.closes,
        budget_cents: budget.cents,
        budget_rounded: budget.rounded,
        budget_approximate: budget.approximate,
        budget_as_written: budget.asWritten,
        applications: call.applications,
        application_entities: call.applicationEntities,
        eligible_entities: call.eligibleEntities,
        funded_entities: call.fundedEntities,
        granted_cents: granted.cents,
        granted_rounded: granted.rounded,
        granted_approximate: granted.approximate,
        granted_as_written: granted.asWritten,
        left_over_cents: leftOver.cents,
        left_over_rounded: leftOver.rounded,
        left_over_approximate: leftOver.approximate,
        left_over_as_written: leftOver.asWritten,
        note: call.note,
        source: source(call.source),
        updated_by: DATASET_ACTOR,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    calls.set(call.key, row.id);
    for (const code of call.specificObjectives)
      await trx
        .insertInto('call_specific_objectives')
        .values({ call_id: Number(row.id), code })
        .execute();
  }
  return calls;
}

type Refs = { themes: Ids; contentAreas: Ids; calls: Ids; organisations: Ids };

export async function loadProjectEntities(trx: Trx, dataset: Dataset, refs: Refs): Promise<void> {
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
    const inferred = entity.period.inferred;
    const row = await trx
      .insertInto('project_entities')
      .values({
        key: entity.key,
        theme_id: refs.themes.of(entity.theme),
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
        period_start_inferred: inferred?.start ? inferredReason(inferred.start) : null,
        period_end_inferred: inferred?.end ? inferredReason(inferred.end) : null,
        decided_on: entity.decidedOn ?? null,
        cost_estimate_cents: cost.cents,
        cost_estimate_rounded: cost.rounded,
        website: entity.website,
        call_id: entity.call ? refs.calls.find(entity.call) : null,
        content_area_id: entity.contentArea ? refs.contentAreas.find(`${entity.theme}/${entity.contentArea}`) : null,
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
          implementer_id: refs.organisations.of(project.implementer),
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
        .values({ entity_id: entityId, organisation_id: refs.organisations.of(partner) })
        .execute();
    }
    for (const change of entity.statusHistory) {
      await trx
        .insertInto('project_status_history')
        .values({
          entity_id: entityId,
          status: change.status,
          valid_from: change.from,
          source: `”${change.quote}”, ${source(change.source)}`,
          recorded_by: DATASET_ACTOR,
        })
        .execute();
    }
  }
}

export async function loadActivityFigures(trx: Trx, dataset: Dataset, themes: Ids): Promise<void> {
  for (const figure of dataset.activityFigures) {
    await trx
      .insertInto('activity_figures')
      .values({
        theme_id: themes.of(figure.theme),
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
}
