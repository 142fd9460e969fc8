/**
 * Recording the four figures of a theme as of a date. Append-only: a correction is a new snapshot
 * with its reason; nothing recorded before is changed. Figures that break a ≥ b ≥ c ≥ d are accepted
 * (the source may really say so) and come back as warnings a person must see.
 */
import type { Db } from '../../../db/database.js';
import { writeAudit, type AuditContext } from '../../../db/repositories/audit.js';
import { can, type Actor } from '../../../domain/access.js';
import {
  ForbiddenError,
  NotFoundError,
  NotSignedInError,
  RuleViolationError,
  VersionConflictError,
} from '../../../domain/errors.js';
import { themeScope } from '../editing/resource.js';

export type FinanceSnapshotInput = {
  asOf: string;
  frame: number | null;
  reserved: number | null;
  committed: number | null;
  paid: number | null;
  frameByMinistry?: { ministry: 'TEM' | 'OKM' | 'STM'; amount: number }[] | undefined;
  note?: string | null | undefined;
  reason: string;
  /** The id of the latest snapshot the user saw; another snapshot recorded since is a conflict. */
  basedOnSnapshot?: number | null | undefined;
};

export async function recordFinanceSnapshot(
  deps: { db: Db; actor: Actor; audit: AuditContext },
  slug: string,
  input: FinanceSnapshotInput,
) {
  if (deps.actor.kind !== 'user') throw new NotSignedInError();
  return deps.db.transaction().execute(async (trx) => {
    const theme = await trx.selectFrom('themes').select(['id', 'slug']).where('slug', '=', slug).executeTakeFirst();
    if (!theme) throw new NotFoundError('theme', slug);
    if (!can(deps.actor, 'finance.record', await themeScope(trx, Number(theme.id))))
      throw new ForbiddenError('finance.record');
    const latest = await trx
      .selectFrom('finance_snapshots')
      .select('id')
      .where('theme_id', '=', Number(theme.id))
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (input.basedOnSnapshot !== undefined && (latest ? Number(latest.id) : null) !== input.basedOnSnapshot) {
      throw new VersionConflictError(latest ? Number(latest.id) : 0, {
        latestSnapshot: latest ? Number(latest.id) : null,
      });
    }
    if (input.frameByMinistry && input.frameByMinistry.length > 0 && input.frame !== null) {
      const sum = input.frameByMinistry.reduce((total, split) => total + split.amount, 0);
      if (sum !== input.frame) {
        throw new RuleViolationError([
          {
            field: 'frameByMinistry',
            message: {
              fi: 'Ministeriöittäisten osuuksien summa ei ole sama kuin rahoituskehys.',
              sv: 'Summan av ministeriernas andelar är inte lika med finansieringsramen.',
              en: 'The ministry shares do not add up to the funding frame.',
            },
          },
        ]);
      }
    }
    const { id } = await trx
      .insertInto('finance_snapshots')
      .values({
        theme_id: Number(theme.id),
        as_of: input.asOf,
        frame_cents: input.frame,
        reserved_cents: input.reserved,
        committed_cents: input.committed,
        paid_cents: input.paid,
        note: input.note ?? null,
        reason: input.reason,
        recorded_at: deps.audit.at,
        recorded_by: deps.audit.actor,
        source: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const split of input.frameByMinistry ?? []) {
      await trx
        .insertInto('frame_splits')
        .values({ snapshot_id: Number(id), ministry: split.ministry, cents: split.amount })
        .execute();
    }
    const { basedOnSnapshot: _basedOn, ...recorded } = input;
    await writeAudit(trx, deps.audit, {
      action: 'append',
      entityType: 'finance_snapshot',
      entityId: Number(id),
      after: { theme: slug, ...recorded },
      reason: input.reason,
    });
    return Number(id);
  });
}
