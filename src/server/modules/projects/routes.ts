/** Public read routes for project entities (single projects and group projects). */
import { ZKeyParams, ZPagedProjects, ZProblem, ZProjectEntityDetail, ZProjectQuery } from '../../../contracts/api.js';
import { getProjectEntity, listProjectEntities } from '../../../db/repositories/projects.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';

export function projectRoutes(app: TypedApp, { db, dialect }: AppDeps): void {
  app.get(
    '/api/v1/projects',
    {
      config: { publicCache: { scopes: () => ['projects', 'national'] } },
      schema: {
        tags: ['projects'],
        summary: 'Search project entities; a group project comes with its main and sub implementers',
        querystring: ZProjectQuery,
        response: { 200: ZPagedProjects, 400: ZProblem },
      },
    },
    async (request) => listProjectEntities(db, request.query, dialect),
  );

  app.get(
    '/api/v1/projects/:key',
    {
      config: { publicCache: { scopes: ({ key }) => [`project:${key}`, 'national'] } },
      schema: {
        tags: ['projects'],
        summary: 'One project entity',
        params: ZKeyParams,
        response: { 200: ZProjectEntityDetail, 404: ZProblem },
      },
    },
    async (request) => {
      const { key } = request.params;
      const entity = await getProjectEntity(db, key);
      if (!entity) throw new NotFoundError('project', key);
      return entity;
    },
  );
}
