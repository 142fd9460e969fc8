/**
 * Audited transaction: a change and exactly one audit entry, in one transaction. The work returns
 * its answer and the entry that describes it; the entry is written last, inside the same
 * transaction, so a change that rolls back leaves no entry and one that commits always has one.
 * Use cases never call writeAudit themselves for their change (the trail is one entry per write).
 */
import type { Db } from '../../../db/database.js';
import { writeAudit, type AuditContext, type AuditEntry } from '../../../db/repositories/audit.js';

/** The answer and its one audit entry; null only for work that changed nothing (and wrote nothing). */
export type Audited<R> = { result: R; audit: AuditEntry | null };

export async function auditedTransaction<R>(
  db: Db,
  context: AuditContext,
  work: (trx: Db) => Promise<Audited<R>>,
): Promise<R> {
  return db.transaction().execute(async (trx) => {
    const { result, audit } = await work(trx);
    if (audit) await writeAudit(trx, context, audit);
    return result;
  });
}
