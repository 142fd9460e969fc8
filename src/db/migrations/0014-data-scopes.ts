/**
 * Invalidation by what changed (issue 16): besides the one `data_version` that every change raises
 * (migration 0005), each change raises the version of the **scopes** it touches, in `data_scopes`
 * (scope → version; a scope never written is at version 0):
 *
 * - `theme:<slug>`: the theme's own rows (contacts, content areas, links, the four figures and their
 *   splits, activity figures), its project entities with their projects, ministries, partners and
 *   sectors, and any organisation that implements or partners in them;
 * - `project:<key>`: one project entity with its projects and links, and its organisations;
 * - `organisation:<key>`: one organisation and its roles in projects;
 * - `overview`: what the list of themes shows (the national totals: themes, their ministries and
 *   specific objectives, the four figures);
 * - `projects`, `organisations`: what a search of either reads;
 * - `national`: everything else that is published (counties, municipalities, sectors, calls,
 *   steering groups, meetings, and a theme's or content area's name, which other answers show).
 *
 * A cached answer names the scopes it is computed from (src/server/plugins/public-cache.ts) and stays
 * valid while their versions do, so a project's cost estimate changes its theme's, its own and its
 * organisations' answers and leaves the other themes' alone. The scopes are raised by triggers in the
 * same transaction as the change, so any writer (another app server, the command line) raises them.
 * On PostgreSQL they are deferred constraint triggers like 0005's, named so that they fire after the
 * `data_version` trigger of the same row: the first writer to commit holds `data_version`'s row
 * before it takes any scope's, so two writers cannot deadlock on scope rows.
 */
import { sql, type Kysely } from 'kysely';
import type { Columns } from './columns.js';
import { PUBLISHED_TABLES } from './0005-read-performance.js';

/** The scopes a row touches, as SELECTs of a `scope` column over the row `r` (`new` or `old`). */
const theme = (r: string, column = 'theme_id') =>
  `select 'theme:' || slug as scope from themes where id = ${r}.${column}`;
const entityTheme = (r: string) =>
  `select 'theme:' || t.slug as scope from project_entities e join themes t on t.id = e.theme_id where e.id = ${r}.entity_id`;
const entity = (r: string) => `select 'project:' || key as scope from project_entities where id = ${r}.entity_id`;
const organisation = (r: string, column: string) =>
  `select 'organisation:' || key as scope from organisations where id = ${r}.${column}`;
const fixed = (scope: string) => `select '${scope}' as scope`;

const SCOPES: Partial<Record<(typeof PUBLISHED_TABLES)[number], (r: string) => string[]>> = {
  themes: (r) => [`select 'theme:' || ${r}.slug as scope`, fixed('overview'), fixed('national')],
  theme_ministries: (r) => [theme(r), fixed('overview')],
  theme_specific_objectives: (r) => [theme(r), fixed('overview')],
  contacts: (r) => [theme(r)],
  theme_links: (r) => [theme(r)],
  activity_figures: (r) => [theme(r)],
  content_areas: (r) => [theme(r), fixed('national')],
  finance_snapshots: (r) => [theme(r), fixed('overview')],
  frame_splits: (r) => [
    `select 'theme:' || t.slug as scope from finance_snapshots f join themes t on t.id = f.theme_id where f.id = ${r}.snapshot_id`,
    fixed('overview'),
  ],
  project_entities: (r) => [
    theme(r),
    `select 'project:' || ${r}.key as scope`,
    fixed('projects'),
    `select 'organisation:' || o.key as scope from organisations o where o.id in
       (select implementer_id from projects where entity_id = ${r}.id
        union select organisation_id from project_entity_partners where entity_id = ${r}.id)`,
  ],
  projects: (r) => [entityTheme(r), entity(r), organisation(r, 'implementer_id'), fixed('projects')],
  project_entity_partners: (r) => [entityTheme(r), entity(r), organisation(r, 'organisation_id'), fixed('projects')],
  project_entity_ministries: (r) => [entityTheme(r), entity(r), fixed('projects')],
  project_entity_sectors: (r) => [entityTheme(r), entity(r), fixed('projects')],
  organisations: (r) => {
    const involved = `(select entity_id from projects where implementer_id = ${r}.id
        union select entity_id from project_entity_partners where organisation_id = ${r}.id)`;
    return [
      `select 'organisation:' || ${r}.key as scope`,
      fixed('organisations'),
      fixed('projects'),
      `select 'theme:' || t.slug as scope from themes t where t.id in (select theme_id from project_entities where id in ${involved})`,
      `select 'project:' || key as scope from project_entities where id in ${involved}`,
    ];
  },
};

/** Tables not listed above touch the `national` scope. */
export const scopesOf = (table: (typeof PUBLISHED_TABLES)[number], r: string): string[] =>
  SCOPES[table]?.(r) ?? [fixed('national')];

/** UNION, not UNION ALL: PostgreSQL's upsert may not touch one row twice in a statement. */
const raise = (selects: string[]) =>
  `insert into data_scopes (scope, version)
     select scope, 1 from (${selects.join('\n union ')}) touched where scope is not null
     on conflict (scope) do update set version = data_scopes.version + 1`;

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  await db.schema
    .createTable('data_scopes')
    .addColumn('scope', 'text', (col) => col.primaryKey())
    .addColumn('version', c.cents, (col) => col.notNull())
    .execute();

  for (const table of PUBLISHED_TABLES) {
    if (c.dialect === 'postgres') {
      const name = `${table}_data_version_scopes`;
      await sql
        .raw(
          `create function ${name}() returns trigger language plpgsql as $$
          begin
            if tg_op <> 'INSERT' then ${raise(scopesOf(table, 'old'))}; end if;
            if tg_op <> 'DELETE' then ${raise(scopesOf(table, 'new'))}; end if;
            return null;
          end $$`,
        )
        .execute(db);
      await sql
        .raw(
          `create constraint trigger ${name} after insert or update or delete on ${table}
           deferrable initially deferred for each row execute function ${name}()`,
        )
        .execute(db);
      continue;
    }
    const bodies = { insert: ['new'], update: ['old', 'new'], delete: ['old'] } as const;
    for (const [event, rows] of Object.entries(bodies)) {
      await sql
        .raw(
          `create trigger ${table}_data_scopes_${event} after ${event} on ${table}
           begin ${rows.map((r) => `${raise(scopesOf(table, r))};`).join('\n')} end`,
        )
        .execute(db);
    }
  }
}
