/**
 * A contact person's right of access and right to erasure (GDPR arts. 15 and 17), handled by the
 * managing authority. Erasure removes the person's data from the contact, the personal-data vault and
 * every copy (frozen report headers, and so the compiled reviews, and the reminder outbox: see
 * db/repositories/personal-data.ts); the access answer lists the same places. The audit trail refers
 * to the person only by pseudonym, so it stays whole.
 */
import { z } from 'zod';
import { ZProblem } from '../../../contracts/api.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import { can } from '../../../domain/access.js';
import { ForbiddenError, NotFoundError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requireUser } from '../../plugins/auth.js';
import { auditContext } from '../../request-context.js';
import { eraseCopies, findPersonCopies } from '../../../db/repositories/personal-data.js';

const ZParams = z.object({ id: z.string().regex(/^\d{1,15}$/) });

const ZPersonalData = z
  .object({
    contact: z.object({
      id: z.number().int(),
      theme: z.string(),
      role: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      title: z.string().nullable(),
      organisation: z.string().nullable(),
    }),
    heldIn: z
      .array(
        z.object({
          place: z.enum(['contact', 'personal_data', 'report_header', 'compiled_review', 'outbox']),
          ref: z.string().describe('Which record: the contact id, a period/theme, an outbox message id'),
          detail: z.string().nullable(),
        }),
      )
      .describe(
        'Every place the person is held: the contact, the vault, frozen report headers, the compiled reviews built from them, the reminder outbox',
      ),
    revisions: z.array(
      z.object({
        revision: z.number().int(),
        name: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        recordedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'PersonalData' });

export const ERASED_NAME = 'Poistettu henkilö';

export function personalDataRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  const authorise = (request: Parameters<typeof requireUser>[0]) => {
    const actor = requireUser(request);
    if (!can(actor, 'personal_data.manage')) throw new ForbiddenError('personal_data.manage');
  };

  app.get(
    '/api/v1/contacts/:id/personal-data',
    {
      schema: {
        tags: ['personal data'],
        summary: 'Everything held of a contact person (right of access)',
        params: ZParams,
        response: { 200: ZPersonalData, 401: ZProblem, 403: ZProblem, 404: ZProblem },
      },
    },
    async (request) => {
      authorise(request);
      const { id } = request.params;
      const contact = await db
        .selectFrom('contacts as c')
        .innerJoin('themes as t', 't.id', 'c.theme_id')
        .select([
          'c.id',
          'c.role',
          'c.name',
          'c.email',
          'c.phone',
          'c.title',
          'c.organisation',
          'c.person_id',
          'c.theme_id',
          't.slug',
        ])
        .where('c.id', '=', Number(id))
        .executeTakeFirst();
      if (!contact) throw new NotFoundError('contact', id);
      const copies = await findPersonCopies(db, {
        contactId: Number(contact.id),
        themeId: Number(contact.theme_id),
        pseudonym: contact.person_id,
      });
      const revisions = contact.person_id
        ? await db
            .selectFrom('personal_data')
            .selectAll()
            .where('person_id', '=', contact.person_id)
            .orderBy('revision')
            .execute()
        : [];
      // Handing out personal data is a disclosure: the trail records it (Information Management Act §17).
      await writeAudit(db, auditContext(request, clock()), {
        action: 'disclose_personal_data',
        entityType: 'contact',
        entityId: Number(contact.id),
      });
      return {
        contact: {
          id: Number(contact.id),
          theme: contact.slug,
          role: contact.role,
          name: contact.name,
          email: contact.email,
          phone: contact.phone,
          title: contact.title,
          organisation: contact.organisation,
        },
        heldIn: [
          { place: 'contact' as const, ref: String(contact.id), detail: contact.slug },
          ...(revisions.length > 0
            ? [{ place: 'personal_data' as const, ref: contact.person_id!, detail: `${revisions.length} revisions` }]
            : []),
          ...copies.reportHeaders.map((r) => ({
            place: 'report_header' as const,
            ref: `${r.period}/${r.theme}`,
            detail: `report ${r.reportId}, frozen ${r.header.frozenAt ?? ''}`.trim(),
          })),
          ...[...new Set(copies.reportHeaders.map((r) => r.period))].map((period) => ({
            place: 'compiled_review' as const,
            ref: period,
            detail: 'review.html, review.docx, review.pdf',
          })),
          ...copies.outbox.map((m) => ({ place: 'outbox' as const, ref: String(m.id), detail: m.subject })),
        ],
        revisions: revisions.map((r) => ({
          revision: r.revision,
          name: r.name,
          email: r.email,
          phone: r.phone,
          recordedAt: r.recorded_at,
        })),
      };
    },
  );

  app.post(
    '/api/v1/contacts/:id/erase',
    {
      schema: {
        tags: ['personal data'],
        summary: "Erase a contact person's data (right to erasure); the trail keeps a pseudonym",
        params: ZParams,
        response: { 204: z.null(), 401: ZProblem, 403: ZProblem, 404: ZProblem },
      },
    },
    async (request, reply) => {
      authorise(request);
      const { id } = request.params;
      const audit = auditContext(request, clock());
      await db.transaction().execute(async (trx) => {
        const contact = await trx
          .selectFrom('contacts')
          .select(['id', 'person_id', 'theme_id'])
          .where('id', '=', Number(id))
          .executeTakeFirst();
        if (!contact) throw new NotFoundError('contact', id);
        // The copies first, while the contact and the vault still say whom to look for.
        const copies = await eraseCopies(
          trx,
          { contactId: Number(contact.id), themeId: Number(contact.theme_id), pseudonym: contact.person_id },
          ERASED_NAME,
        );
        if (contact.person_id)
          await trx.deleteFrom('personal_data').where('person_id', '=', contact.person_id).execute();
        await trx
          .updateTable('contacts')
          .set((eb) => ({
            name: ERASED_NAME,
            email: null,
            phone: null,
            title: null,
            erased_at: audit.at,
            archived_at: audit.at,
            version: eb('version', '+', 1),
            updated_at: audit.at,
            updated_by: audit.actor,
          }))
          .where('id', '=', Number(id))
          .execute();
        await writeAudit(trx, audit, {
          action: 'erase_personal_data',
          entityType: 'contact',
          entityId: Number(id),
          after: {
            personalData: {
              person: contact.person_id,
              erased: true,
              reportHeaders: copies.reportHeaders.map((r) => r.reportId),
              outboxMessages: copies.outbox.length,
            },
          },
        });
      });
      return reply.status(204).send(null);
    },
  );
}
