/** Recording a theme's four figures (append-only). */
import { z } from 'zod';
import { ZFinanceSnapshot, ZProblem, ZSlugParams } from '../../../contracts/api.js';
import { getTheme } from '../../../db/repositories/themes.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requestLocale } from '../../i18n.js';
import { auditContext } from '../../request-context.js';
import { ZCents, ZDate, ZText } from '../editing/fields.js';
import { recordFinanceSnapshot } from './record-finance-snapshot.js';

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
    basedOnSnapshot: z
      .number()
      .int()
      .min(0)
      .nullable()
      .optional()
      .describe('Id of the latest snapshot you saw; a newer one gives 409'),
  })
  .strict();

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
      const id = await recordFinanceSnapshot(
        { db, actor: request.actor, audit: auditContext(request, clock()) },
        slug,
        request.body,
      );
      const theme = await getTheme(db, slug, { locale: requestLocale(request) });
      const snapshot = theme?.financeHistory.find((recorded) => recorded.id === id);
      if (!snapshot) throw new NotFoundError('theme', slug); // archived by another request meanwhile
      return reply.status(201).send(snapshot);
    },
  );
}
