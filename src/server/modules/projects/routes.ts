/** Public read routes for project entities (single projects and group projects). */
import { ZKeyParams, ZPagedProjects, ZProblem, ZProjectEntityDetail, ZProjectQuery } from '../../../contracts/api.js';
import { getProjectEntity, listProjectEntities } from '../../../db/repositories/projects.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import { addAnswerScopes } from '../../plugins/public-cache.js';
import type { TypedApp } from '../../typed-app.js';

/** The query string's sort as it came (validation comes after the cache's hook): "cost" or "-cost". */
const sortsByCost = (sort: string | undefined) => sort?.replace(/^-/, '') === 'cost';

export function projectRoutes(app: TypedApp, { db, dialect }: AppDeps): void {
  app.get(
    '/api/v1/projects',
    {
      // Which entities match and their order; by cost also the cost estimates; and each entity
      // shown (below): a cost estimate changes only the searches that show it (migration 0017).
      config: {
        publicCache: {
          scopes: (_params, { sort }) => ['projects', 'national', ...(sortsByCost(sort) ? ['projects:cost'] : [])],
        },
      },
      schema: {
        tags: ['projects'],
        summary: 'Search project entities; a group project comes with its main and sub implementers',
        querystring: ZProjectQuery,
        response: { 200: ZPagedProjects, 400: ZProblem },
      },
    },
    async (request) => {
      const answer = await listProjectEntities(db, request.query, dialect);
      addAnswerScopes(
        request,
        answer.items.map((item) => `project:${item.key}`),
      );
      return answer;
    },
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
