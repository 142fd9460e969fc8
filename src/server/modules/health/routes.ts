/** Liveness and readiness for load balancers. */
import { sql } from 'kysely';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { sendProblem } from '../../plugins/errors.js';

export function healthRoutes(app: TypedApp, { db }: AppDeps): void {
  app.get('/health/live', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/health/ready', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok' };
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return sendProblem(reply.header('retry-after', '5'), {
        type: 'about:blank',
        title: 'Service unavailable',
        status: 503,
        detail: 'The database is not reachable.',
      });
    }
  });
}
