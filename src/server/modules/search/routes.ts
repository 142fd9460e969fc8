/** Search across the service (public). */
import { ZProblem } from '../../../contracts/api.js';
import { ZSearchQuery, ZSearchResults } from '../../../contracts/search.js';
import { searchRecords } from '../../../db/repositories/search.js';
import { parseSearchQuery } from '../../../domain/search.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';

export function searchRoutes(app: TypedApp, { db, dialect }: AppDeps): void {
  app.get(
    '/api/v1/search',
    {
      // What the index is written from (db/repositories/search.ts): project entities with their
      // codes, implementers and partners (`projects`), organisations, and the rest (themes, content
      // areas, calls, minutes: `national`). A cost estimate touches none of them (migration 0017).
      config: { publicCache: { scopes: () => ['projects', 'organisations', 'national'] } },
      schema: {
        tags: ['search'],
        summary: 'Themes, projects, organisations, calls and published minutes matching every word, best first',
        querystring: ZSearchQuery,
        response: { 200: ZSearchResults, 400: ZProblem },
      },
    },
    async (request) => {
      const { q, kind, limit, offset } = request.query;
      // The query schema has refused text without words, so there is a query to parse.
      const query = parseSearchQuery(q)!;
      const result = await searchRecords(db, dialect, query, { kind, limit, offset });
      return { items: result.items, page: { total: result.page.total, limit, offset } };
    },
  );
}
