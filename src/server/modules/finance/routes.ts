/** Recording a theme's four figures (append-only). */
import { z } from 'zod';
import { ZFinanceSnapshot, ZProblem, ZSlugParams } from '../../../contracts/api.js';
import { getTheme } from '../../../db/repositories/themes.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requestLocale } from '../../i18n.js';
import { auditContext } from '../../request-context.js';
import { ZCents, ZDate, ZOptionalText, ZText } from '../editing/fields.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';
import { recordFinanceSnapshot, withdrawFinanceEntry } from './record-finance-snapshot.js';

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

export const ZFinanceSnapshotInput = z
  .object({
    asOf: ZDate.describe('The date the figures are as of'),
    frame: ZCents.nullable(),
    reserved: ZCents.nullable(),
    committed: ZCents.nullable(),
    paid: ZCents.nullable(),
    frameByMinistry: z
      .array(z.object({ ministry: z.enum(['TEM', 'OKM', 'STM']), amount: ZCents }).strict())
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
        checks: z
          .array(
            z.enum(['reserved_exceeds_frame', 'committed_exceeds_reserved', 'paid_exceeds_committed', 'large_change']),
          )
          .min(1)
          .max(8),
        reason: ZText(1000).describe('Why the figures are right although a check says otherwise'),
      })
      .strict()
      .optional()
      .describe('The checks (codes of an earlier 422) the user confirms, and why'),
  })
  .strict();

export const ZFinanceWithdrawalInput = z
  .object({ reason: ZText(1000).describe('Why the entry is withdrawn'), basedOnSnapshot: ZBasedOn })
  .strict();

const ZEntryParams = ZSlugParams.extend({ id: z.coerce.number().int().min(1) });

export function financeRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  app.post(
    '/api/v1/themes/:slug/finance',
    {
      schema: {
        tags: ['editing'],
        summary: "Record a theme's four figures as of a date (a correction is a new snapshot with its reason)",
        params: ZSlugParams,
        body: ZFinanceSnapshotInput,
        response: {
          201: ZFinanceSnapshot,
          400: ZProblem,
          401: ZProblem,
          403: ZProblem,
          404: ZProblem,
          409: ZProblem,
          422: ZProblem,
        },
      },
    },
    async (request, reply) => {
      const { slug } = request.params;
      const now = clock();
      const id = await recordFinanceSnapshot(
        { db, actor: request.actor, audit: auditContext(request, now), today: helsinkiDate(now) },
        slug,
        request.body,
      );
      const theme = await getTheme(db, slug, { locale: requestLocale(request) });
      const snapshot = theme?.financeHistory.find((recorded) => recorded.id === id);
      if (!snapshot) throw new NotFoundError('theme', slug); // archived by another request meanwhile
      return reply.status(201).send(snapshot);
    },
  );

  app.post(
    '/api/v1/themes/:slug/finance/:id/withdrawal',
    {
      schema: {
        tags: ['editing'],
        summary: 'Withdraw an entry of the four figures recorded in error (it stays in the history, withdrawn)',
        params: ZEntryParams,
        body: ZFinanceWithdrawalInput,
        response: {
          201: ZFinanceSnapshot,
          400: ZProblem,
          401: ZProblem,
          403: ZProblem,
          404: ZProblem,
          409: ZProblem,
          422: ZProblem,
        },
      },
    },
    async (request, reply) => {
      const { slug, id: entryId } = request.params;
      const now = clock();
      const id = await withdrawFinanceEntry(
        { db, actor: request.actor, audit: auditContext(request, now), today: helsinkiDate(now) },
        slug,
        entryId,
        request.body,
      );
      const theme = await getTheme(db, slug, { locale: requestLocale(request) });
      const withdrawal = theme?.financeHistory.find((recorded) => recorded.id === id);
      if (!withdrawal) throw new NotFoundError('theme', slug); // archived by another request meanwhile
      return reply.status(201).send(withdrawal);
    },
  );
}
