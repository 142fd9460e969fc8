/** Small mappers shared by the repositories: rows → API shapes. */
import {
  PostgresAdapter,
  sql,
  type Compilable,
  type CompiledQuery,
  type Expression,
  type ExpressionBuilder,
  type RawBuilder,
} from 'kysely';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';
import type { Locale } from '../../domain/money.js';

export const localized = (fi: string, sv: string | null, en: string | null) => ({ fi, sv, en });

/**
 * A period as the API shows it; `inferred` (with the reasoning) only where its start or end is
 * inferred rather than stated.
 */
export const period = (
  start: string | null,
  end: string | null,
  text: string | null,
  inferred?: { start: string | null; end: string | null },
) =>
  inferred && (inferred.start !== null || inferred.end !== null)
    ? {
        start,
        end,
        text,
        inferred: {
          start: inferred.start === null ? null : { reason: inferred.start },
          end: inferred.end === null ? null : { reason: inferred.end },
        },
      }
    : { start, end, text };

/** How exactly an amount is known, from its `_rounded` and `_approximate` flags. */
export const precision = (rounded: number, approximate: number): 'exact' | 'rounded' | 'approximate' =>
  approximate === 1 ? 'approximate' : rounded === 1 ? 'rounded' : 'exact';

/** Groups rows by a key, keeping order; for one-query-per-relation loading (no N+1). */
export function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export type ReadContext = { locale: Locale };

/**
 * Keyset pagination cursor: the sort key of the last item of a page, base64url-encoded JSON. Opaque
 * to clients; a malformed cursor reads as null and the route answers 400.
 */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string): [string, number] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isSafeInteger(value[1])) {
      return [value[0], value[1] as number];
    }
    return null;
  } catch {
    return null;
  }
}

/** Does the text hold a character LIKE would read as a wildcard or an escape? */
export const hasLikeWildcards = (text: string) => /[\\%_]/.test(text);

/**
 * "column contains text", literally, on both databases: `%` and `_` in what a user typed are
 * characters, not wildcards. PostgreSQL escapes with a backslash by default; SQLite has no default
 * escape character, so the ESCAPE clause is always written.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

/**
 * An implementer's role as the sources give it: main or sub where stated, otherwise 'not_stated'
 * (the first-named implementer of a group project is not thereby its main implementer). Selected
 * as `role` from `projects as p`.
 */
/** An implementer's role as the API states it: unstated roles stay unstated (`p` is `projects`). */
export const implementerRoleValue = sql<
  'main' | 'sub' | 'not_stated'
>`case when p.role_stated = 1 then p.role else 'not_stated' end`;
export const implementerRole = implementerRoleValue.as('role');

/**
 * Rows as one JSON column of the statement around them, in the given order: a record's lists come
 * with the record instead of one statement each (issue 16: on PostgreSQL every statement costs CPU
 * on both sides of the socket, docs/performance.md). Use it as the one selection of a correlated
 * subquery; `readList` reads the column back on either database (PostgreSQL's driver parses JSON,
 * SQLite gives text). The order is the aggregate's own (`order by` inside it, SQLite 3.44+), not
 * the subquery's, which neither database promises to keep.
 */
export function jsonList<T>(
  db: Db,
  fields: { [K in keyof T & string]: Expression<T[K]> },
  orderBy: Expression<unknown>[],
): RawBuilder<T[] | string> {
  const pairs = sql.join(
    Object.entries<Expression<unknown>>(fields).flatMap(([name, value]) => [sql.lit(name), value]),
  );
  const order = sql.join(orderBy);
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql`coalesce(json_agg(json_build_object(${pairs}) order by ${order}), '[]')`
    : sql`coalesce(json_group_array(json_object(${pairs}) order by ${order}), '[]')`;
}

/** An instant as the API gives it (ISO 8601, UTC, milliseconds), from any form a database writes it in. */
export const isoInstant = (value: string): string => new Date(value).toISOString();

/** A `jsonList` column read back; null (no subquery row) is an empty list. */
export const readList = <T>(value: T[] | string | null): T[] =>
  value === null ? [] : typeof value === 'string' ? (JSON.parse(value) as T[]) : value;

/**
 * `where` for project entities decided by a cut-off, the rule of domain/as-of.ts decidedBy in SQL:
 * an unknown decision date counts; a reduced-precision one ("2024-11") compares as ISO text.
 */
export const decidedByCutOff = (cutOff: string | null) => (eb: ExpressionBuilder<Database, 'project_entities'>) =>
  cutOff === null ? sql<boolean>`1 = 1` : eb.or([eb('decided_on', 'is', null), eb('decided_on', '<=', cutOff)]);

/**
 * "column is one of these ids" as the planner reads best, with one statement text whatever their
 * number: one array parameter on PostgreSQL (`= any($1)`: an index scan of the ids), one JSON array
 * on SQLite (`in (select value from json_each(?))`: the same index search as a list, as fast). Where
 * a subquery (`in (select …)`) made PostgreSQL scan whole link tables (issue 16). A list of `?`s
 * was a new statement for every count, and the statement cache then held hundreds of them, each
 * with its own native memory (the export's RSS grew by 250 MB at the EU's size).
 */
export function oneOf(db: Db, column: string, ids: readonly number[]): RawBuilder<boolean> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) return sql<boolean>`${sql.ref(column)} = any(${[...ids]})`;
  return sql<boolean>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * A query whose shape never changes, built and compiled by Kysely once per database: building and
 * compiling one cost more than SQLite answering a small one (issue 16, docs/performance.md "The
 * fixed cost of a request"). `build` is given placeholders for the arguments; each call puts its
 * own values where the placeholders went, and leaves the query's other parameters as they were.
 */
export function staticQuery<Args extends unknown[], Row>(
  build: (db: Db, ...placeholders: Args) => Compilable<Row>,
  arity: Args['length'],
): (db: Db, ...args: Args) => Promise<Row[]> {
  const placeholders = Array.from({ length: arity }, (_, i) => Object.freeze({ placeholder: i })) as unknown as Args;
  const compiled = new WeakMap<Db, { query: CompiledQuery<Row>; slots: number[] }>();
  return async (db, ...args) => {
    let entry = compiled.get(db);
    if (!entry) {
      const query = build(db, ...placeholders).compile();
      const slots = query.parameters.map((value) => (placeholders as unknown[]).indexOf(value));
      if (new Set(slots.filter((slot) => slot >= 0)).size !== arity)
        throw new Error('staticQuery: every argument must be a parameter of the query');
      entry = { query, slots };
      compiled.set(db, entry);
    }
    const { query, slots } = entry;
    const parameters = query.parameters.map((value, i) => (slots[i]! >= 0 ? args[slots[i]!] : value));
    const bound: CompiledQuery<Row> = { ...query, parameters };
    return (await db.executeQuery(bound)).rows;
  };
}
