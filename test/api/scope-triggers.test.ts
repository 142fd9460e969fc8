/**
 * What migration 0017 relies on, on SQLite and PostgreSQL:
 * - its triggers compare every column of the project tables: a column added later without new
 *   triggers would change searches and figures without making their stored answers stale;
 * - an answer's own scopes (`addAnswerScopes`) are read after its data, so an answer computed while
 *   a write commits must not be stored under the versions after that write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/database.js';
import { COST_COLUMNS, STRUCTURAL_COLUMNS } from '../../src/db/migrations/0017-scopes-by-column.js';
import { addAnswerScopes, registerPublicCache } from '../../src/server/plugins/public-cache.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe.each(DIALECTS)('scopes by column on %s', (dialect) => {
  let database: TestDatabase;
  let writer: DatabaseHandle;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    writer = openDatabase(database.config, { poolSize: 1 });
  });
  afterAll(async () => {
    await writer?.close();
    await database?.destroy();
  });

  const columnsOf = async (table: string): Promise<string[]> => {
    const rows =
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from pragma_table_info(${table})`.execute(database.db)).rows
        : (
            await sql<{ name: string }>`select column_name as name from information_schema.columns
              where table_schema = current_schema() and table_name = ${table}`.execute(database.db)
          ).rows;
    return rows.map((row) => row.name).sort();
  };

  it.each(Object.keys(STRUCTURAL_COLUMNS) as (keyof typeof STRUCTURAL_COLUMNS)[])(
    'the triggers of %s compare every column the table has (a new column needs new triggers)',
    async (table) => {
      expect(await columnsOf(table)).toEqual([...STRUCTURAL_COLUMNS[table], ...COST_COLUMNS[table]].sort());
    },
  );

  it('an answer computed while a write commits is not stored under the versions after it', async () => {
    const project = await database.db
      .selectFrom('project_entities')
      .select(['key', 'cost_estimate_cents'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    let writeWhileComputing: number | null = null;
    const app: FastifyInstance = Fastify();
    registerPublicCache(app, { db: database.db });
    app.get('/cost', { config: { publicCache: { scopes: () => ['national'] } } }, async (request) => {
      const row = await database.db
        .selectFrom('project_entities')
        .select('cost_estimate_cents')
        .where('key', '=', project.key)
        .executeTakeFirstOrThrow();
      if (writeWhileComputing !== null)
        await writer.db
          .updateTable('project_entities')
          .set({ cost_estimate_cents: writeWhileComputing })
          .where('key', '=', project.key)
          .execute();
      addAnswerScopes(request, [`project:${project.key}`]);
      return { cost: Number(row.cost_estimate_cents) };
    });
    await app.ready();
    try {
      const get = async () => {
        await nextTurn();
        return app.inject({ method: 'GET', url: '/cost' });
      };
      // Unhindered, the answer is stored with its project's scope and served until that changes.
      expect((await get()).headers['x-cache']).toBe('miss');
      const hit = await get();
      expect(hit.headers['x-cache']).toBe('hit');
      expect(hit.headers.etag).toBeDefined();

      await writer.db
        .updateTable('project_entities')
        .set({ cost_estimate_cents: 1_000 })
        .where('key', '=', project.key)
        .execute();
      writeWhileComputing = 2_000;
      const during = await get();
      expect(during.headers['x-cache']).toBe('miss');
      expect(during.json().cost).toBe(1_000);
      // Read before the write committed: not stored, and no ETag that would outlive the write.
      expect(during.headers.etag).toBeUndefined();
      writeWhileComputing = null;
      const after = await get();
      expect(after.headers['x-cache']).toBe('miss');
      expect(after.json().cost).toBe(2_000);
      expect((await get()).headers['x-cache']).toBe('hit');
    } finally {
      await app.close();
    }
  });
});
