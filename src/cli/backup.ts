/**
 * `npm run cli -- backup <file>`: a consistent copy of the running SQLite database (VACUUM INTO
 * reads one snapshot of it while the server goes on writing; copying the file would not be safe).
 * `npm run cli -- dump [file]` / `restore <file>`: the whole database as JSON lines, restorable into
 * an empty database of either kind. `content-hash`: a fingerprint of all data, to compare two.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { databaseConfig, type Env } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { contentHash, dumpDatabase, restoreDatabase } from '../db/backup/full-dump.js';

export async function runBackup(env: Env, file: string | undefined): Promise<number> {
  if (!file) {
    console.error('Usage: npm run cli -- backup <file>');
    return 2;
  }
  const config = databaseConfig(env);
  if (config.kind === 'postgres') {
    console.error(
      'PostgreSQL is backed up with its own tools (pg_dump, or continuous archiving); see docs/reliability.md. `dump` writes a portable copy.',
    );
    return 2;
  }
  const target = resolve(file);
  if (existsSync(target)) {
    console.error(`${target} exists; choose a new file.`);
    return 2;
  }
  const handle = openDatabase(config);
  try {
    const started = performance.now();
    await sql`vacuum into ${target}`.execute(handle.db);
    console.error(`Backed up ${config.path} to ${target} in ${Math.round(performance.now() - started)} ms`);
    return 0;
  } finally {
    await handle.close();
  }
}

export async function runDump(env: Env, file: string | undefined): Promise<number> {
  const handle = openDatabase(databaseConfig(env));
  try {
    await pipeline(
      Readable.from(dumpDatabase(handle.db, handle.dialect)),
      file ? createWriteStream(file) : process.stdout,
    );
    if (file) console.error(`Wrote ${file}`);
    return 0;
  } finally {
    await handle.close();
  }
}

export async function runRestore(env: Env, file: string | undefined): Promise<number> {
  if (!file) {
    console.error('Usage: npm run cli -- restore <file>   (into an empty database)');
    return 2;
  }
  const handle = openDatabase(databaseConfig(env));
  try {
    await migrateToLatest(handle.db, handle.dialect);
    const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
    const { tables, rows } = await restoreDatabase(handle.db, handle.dialect, lines);
    console.error(
      `Restored ${rows} rows in ${tables} tables; content hash ${await contentHash(handle.db, handle.dialect)}`,
    );
    return 0;
  } finally {
    await handle.close();
  }
}

export async function runContentHash(env: Env): Promise<number> {
  const handle = openDatabase(databaseConfig(env));
  try {
    console.log(await contentHash(handle.db, handle.dialect));
    return 0;
  } finally {
    await handle.close();
  }
}
