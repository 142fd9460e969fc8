/** Sign-in, the current session, sign-out and password change. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ZPasswordChange, ZProblem, ZSession, ZSignIn } from '../../../contracts/api.js';
import { describeRoles } from '../../../db/repositories/role-scopes.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import type { AppDeps } from '../../app.js';
import { requireUser, sessionCookieOptions } from '../../plugins/auth.js';
import { auditContext } from '../../request-context.js';
import { changeOwnPassword } from '../users/set-password.js';
import { revokeSession, SESSION_COOKIE } from './sessions.js';
import { signIn } from './sign-in.js';

export function authRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db, clock, auth } = deps;

  app.post(
    '/api/v1/auth/login',
    {
      config: { allowSignedOut: true },
      schema: {
        tags: ['access'],
        summary: 'Sign in with a username and password; sets the session cookie',
        body: ZSignIn,
        response: { 200: ZSession, 400: ZProblem, 401: ZProblem, 429: ZProblem },
      },
    },
    async (request, reply) => {
      const body = request.body as z.infer<typeof ZSignIn>;
      // A new session on every sign-in, and the old one ends: no session fixation.
      if (request.sessionToken) await revokeSession(db, request.sessionToken, clock());
      const { session, actor } = await signIn({ db, clock, auth }, body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(auth, session.expiresAt));
      const roles = (await describeRoles(db, [actor.userId])).get(actor.userId) ?? [];
      return { user: { username: actor.username, displayName: actor.displayName }, roles, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  app.get(
    '/api/v1/auth/session',
    { schema: { tags: ['access'], summary: 'The signed-in user, their roles and the CSRF token', response: { 200: ZSession, 401: ZProblem } } },
    async (request) => {
      const actor = requireUser(request);
      const roles = (await describeRoles(db, [actor.userId])).get(actor.userId) ?? [];
      return { user: { username: actor.username, displayName: actor.displayName }, roles, csrfToken: request.csrfToken ?? '' };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    { schema: { tags: ['access'], summary: 'Sign out: the session ends on the server', response: { 204: z.null(), 401: ZProblem } } },
    async (request, reply) => {
      const actor = requireUser(request);
      if (request.sessionToken) await revokeSession(db, request.sessionToken, clock());
      await writeAudit(db, auditContext(request, clock()), { action: 'sign_out', entityType: 'user', entityId: actor.userId });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/auth/password',
    {
      schema: {
        tags: ['access'],
        summary: 'Change your own password; your other sessions end',
        body: ZPasswordChange,
        response: { 204: z.null(), 400: ZProblem, 401: ZProblem, 422: ZProblem },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      const body = request.body as z.infer<typeof ZPasswordChange>;
      await changeOwnPassword(db, auditContext(request, clock()), actor.userId, body.currentPassword, body.newPassword, request.sessionToken ?? undefined);
      return reply.status(204).send(null);
    },
  );
}
