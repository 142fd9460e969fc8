/**
 * The plans of the hot queries (issue 16): runs each public read's repository call once on a
 * benchmark database, captures the SQL it sent with its parameters, and prints each statement's plan
 * (`EXPLAIN QUERY PLAN` on SQLite; `EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF)` on PostgreSQL: the
 * plan it ran, with actual row counts). docs/performance.md keeps the output.
 *
 *   npx tsx bench/explain.ts --size programme --db postgres --seed 16
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { getOverview, getTheme, getThemeFigures } from '../src/db/repositories/themes.js';
import { getOrganisation } from '../src/db/repositories/organisations.js';
import { getProjectEntity } from '../src/db/repositories/projects.js';
import { benchDatabase, type BenchDialect } from './databases.js';
import type { BenchSize } from './generate.js';

/** Long id lists in a plan, shortened to their first three and how many there are. */
const shorten = (line: string) =>
  line.replace(/'\{([0-9,]+)\}'/g, (whole, list: string) => {
    const ids = list.split(',');
    return ids.length <= 3 ? whole : `'{${ids.slice(0, 3).join(',')},… ${ids.length} ids}'`;
  });

const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};

async function main() {
  const size = (argument('size') ?? 'finland') as BenchSize;
  const dialect = (argument('db') ?? 'sqlite') as BenchDialect;
  const seed = Number(argument('seed') ?? 1);
  const database = await benchDatabase({ size, seed, dialect, progress: false });
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const log = (event: LogEvent) => {
    if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: event.query.parameters });
  };
  const sqlite = database.env.DATABASE_URL ? null : new SQLite(database.env.SQLITE_PATH!, { readonly: true });
  const pool = database.env.DATABASE_URL ? new pg.Pool({ connectionString: database.env.DATABASE_URL, max: 2 }) : null;
  const db = new Kysely<Database>({
    dialect: sqlite ? new SqliteDialect({ database: sqlite }) : new PostgresDialect({ pool: pool! }),
    log,
  });
  // A theme of the middle by id, its first project entity and that entity's main implementer.
  const themes = await db.selectFrom('themes').select(['id', 'slug']).orderBy('id').execute();
  const theme = themes[Math.floor(themes.length / 2)]!;
  const entity = await db
    .selectFrom('project_entities')
    .select(['id', 'key'])
    .where('theme_id', '=', theme.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const organisation = await db
    .selectFrom('projects as p')
    .innerJoin('organisations as o', 'o.id', 'p.implementer_id')
    .select('o.key')
    .where('p.entity_id', '=', entity.id)
    .executeTakeFirstOrThrow();
  const reads: [string, () => Promise<unknown>][] = [
    ['overview', () => getOverview(db, { limit: 100 }, { locale: 'fi' })],
    [`theme ${theme.slug}`, () => getTheme(db, theme.slug, { locale: 'fi' })],
    [`figures ${theme.slug}`, () => getThemeFigures(db, theme.slug)],
    [`project ${entity.key}`, () => getProjectEntity(db, entity.key)],
    [`organisation ${organisation.key}`, () => getOrganisation(db, organisation.key)],
    [
      'cache: scopes',
      () =>
        db
          .selectFrom('data_scopes')
          .select(['scope', 'version'])
          .where('scope', 'in', [`theme:${theme.slug}`, 'national'])
          .execute(),
    ],
  ];
  console.log(`# ${size} on ${dialect} (seed ${seed})\n`);
  for (const [name, read] of reads) {
    captured.length = 0;
    await read();
    console.log(`## ${name}\n`);
    for (const query of [...captured]) {
      console.log('```');
      console.log(
        query.sql
          .replace(/\s+/g, ' ')
          .replace(/\((\?, )+\?\)/g, (list) => `(?, ?, … ${list.split('?').length - 1} parameters)`)
          .slice(0, 400),
      );
      if (sqlite) {
        const plan = sqlite.prepare(`explain query plan ${query.sql}`).all(...(query.parameters as unknown[])) as {
          detail: string;
        }[];
        for (const row of plan) console.log(`  ${shorten(row.detail)}`);
      } else {
        const plan = await pool!.query(`explain (analyze, costs off, timing off) ${query.sql}`, [...query.parameters]);
        for (const row of plan.rows as { 'QUERY PLAN': string }[]) console.log(`  ${shorten(row['QUERY PLAN'])}`);
      }
      console.log('```\n');
    }
  }
  await db.destroy();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
