/** Public read routes for organisations. */
import {
  ZKeyParams,
  ZOrganisationDetail,
  ZOrganisationQuery,
  ZPagedOrganisations,
  ZProblem,
} from '../../../contracts/api.js';
import { getOrganisation, listOrganisations } from '../../../db/repositories/organisations.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';

export function organisationRoutes(app: TypedApp, { db }: AppDeps): void {
  app.get(
    '/api/v1/organisations',
    {
      config: { publicCache: { scopes: () => ['organisations', 'national'] } },
      schema: {
        tags: ['organisations'],
        summary: 'Search organisations',
        querystring: ZOrganisationQuery,
        response: { 200: ZPagedOrganisations, 400: ZProblem },
      },
    },
    async (request) => listOrganisations(db, request.query),
  );

  app.get(
    '/api/v1/organisations/:key',
    {
      config: { publicCache: { scopes: ({ key }) => [`organisation:${key}`, 'national'] } },
      schema: {
        tags: ['organisations'],
        summary: 'One organisation with its roles in projects',
        params: ZKeyParams,
        response: { 200: ZOrganisationDetail, 404: ZProblem },
      },
    },
    async (request) => {
      const { key } = request.params;
      const organisation = await getOrganisation(db, key);
      if (!organisation) throw new NotFoundError('organisation', key);
      return organisation;
    },
  );
}
