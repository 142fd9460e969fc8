/** GET /api/v1/me/tasks: the signed-in person's start page. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ZProblem } from '../../../contracts/api.js';
import { ZMyTasks } from '../../../contracts/tasks.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';
import type { AppDeps } from '../../app.js';
import { requestLocale } from '../../i18n.js';
import { requireUser } from '../../plugins/auth.js';
import { listMyTasks } from './list-my-tasks.js';

export function taskRoutes(base: FastifyInstance, { db, clock }: AppDeps): void {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/v1/me/tasks',
    {
      schema: {
        tags: ['tasks'],
        summary: 'My tasks for all my roles, overdue first, each with the path where it is done',
        response: { 200: ZMyTasks, 401: ZProblem },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const today = helsinkiDate(clock());
      reply.header('cache-control', 'private, no-store');
      return { today, items: await listMyTasks(db, actor, today, requestLocale(request)) };
    },
  );
}
