/**
 * Brings a database to a usable state: migrated, reference data present and, when asked, the 2024
 * dataset loaded into an empty database. Safe to run at every start.
 */
import { projectPath } from '../config/paths.js';
import type { DatabaseHandle } from './database.js';
import { migrateToLatest } from './migrate.js';
import { isEmpty, loadDataset, loadReferenceData } from './dataset/load-dataset.js';
import { readDataset } from './dataset/read-dataset.js';
import { ensureSearchIndex } from './repositories/search.js';

export type PrepareOptions = {
  /** Folder of the dataset to load into an empty database; omit to start empty. */
  datasetDir?: string | undefined;
  topologyPath: string;
};

export type PrepareResult = { migrations: string[]; datasetLoaded: boolean };

export async function prepareDatabase(handle: DatabaseHandle, options: PrepareOptions): Promise<PrepareResult> {
  const migrations = await migrateToLatest(handle.db, handle.dialect);
  await loadReferenceData(handle.db, options.topologyPath);
  let datasetLoaded = false;
  if (options.datasetDir && (await isEmpty(handle.db))) {
    await loadDataset(handle.db, readDataset(options.datasetDir));
    datasetLoaded = true;
  }
  // A database migrated to the search index with its records already in place gets its index now.
  await ensureSearchIndex(handle.db);
  return { migrations, datasetLoaded };
}

export const DEFAULT_TOPOLOGY = projectPath('data/geo/finland-hva-2021.topo.json');
