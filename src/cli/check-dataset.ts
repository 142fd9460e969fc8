/** `npm run cli -- dataset-check`: validates data/2024 against its schema and the seed documents. */
import { checkDataset, loadSeedLines } from '../db/dataset/check-dataset.js';
import { readDataset } from '../db/dataset/read-dataset.js';

export function runDatasetCheck(datasetDir: string, seedDir: string): number {
  const dataset = readDataset(datasetDir);
  const problems = checkDataset(dataset, loadSeedLines(seedDir));
  for (const problem of problems) console.log(`- ${problem}`);
  console.log(
    `${dataset.themes.length} themes, ${dataset.organisations.length} organisations, ${dataset.calls.length} calls, ` +
      `${dataset.projectEntities.length} project entities, ${dataset.steeringGroups.length} steering groups, ` +
      `${dataset.meetings.length} meetings; ${problems.length} problems`,
  );
  return problems.length === 0 ? 0 : 1;
}
