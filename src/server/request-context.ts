/** What every use case needs to know about the request: who, from where, when. */
import type { FastifyRequest } from 'fastify';
import type { AuditContext } from '../db/repositories/audit.js';
import { actorName } from '../domain/access.js';

export function auditContext(request: FastifyRequest, now: Date): AuditContext {
  return {
    actorId: request.actor.kind === 'user' ? request.actor.userId : null,
    actor: actorName(request.actor),
    ip: request.ip ?? null,
    requestId: request.id,
    at: now.toISOString(),
  };
}
