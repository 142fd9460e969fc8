/**
 * The two helpers every write goes through (src/server/modules/shared): a versioned update lets
 * exactly one of two writers from the same version in, and an audited transaction keeps the change
 * and its one audit entry together (both or neither). On a real database, both dialects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VersionConflictError, VersionRequiredError } from '../../src/domain/errors.js';
import { auditedTransaction } from '../../src/server/modules/shared/audited-transaction.js';
import { requireVersion, versionedUpdate } from '../../src/server/modules/shared/versioned-update.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../helpers/databases.js';

const audit = { actorId: null, actor: 'test', ip: null, requestId: null, at: '2026-11-23T10:00:00.000Z' };

describe.each(DIALECTS)('shared write helpers on %s', (dialect) => {
  let database: TestDatabase;
  let organisation: { id: number; version: number };
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const row = await database.db
      .selectFrom('organisations')
      .select(['id', 'version'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    organisation = { id: Number(row.id), version: Number(row.version) };
  });
  afterAll(async () => database?.destroy());

  const auditCount = async () =>
    Number(
      (
        await database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('entity_type', '=', 'organisation')
          .where('entity_id', '=', String(organisation.id))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('asks for the version, and refuses a stale one with the record as it is now', async () => {
    await expect(requireVersion(organisation, null)).rejects.toBeInstanceOf(VersionRequiredError);
    const stale = requireVersion(organisation, organisation.version + 5, () => ({ now: true }));
    await expect(stale).rejects.toMatchObject({ currentVersion: organisation.version, current: { now: true } });
  });

  it('lets exactly one of two writers from the same version in', async () => {
    const change = (name: string) =>
      versionedUpdate(database.db, {
        table: 'organisations',
        id: organisation.id,
        basedOnVersion: organisation.version,
        set: { name_en: name },
        audit,
      });
    const results = await Promise.allSettled([change('first'), change('second')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(VersionConflictError);
    const stored = await database.db
      .selectFrom('organisations')
      .select(['version', 'updated_by'])
      .where('id', '=', organisation.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.version)).toBe(organisation.version + 1);
    expect(stored.updated_by).toBe('test');
    organisation.version += 1;
  });

  it('writes the change and exactly one audit entry, or neither', async () => {
    const before = await auditCount();
    await auditedTransaction(database.db, audit, async (trx) => {
      await versionedUpdate(trx, {
        table: 'organisations',
        id: organisation.id,
        basedOnVersion: organisation.version,
        set: { name_en: 'audited' },
        audit,
      });
      return { result: null, audit: { action: 'update', entityType: 'organisation', entityId: organisation.id } };
    });
    organisation.version += 1;
    expect(await auditCount()).toBe(before + 1);

    const failing = auditedTransaction(database.db, audit, async (trx) => {
      await versionedUpdate(trx, {
        table: 'organisations',
        id: organisation.id,
        basedOnVersion: organisation.version,
        set: { name_en: 'rolled back' },
        audit,
      });
      throw new Error('a rule refused it after the update');
    });
    await expect(failing).rejects.toThrow('a rule refused it');
    expect(await auditCount()).toBe(before + 1);
    const stored = await database.db
      .selectFrom('organisations')
      .select(['version', 'name_en'])
      .where('id', '=', organisation.id)
      .executeTakeFirstOrThrow();
    expect(stored.name_en).toBe('audited');
    expect(Number(stored.version)).toBe(organisation.version);
  });
});
