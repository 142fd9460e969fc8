/**
 * Recording the four figures of a theme as of a date, correcting an entry, or withdrawing one.
 * Append-only: a correction or a withdrawal is a new entry that supersedes an earlier one, with its
 * reason; nothing recorded before is changed (docs/finance.md).
 *
 * The rules are the domain's (domain/finance.ts): the as-of date lies between the programme's start
 * and Helsinki's today; a second entry for a date asks for a correction instead; order breaks and
 * large changes against the current entry are saved only when confirmed with a reason. Of several
 * entries written at once on the same snapshot, the unique chain position lets exactly one in.
 */
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/database.js';
import { uniqueViolation } from '../../../db/repositories/constraint-errors.js';
import type { Database } from '../../../db/schema.js';
import type { AuditContext } from '../../../db/repositories/audit.js';
import { auditedTransaction } from '../shared/audited-transaction.js';
import { can, type Actor } from '../../../domain/access.js';
import {
  ForbiddenError,
  NotFoundError,
  NotSignedInError,
  RuleViolationError,
  VersionConflictError,
} from '../../../domain/errors.js';
import {
  checkAsOf,
  checksToConfirm,
  currentEntry,
  sameDateViolation,
  type FinanceCheck,
  type FinanceFigures,
  type FinanceViolation,
} from '../../../domain/finance.js';
import type { Precision } from '../../../domain/money.js';
import { themeScope } from '../editing/resource.js';

type Figure = keyof FinanceFigures;
const FIGURES: readonly Figure[] = ['frame', 'reserved', 'committed', 'paid'];

export type FinanceSnapshotInput = {
  asOf: string;
  frame: number | null;
  reserved: number | null;
  committed: number | null;
  paid: number | null;
  /** How exactly each figure is known; exact unless said. */
  precision?: Partial<Record<Figure, Precision>> | undefined;
  /** The words as the source wrote them ("ei vielä", "noin 3,5 milj. €"), kept with the amount. */
  asWritten?: Partial<Record<Figure, string | null>> | undefined;
  frameByMinistry?: { ministry: 'TEM' | 'OKM' | 'STM'; amount: number }[] | undefined;
  note?: string | null | undefined;
  reason: string;
  /** The id of the last entry the user saw; another entry recorded since is a conflict. */
  basedOnSnapshot?: number | null | undefined;
  /** The id of the entry this one corrects (it stays in the history, superseded). */
  corrects?: number | null | undefined;
  /** The checks the user has seen and confirms, and why the figures are right all the same. */
  confirm?: { checks: FinanceCheck[]; reason: string } | undefined;
};

export type FinanceDeps = { db: Db; actor: Actor; audit: AuditContext; today: string };

type EntryRow = {
  id: number;
  asOf: string;
  sequence: number;
  kind: 'entry' | 'correction' | 'withdrawal';
  supersedes: number | null;
  figures: FinanceFigures;
};

async function themeFor(trx: Db, actor: Actor, slug: string): Promise<number> {
  if (actor.kind !== 'user') throw new NotSignedInError();
  const theme = await trx.selectFrom('themes').select('id').where('slug', '=', slug).executeTakeFirst();
  if (!theme) throw new NotFoundError('theme', slug);
  if (!can(actor, 'finance.record', await themeScope(trx, Number(theme.id))))
    throw new ForbiddenError('finance.record');
  return Number(theme.id);
}

async function entriesOf(trx: Db, themeId: number): Promise<EntryRow[]> {
  const rows = await trx
    .selectFrom('finance_snapshots')
    .select([
      'id',
      'as_of',
      'sequence',
      'kind',
      'supersedes_id',
      'frame_cents',
      'reserved_cents',
      'committed_cents',
      'paid_cents',
    ])
    .where('theme_id', '=', themeId)
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    asOf: String(row.as_of),
    sequence: Number(row.sequence),
    kind: row.kind,
    supersedes: row.supersedes_id === null ? null : Number(row.supersedes_id),
    figures: {
      frame: row.frame_cents === null ? null : Number(row.frame_cents),
      reserved: row.reserved_cents === null ? null : Number(row.reserved_cents),
      committed: row.committed_cents === null ? null : Number(row.committed_cents),
      paid: row.paid_cents === null ? null : Number(row.paid_cents),
    },
  }));
}

/**
 * The chain position the new entry takes: one after the entry it is based on (or after the last
 * one, for a client that sends no basis). A basis that is not the last entry is a conflict at once;
 * two writers on the same basis are told apart by the unique index at insert.
 */
function nextSequence(entries: EntryRow[], basedOn: number | null | undefined): number {
  const head = entries.reduce<EntryRow | null>((last, e) => (!last || e.sequence > last.sequence ? e : last), null);
  if (basedOn !== undefined && (head?.id ?? null) !== basedOn) {
    throw new VersionConflictError(head?.id ?? 0, { latestSnapshot: head?.id ?? null });
  }
  return (head?.sequence ?? 0) + 1;
}

function refuse(violations: FinanceViolation[]): never {
  throw new RuleViolationError(
    violations.map((v) => ({ field: v.field, message: v.message, code: v.code, confirmable: v.confirmable })),
  );
}

/** Inserts an entry at its chain position; a lost race for the position (or the supersession) is a 409. */
async function insertEntry(trx: Db, values: Insertable<Database['finance_snapshots']>): Promise<number> {
  try {
    const { id } = await trx.insertInto('finance_snapshots').values(values).returning('id').executeTakeFirstOrThrow();
    return Number(id);
  } catch (error) {
    if (uniqueViolation(error)) throw new VersionConflictError(0, { latestSnapshot: null });
    throw error;
  }
}

export async function recordFinanceSnapshot(deps: FinanceDeps, slug: string, input: FinanceSnapshotInput) {
  if (deps.actor.kind !== 'user') throw new NotSignedInError();
  return auditedTransaction(deps.db, deps.audit, async (trx) => {
    const themeId = await themeFor(trx, deps.actor, slug);
    const dateProblem = checkAsOf(input.asOf, deps.today);
    if (dateProblem) refuse([dateProblem]);
    const entries = await entriesOf(trx, themeId);
    const sequence = nextSequence(entries, input.basedOnSnapshot);

    let corrected: EntryRow | null = null;
    if (input.corrects !== undefined && input.corrects !== null) {
      corrected = entries.find((entry) => entry.id === input.corrects) ?? null;
      const alreadySuperseded = entries.some((entry) => entry.supersedes === input.corrects);
      if (!corrected || corrected.kind === 'withdrawal' || alreadySuperseded) {
        throw new RuleViolationError([
          {
            field: 'corrects',
            code: 'not_correctable',
            message: {
              fi: 'Korjattavaa kirjausta ei ole tai se on jo korjattu tai peruttu.',
              sv: 'Uppgiften som ska korrigeras finns inte eller har redan korrigerats eller återkallats.',
              en: 'The entry to correct does not exist or has already been corrected or withdrawn.',
            },
          },
        ]);
      }
    }
    // A date that already has a valid entry: correct that one rather than record a rival.
    const superseded = new Set(entries.map((entry) => entry.supersedes));
    if (!corrected && entries.some((e) => e.asOf === input.asOf && e.kind !== 'withdrawal' && !superseded.has(e.id))) {
      refuse([sameDateViolation(input.asOf)]);
    }
    // What the theme's figures are now, leaving out the entry being corrected.
    const others = entries.filter((entry) => entry.id !== corrected?.id);
    const previous = currentEntry(others);
    const figures: FinanceFigures = {
      frame: input.frame,
      reserved: input.reserved,
      committed: input.committed,
      paid: input.paid,
    };

    const splits = input.frameByMinistry ?? [];
    if (splits.length > 0 && input.frame !== null) {
      const sum = splits.reduce((total, split) => total + split.amount, 0);
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

    const toConfirm = checksToConfirm(figures, previous?.figures ?? null);
    const confirmed = new Set(input.confirm?.checks ?? []);
    const unconfirmed = toConfirm.filter((check) => !confirmed.has(check.code as FinanceCheck));
    if (unconfirmed.length > 0) refuse(unconfirmed);
    const confirmedChecks = [...new Set(toConfirm.map((check) => `${check.code}:${check.field}`))];

    const precision = (figure: Figure) => input.precision?.[figure] ?? 'exact';
    const id = await insertEntry(trx, {
      theme_id: themeId,
      as_of: input.asOf,
      sequence,
      kind: corrected ? 'correction' : 'entry',
      supersedes_id: corrected?.id ?? null,
      ...(Object.fromEntries(
        FIGURES.flatMap((figure) => [
          [`${figure}_cents`, figures[figure]],
          [`${figure}_rounded`, figures[figure] !== null && precision(figure) === 'rounded' ? 1 : 0],
          [`${figure}_approximate`, figures[figure] !== null && precision(figure) === 'approximate' ? 1 : 0],
          [`${figure}_as_written`, figures[figure] === null ? null : (input.asWritten?.[figure] ?? null)],
        ]),
      ) as Pick<Insertable<Database['finance_snapshots']>, `${Figure}_cents`>),
      note: input.note ?? null,
      reason: input.reason,
      confirmed_checks: confirmedChecks.length > 0 ? JSON.stringify(confirmedChecks) : null,
      confirmation_reason: confirmedChecks.length > 0 ? input.confirm!.reason : null,
      recorded_at: deps.audit.at,
      recorded_by: deps.audit.actor,
      source: null,
    });
    for (const split of splits) {
      await trx
        .insertInto('frame_splits')
        .values({ snapshot_id: id, ministry: split.ministry, cents: split.amount })
        .execute();
    }
    const { basedOnSnapshot: _basedOn, ...recorded } = input;
    return {
      result: id,
      audit: {
        action: corrected ? 'correct' : 'append',
        entityType: 'finance_snapshot',
        entityId: id,
        before: corrected ? { id: corrected.id, asOf: corrected.asOf, ...corrected.figures } : null,
        after: { theme: slug, ...recorded, confirmedChecks },
        reason: confirmedChecks.length > 0 ? `${input.reason} — ${input.confirm!.reason}` : input.reason,
      },
    };
  });
}

/** Withdraws an entry recorded in error: a new entry that supersedes it and has no figures. */
export async function withdrawFinanceEntry(
  deps: FinanceDeps,
  slug: string,
  entryId: number,
  input: { reason: string; basedOnSnapshot?: number | null | undefined },
) {
  if (deps.actor.kind !== 'user') throw new NotSignedInError();
  return auditedTransaction(deps.db, deps.audit, async (trx) => {
    const themeId = await themeFor(trx, deps.actor, slug);
    const entries = await entriesOf(trx, themeId);
    const sequence = nextSequence(entries, input.basedOnSnapshot);
    const target = entries.find((entry) => entry.id === entryId);
    if (!target) throw new NotFoundError('finance_snapshot', String(entryId));
    if (target.kind === 'withdrawal' || entries.some((entry) => entry.supersedes === entryId)) {
      throw new RuleViolationError([
        {
          field: 'id',
          code: 'not_correctable',
          message: {
            fi: 'Kirjaus on jo korjattu tai peruttu.',
            sv: 'Uppgiften har redan korrigerats eller återkallats.',
            en: 'The entry has already been corrected or withdrawn.',
          },
        },
      ]);
    }
    const id = await insertEntry(trx, {
      theme_id: themeId,
      as_of: target.asOf,
      sequence,
      kind: 'withdrawal',
      supersedes_id: entryId,
      frame_cents: null,
      reserved_cents: null,
      committed_cents: null,
      paid_cents: null,
      note: null,
      reason: input.reason,
      recorded_at: deps.audit.at,
      recorded_by: deps.audit.actor,
      source: null,
    });
    return {
      result: id,
      audit: {
        action: 'withdraw',
        entityType: 'finance_snapshot',
        entityId: id,
        before: { id: target.id, asOf: target.asOf, ...target.figures },
        after: { theme: slug, withdraws: entryId },
        reason: input.reason,
      },
    };
  });
}
