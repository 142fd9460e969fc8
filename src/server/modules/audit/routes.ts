/** The audit trail, exported whole as JSON lines (the managing authority). */
import { Readable } from 'node:stream';
import { auditLogBatches } from '../../../db/repositories/audit.js';
import { can } from '../../../domain/access.js';
import { ForbiddenError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requireUser } from '../../plugins/auth.js';

export function auditRoutes(app: TypedApp, { db }: AppDeps): void {
  app.get(
    '/api/v1/admin/audit',
    { schema: { tags: ['access'], summary: 'The whole audit trail as JSON lines, oldest first' } },
    async (request, reply) => {
      const actor = requireUser(request);
      if (!can(actor, 'audit.read')) throw new ForbiddenError('audit.read');
      async function* lines() {
        for await (const entry of auditLogBatches(db)) yield `${JSON.stringify(entry)}\n`;
      }
      return reply.type('application/x-ndjson; charset=utf-8').send(Readable.from(lines()));
    },
  );
}
