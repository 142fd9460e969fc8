/**
 * What the write API accepts to record a theme's four figures as of a date, and to withdraw an
 * entry: the server validates with these schemas (server/modules/finance/routes.ts), OpenAPI shows
 * them, and the finance form (web/features/editing/finance-form.tsx) takes its field names and its
 * request bodies' types from them.
 */
import { z } from 'zod';
import { FINANCE_CHECKS } from '../domain/finance.js';
import { MINISTRIES } from '../domain/figures.js';
import { ZCents, ZDate, ZOptionalText, ZText } from './write-inputs.js';

const FIGURES = ['frame', 'reserved', 'committed', 'paid'] as const;
type Figure = (typeof FIGURES)[number];
const ZPrecision = z.enum(['exact', 'rounded', 'approximate']);
const ZBasedOn = z
  .number()
  .int()
  .min(0)
  .nullable()
  .optional()
  .describe('Id of the last entry you saw (financeHead); another recorded since gives 409');

/** A new entry of the figures (or a correction of one), appended: entries are never overwritten. */
export const ZFinanceSnapshotInput = z
  .object({
    asOf: ZDate.describe('The date the figures are as of'),
    frame: ZCents.nullable(),
    reserved: ZCents.nullable(),
    committed: ZCents.nullable(),
    paid: ZCents.nullable(),
    frameByMinistry: z
      .array(z.object({ ministry: z.enum(MINISTRIES), amount: ZCents }).strict())
      .max(3)
      .optional(),
    note: z.string().trim().max(2000).nullable().optional(),
    reason: ZText(1000).describe('Why: "Tilanne 31.12.2024", or what a correction corrects'),
    precision: z
      .object(
        Object.fromEntries(FIGURES.map((f) => [f, ZPrecision.optional()])) as Record<
          Figure,
          z.ZodOptional<typeof ZPrecision>
        >,
      )
      .strict()
      .optional()
      .describe(
        'How exactly each figure is known (exact unless said): rounded "13,6 M€", approximate "noin 3,5 milj. €"',
      ),
    asWritten: z
      .object(
        Object.fromEntries(FIGURES.map((f) => [f, ZOptionalText(200)])) as Record<
          Figure,
          ReturnType<typeof ZOptionalText>
        >,
      )
      .strict()
      .optional()
      .describe('The source\'s own words kept with an amount, e.g. "ei vielä" for 0 € so far'),
    basedOnSnapshot: ZBasedOn,
    corrects: z
      .number()
      .int()
      .min(1)
      .nullable()
      .optional()
      .describe('Id of the entry this one corrects; it stays in the history, superseded'),
    confirm: z
      .object({
        checks: z.array(z.enum(FINANCE_CHECKS)).min(1).max(8),
        reason: ZText(1000).describe('Why the figures are right although a check says otherwise'),
      })
      .strict()
      .optional()
      .describe('The checks (codes of an earlier 422) the user confirms, and why'),
  })
  .strict();

/** Withdrawing an entry: it stays in the history, no longer counted. */
export const ZFinanceWithdrawalInput = z
  .object({ reason: ZText(1000).describe('Why the entry is withdrawn'), basedOnSnapshot: ZBasedOn })
  .strict();

/** What the finance form sends to record an entry (before the server's trimming). */
export type FinanceSnapshotInput = z.input<typeof ZFinanceSnapshotInput>;
/** What the finance form sends to withdraw an entry. */
export type FinanceWithdrawalInput = z.input<typeof ZFinanceWithdrawalInput>;
