/**
 * Loads the reviewable dataset (data/2024) into an empty database, in one transaction: either
 * everything is there afterwards or nothing is. Each part has its own file: load-themes.ts
 * (objectives, organisations, themes with contacts and figures), load-projects.ts (calls, project
 * entities, activity figures), load-steering-groups.ts (groups and meetings); the reference data
 * (counties, municipalities, sectors) is load-reference-data.ts.
 */
import type { Dataset } from './read-dataset.js';
import type { Db } from '../database.js';
import { loadOrganisations, loadSpecificObjectives, loadThemes } from './load-themes.js';
import { loadActivityFigures, loadCalls, loadProjectEntities } from './load-projects.js';
import { loadSteeringGroups } from './load-steering-groups.js';
import { rebuildSearchIndex } from '../repositories/search.js';

export { DATASET_ACTOR } from './load-shared.js';
export { loadReferenceData } from './load-reference-data.js';

export async function isEmpty(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('themes')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count) === 0;
}

export async function loadDataset(db: Db, dataset: Dataset): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await loadSpecificObjectives(trx, dataset);
    const organisations = await loadOrganisations(trx, dataset);
    const { themes, contentAreas } = await loadThemes(trx, dataset);
    const calls = await loadCalls(trx, dataset, themes);
    await loadProjectEntities(trx, dataset, { themes, contentAreas, calls, organisations });
    await loadActivityFigures(trx, dataset, themes);
    await loadSteeringGroups(trx, dataset, themes);
    // What search finds, written with the records it is built from.
    await rebuildSearchIndex(trx);
  });
}
