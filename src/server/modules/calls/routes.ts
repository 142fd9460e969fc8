/** Public read routes for calls for proposals. */
import { z } from 'zod';
import { ZCall, ZCallQuery, ZKeyParams, ZProblem } from '../../../contracts/api.js';
import { listCalls } from '../../../db/repositories/calls.js';
import { NotFoundError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';

export function callRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  app.get(
    '/api/v1/calls',
    {
      config: { publicCache: { scopes: () => ['national'] } },
      schema: {
        tags: ['calls'],
        summary: 'Calls for proposals, newest first',
        querystring: ZCallQuery,
        response: { 200: z.object({ items: z.array(ZCall) }), 400: ZProblem },
      },
    },
    async (request) => ({
      items: await listCalls(db, request.query, helsinkiDate(clock())),
    }),
  );

  app.get(
    '/api/v1/calls/:key',
    {
      config: { publicCache: { scopes: () => ['national'] } },
      schema: { tags: ['calls'], summary: 'One call', params: ZKeyParams, response: { 200: ZCall, 404: ZProblem } },
    },
    async (request) => {
      const { key } = request.params;
      const [call] = await listCalls(db, { key }, helsinkiDate(clock()));
      if (!call) throw new NotFoundError('call', key);
      return call;
    },
  );
}
