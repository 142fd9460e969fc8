/** Recording a theme's four figures (append-only). */
import { z } from 'zod';
import { ZFinanceSnapshot, ZProblem, ZSlugParams } from '../../../contracts/api.js';
import { getTheme } from '../../../db/repositories/themes.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requestLocale } from '../../i18n.js';
import { auditContext } from '../../request-context.js';
import { ZFinanceSnapshotInput, ZFinanceWithdrawalInput } from '../../../contracts/finance-inputs.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';
import { recordFinanceSnapshot, withdrawFinanceEntry } from './record-finance-snapshot.js';

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
