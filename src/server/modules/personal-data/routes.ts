/**
 * A contact person's right of access and right to erasure (GDPR arts. 15 and 17), handled by the
 * managing authority. Erasure removes the person's data from the contact and from the personal-data
 * vault; the audit trail refers to the person only by pseudonym, so it stays whole.
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
          't.slug',
        ])
        .where('c.id', '=', Number(id))
        .executeTakeFirst();
      if (!contact) throw new NotFoundError('contact', id);
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
          .select(['id', 'person_id'])
          .where('id', '=', Number(id))
          .executeTakeFirst();
        if (!contact) throw new NotFoundError('contact', id);
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
          after: { personalData: { person: contact.person_id, erased: true } },
        });
      });
      return reply.status(204).send(null);
    },
  );
}
