/**
 * The organisation register (issue 20, docs/organisation-register.md):
 *   GET  /api/v1/organisation-register            is it in use (REGISTER_URL set)?
 *   GET  /api/v1/organisation-register/companies  look up by Y-tunnus or name (who may edit organisations)
 *   POST /api/v1/organisations/{key}/register-values  take the chosen fields' register values (If-Match)
 *   POST /api/v1/admin/organisation-register/update   fill every organisation's empty fields (admin)
 */
import { ZProblem } from '../../../contracts/api.js';
import {
  ZApplyRegisterValues,
  ZRegisterLookup,
  ZRegisterQuery,
  ZRegisterStatus,
  ZRegisterUpdateReport,
} from '../../../contracts/organisation-register.js';
import { ZOrganisationRecord, writtenSchema } from '../../../contracts/records.js';
import { can } from '../../../domain/access.js';
import { ForbiddenError, NotSignedInError, RuleViolationError } from '../../../domain/errors.js';
import { REGISTER_NAME, businessIdRefusal } from '../../../domain/organisation-register.js';
import type { AppDeps } from '../../app.js';
import { auditContext } from '../../request-context.js';
import type { TypedApp } from '../../typed-app.js';
import { basedOnVersion } from '../editing/routes.js';
import { applyRegisterValues } from './apply-register-values.js';
import { askRegister } from './register-client.js';
import { updateOrganisationsFromRegister } from './update-from-register.js';
import { z } from 'zod';

const errors = {
  400: ZProblem,
  401: ZProblem,
  403: ZProblem,
  409: ZProblem,
  422: ZProblem,
  503: ZProblem,
  504: ZProblem,
};

export function organisationRegisterRoutes(app: TypedApp, deps: AppDeps): void {
  const register = deps.register ?? null;

  app.get(
    '/api/v1/organisation-register',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Whether organisations can be looked up in the register (YTJ) here',
        response: { 200: ZRegisterStatus },
      },
    },
    async () => ({ enabled: register !== null, source: REGISTER_NAME }),
  );

  app.get(
    '/api/v1/organisation-register/companies',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Look a company up in the register (YTJ) by Y-tunnus or by name',
        querystring: ZRegisterQuery,
        response: { 200: ZRegisterLookup, ...errors },
      },
    },
    async (request) => {
      if (request.actor.kind !== 'user') throw new NotSignedInError();
      if (!can(request.actor, 'organisation.edit')) throw new ForbiddenError('organisation.edit');
      const { businessId, name } = request.query;
      const at = deps.clock().toISOString();
      if (businessId) {
        // A wrong check digit is refused here, before anything is asked of the register.
        const refusal = businessIdRefusal(businessId);
        if (refusal) throw new RuleViolationError([refusal]);
        return { source: REGISTER_NAME, at, companies: await askRegister(register, { businessId }) };
      }
      if (name) return { source: REGISTER_NAME, at, companies: await askRegister(register, { name }) };
      throw new RuleViolationError([
        {
          field: 'businessId',
          message: {
            fi: 'Anna Y-tunnus tai nimi.',
            sv: 'Ange FO-nummer eller namn.',
            en: 'Give a business ID or a name.',
          },
        },
      ]);
    },
  );

  app.post(
    '/api/v1/organisations/:key/register-values',
    {
      schema: {
        tags: ['editing'],
        summary: "Take the register's values of the chosen fields into an organisation (If-Match)",
        params: z.object({ key: z.string().max(200) }),
        body: ZApplyRegisterValues,
        response: {
          200: writtenSchema(ZOrganisationRecord, 'OrganisationWritten'),
          ...errors,
          404: ZProblem,
          409: ZProblem,
          428: ZProblem,
        },
      },
    },
    async (request, reply) => {
      const written = await applyRegisterValues(
        { db: deps.db, actor: request.actor, audit: auditContext(request, deps.clock()), register },
        request.params.key,
        basedOnVersion(request),
        { businessId: request.body.businessId, fields: request.body.fields },
      );
      // Typed as the organisation's record (the engine's answer is any record's shape).
      return reply
        .header('etag', `"${written.version}"`)
        .send({ data: ZOrganisationRecord.parse(written.data), version: written.version });
    },
  );

  app.post(
    '/api/v1/admin/organisation-register/update',
    {
      schema: {
        tags: ['organisations'],
        summary: "Fill every organisation's empty fields from the register; list the conflicts",
        body: z.object({}).strict().optional(),
        response: { 200: ZRegisterUpdateReport, ...errors },
      },
    },
    async (request) =>
      updateOrganisationsFromRegister({
        db: deps.db,
        actor: request.actor,
        audit: auditContext(request, deps.clock()),
        register,
      }),
  );
}
