/**
 * Generated benchmark databases, cached under var/bench/ by size, seed and generator version: a
 * SQLite file, or a schema of the PostgreSQL database `teemaseuranta_bench`. A database is reused
 * only when its metadata file says the load finished; otherwise it is dropped and generated again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { GENERATOR_VERSION, generateBenchData, type BenchSize, type GenerateResult, type Target } from './generate.js';

export type BenchDialect = 'sqlite' | 'postgres';

export const BENCH_DIR = resolve('var/bench');
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = 'teemaseuranta_bench';

export type BenchDatabase = {
  target: Target;
  /** The environment the real server needs to open it. */
  env: Record<string, string>;
  generated: GenerateResult;
  /** True when this call generated it; false when a cached one was reused. */
  fresh: boolean;
};

const baseName = (size: BenchSize, seed: number) => `${size}-s${seed}-g${GENERATOR_VERSION}`;

async function postgresTarget(adminUrl: string, name: string, reset: boolean): Promise<Target> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DATABASE]);
    if (exists.rowCount === 0) await admin.query(`create database ${BENCH_DATABASE}`);
  } finally {
    await admin.end();
  }
  const databaseUrl = new URL(adminUrl);
  databaseUrl.pathname = `/${BENCH_DATABASE}`;
  const schema = `bench_${name.replaceAll('-', '_')}`;
  if (reset) {
    const client = new pg.Client({ connectionString: databaseUrl.toString() });
    await client.connect();
    try {
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.query(`create schema ${schema}`);
    } finally {
      await client.end();
    }
  }
  databaseUrl.searchParams.set('options', `-c search_path=${schema}`);
  return { kind: 'postgres', url: databaseUrl.toString() };
}

/** The cached database of this size and seed, generated first when there is none. */
export async function benchDatabase(options: {
  size: BenchSize;
  seed: number;
  dialect: BenchDialect;
  postgresUrl?: string;
  regenerate?: boolean;
  progress?: boolean;
  dir?: string;
  /** Instead of the shared cache name (size, seed, generator version): a throw-away database of its own. */
  name?: string;
}): Promise<BenchDatabase> {
  const dir = options.dir ?? BENCH_DIR;
  mkdirSync(dir, { recursive: true });
  const name = options.name ?? baseName(options.size, options.seed);
  const metaPath = join(dir, `${name}-${options.dialect}.meta.json`);
  const cached =
    !options.regenerate && existsSync(metaPath) ? (JSON.parse(readFileSync(metaPath, 'utf8')) as GenerateResult) : null;
  let target: Target;
  if (options.dialect === 'sqlite') {
    const path = join(dir, `${name}.sqlite`);
    if (!cached) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    target = { kind: 'sqlite', path };
  } else {
    target = await postgresTarget(options.postgresUrl ?? DEFAULT_POSTGRES_URL, name, !cached);
  }
  let generated = cached;
  if (!generated) {
    rmSync(metaPath, { force: true });
    generated = await generateBenchData({
      size: options.size,
      seed: options.seed,
      target,
      progress: options.progress ?? true,
    });
    writeFileSync(metaPath, `${JSON.stringify(generated, null, 2)}\n`);
  }
  const env: Record<string, string> =
    target.kind === 'sqlite' ? { SQLITE_PATH: target.path } : { DATABASE_URL: target.url };
  return { target, env, generated, fresh: cached === null };
}

/** Removes a throw-away benchmark database (the smoke test's). */
export async function removeBenchDatabase(database: BenchDatabase): Promise<void> {
  if (database.target.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) rmSync(database.target.path + suffix, { force: true });
    return;
  }
  const url = new URL(database.target.url);
  const schema = /search_path=(\w+)/.exec(url.searchParams.get('options') ?? '')?.[1];
  url.searchParams.delete('options');
  if (!schema) return;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}
