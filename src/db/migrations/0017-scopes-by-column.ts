/**
 * Scopes by what a change can alter (issue 16), refining 0014 for the project tables. Measured at the
 * programme's size, each cost-estimate change made stale its theme's page and figures and every
 * project search (the `projects` scope), though none of them shows a cost estimate: the mixed
 * workload spent most of its time recomputing answers that had not changed. Now:
 *
 * - `figures:<slug>`: what a theme's key figures are computed from (its project entities, their
 *   projects, ministries, partners and sectors, and those organisations). The project tables raise it
 *   instead of `theme:<slug>`, which is left to the theme's own rows (its page shows no project).
 * - `projects`: which project entities a search finds and in which order, except by cost. An update
 *   raises it only when a column other than the cost estimates and the row's bookkeeping changed.
 * - `projects:cost`: the order of a search sorted by cost: raised when a cost estimate changes (and
 *   by every insert and delete).
 * - `project:<key>` and `organisation:<key>` as before, on every change: their pages show the cost.
 *
 * A search answer names, besides `projects`, the `project:<key>` of each entity on its page
 * (src/server/plugins/public-cache.ts, `addAnswerScopes`), so a cost change makes stale only the
 * searches that show that project, and those sorted by cost.
 *
 * The columns compared are listed here, as they are at this migration. A later migration that adds a
 * column to these tables must redefine the triggers with it (test/api/scope-triggers.test.ts fails
 * until it does): a column left out would not make searches and figures stale.
 */
import { sql, type Kysely } from 'kysely';
import type { Columns } from './columns.js';
import type { PUBLISHED_TABLES } from './0005-read-performance.js';

/** Columns whose change alone alters no search's membership or order and no key figure. */
export const COST_COLUMNS = {
  project_entities: ['cost_estimate_cents', 'cost_estimate_rounded', 'version', 'updated_at', 'updated_by'],
  projects: ['cost_estimate_cents', 'cost_estimate_rounded', 'version', 'updated_at', 'updated_by'],
} as const;

/** Every other column of those tables at this migration: a change to any of them is structural. */
export const STRUCTURAL_COLUMNS = {
  project_entities: [
    'id',
    'key',
    'theme_id',
    'kind',
    'group_code',
    'name_fi',
    'name_sv',
    'name_en',
    'type',
    'status',
    'period_start',
    'period_end',
    'period_text',
    'website',
    'call_id',
    'content_area_id',
    'search_text',
    'source',
    'decided_on',
    'period_start_inferred',
    'period_end_inferred',
    'created_at',
    'archived_at',
  ],
  projects: [
    'id',
    'entity_id',
    'code',
    'implementer_id',
    'role',
    'role_stated',
    'position',
    'created_at',
    'archived_at',
  ],
} as const;

type Change = 'insert' | 'update' | 'delete';

/** Whether any of the columns differs between `old` and `new`; always true for an insert or delete. */
const changed = (change: Change, columns: readonly string[]) =>
  change === 'update' ? `(${columns.map((c) => `old.${c} is distinct from new.${c}`).join(' or ')})` : '1 = 1';

const figuresOfTheme = (r: string, when: string) =>
  `select 'figures:' || slug as scope from themes where id = ${r}.theme_id and ${when}`;
const figuresOfEntity = (r: string, when = '1 = 1') =>
  `select 'figures:' || t.slug as scope from project_entities e join themes t on t.id = e.theme_id
     where e.id = ${r}.entity_id and ${when}`;
const entity = (r: string) => `select 'project:' || key as scope from project_entities where id = ${r}.entity_id`;
const organisation = (r: string, column: string) =>
  `select 'organisation:' || key as scope from organisations where id = ${r}.${column}`;
const fixed = (scope: string, when = '1 = 1') => `select '${scope}' as scope where ${when}`;

type Table = (typeof PUBLISHED_TABLES)[number];

const SCOPES: Partial<Record<Table, (r: string, change: Change) => string[]>> = {
  project_entities: (r, change) => {
    const structural = changed(change, STRUCTURAL_COLUMNS.project_entities);
    return [
      figuresOfTheme(r, structural),
      `select 'project:' || ${r}.key as scope`,
      fixed('projects', structural),
      fixed('projects:cost', changed(change, ['cost_estimate_cents', 'cost_estimate_rounded'])),
      `select 'organisation:' || o.key as scope from organisations o where o.id in
         (select implementer_id from projects where entity_id = ${r}.id
          union select organisation_id from project_entity_partners where entity_id = ${r}.id)`,
    ];
  },
  projects: (r, change) => {
    const structural = changed(change, STRUCTURAL_COLUMNS.projects);
    return [
      figuresOfEntity(r, structural),
      entity(r),
      organisation(r, 'implementer_id'),
      fixed('projects', structural),
      fixed('projects:cost', changed(change, ['cost_estimate_cents', 'cost_estimate_rounded'])),
    ];
  },
  project_entity_partners: (r) => [
    figuresOfEntity(r),
    entity(r),
    organisation(r, 'organisation_id'),
    fixed('projects'),
  ],
  project_entity_ministries: (r) => [figuresOfEntity(r), entity(r), fixed('projects')],
  project_entity_sectors: (r) => [figuresOfEntity(r), entity(r), fixed('projects')],
  organisations: (r) => {
    const involved = `(select entity_id from projects where implementer_id = ${r}.id
        union select entity_id from project_entity_partners where organisation_id = ${r}.id)`;
    return [
      `select 'organisation:' || ${r}.key as scope`,
      fixed('organisations'),
      fixed('projects'),
      `select 'figures:' || t.slug as scope from themes t where t.id in (select theme_id from project_entities where id in ${involved})`,
      `select 'project:' || key as scope from project_entities where id in ${involved}`,
    ];
  },
};

/** The tables whose scope triggers this migration redefines. */
export const REDEFINED_TABLES = Object.keys(SCOPES) as Table[];

/** UNION, not UNION ALL: PostgreSQL's upsert may not touch one row twice in a statement. */
const raise = (selects: string[]) =>
  `insert into data_scopes (scope, version)
     select scope, 1 from (${selects.join('\n union ')}) touched where scope is not null
     on conflict (scope) do update set version = data_scopes.version + 1`;

export async function up(db: Kysely<any>, c: Columns): Promise<void> {
  for (const table of REDEFINED_TABLES) {
    const scopes = SCOPES[table]!;
    if (c.dialect === 'postgres') {
      // The constraint trigger of 0014 stays (its name orders it after data_version's); its function
      // is replaced. TG_OP decides which statements run, so each is written for its own operation.
      await sql
        .raw(
          `create or replace function ${table}_data_version_scopes() returns trigger language plpgsql as $$
          begin
            if tg_op = 'INSERT' then ${raise(scopes('new', 'insert'))};
            elsif tg_op = 'DELETE' then ${raise(scopes('old', 'delete'))};
            else ${raise(scopes('old', 'update'))}; ${raise(scopes('new', 'update'))};
            end if;
            return null;
          end $$`,
        )
        .execute(db);
      continue;
    }
    const bodies = { insert: ['new'], update: ['old', 'new'], delete: ['old'] } as const;
    for (const [event, rows] of Object.entries(bodies) as [Change, readonly string[]][]) {
      await sql.raw(`drop trigger ${table}_data_scopes_${event}`).execute(db);
      await sql
        .raw(
          `create trigger ${table}_data_scopes_${event} after ${event} on ${table}
           begin ${rows.map((r) => `${raise(scopes(r, event))};`).join('\n')} end`,
        )
        .execute(db);
    }
  }
}
