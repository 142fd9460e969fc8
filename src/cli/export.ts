/** `npm run cli -- export [file]`: the open-data export to a file, or to standard output. */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { databaseConfig, type Env } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../db/prepare.js';
import { openDataExport } from '../documents/open-data-export.js';

export async function runExport(env: Env, file: string | undefined): Promise<number> {
  const handle = openDatabase(databaseConfig(env));
  try {
    await prepareDatabase(handle, {
      datasetDir: env.LOAD_DATASET ? env.DATASET_DIR : undefined,
      topologyPath: DEFAULT_TOPOLOGY,
    });
    const target = file ? createWriteStream(file) : process.stdout;
    await pipeline(Readable.from(openDataExport(handle.db, new Date())), target);
    if (file) console.error(`Wrote ${file}`);
    return 0;
  } finally {
    await handle.close();
  }
}
