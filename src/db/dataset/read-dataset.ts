import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ZDatasetFile, type DatasetFile } from '../../contracts/dataset.js';

export type Dataset = Required<DatasetFile>;

export class DatasetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatasetError';
  }
}

/**
 * Reads one dataset file, or every `*.json` file under a folder (sorted by name), validates each against the dataset schema
 * and merges them into one dataset. Organisations may appear in several files under the same key;
 * they must then agree.
 */
export function readDataset(path: string): Dataset {
  const single = statSync(path).isFile();
  const dir = single ? dirname(path) : path;
  const files = (single ? [basename(path)] : readdirSync(dir, { recursive: true }))
    .map(String)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const merged: Dataset = {
    description: `Merged from ${files.length} files in ${path}`,
    themes: [],
    organisations: [],
    calls: [],
    projectEntities: [],
    activityFigures: [],
    steeringGroups: [],
    meetings: [],
  };
  const organisationsByKey = new Map<string, Dataset['organisations'][number]>();
  for (const file of files) {
    const parsed = ZDatasetFile.safeParse(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
      throw new DatasetError(`${file} does not match the dataset schema:\n${issues}`);
    }
    const data = parsed.data;
    merged.themes.push(...data.themes);
    merged.calls.push(...data.calls);
    merged.projectEntities.push(...data.projectEntities);
    merged.activityFigures.push(...data.activityFigures);
    merged.steeringGroups.push(...data.steeringGroups);
    merged.meetings.push(...data.meetings);
    for (const organisation of data.organisations) {
      const known = organisationsByKey.get(organisation.key);
      if (!known) {
        organisationsByKey.set(organisation.key, organisation);
        continue;
      }
      const comparable = (o: typeof organisation) => JSON.stringify({ ...o, source: undefined });
      if (comparable(known) !== comparable(organisation)) {
        throw new DatasetError(
          `${file}: organisation "${organisation.key}" differs from an earlier file's record of it`,
        );
      }
    }
  }
  merged.organisations = [...organisationsByKey.values()];
  return merged;
}
