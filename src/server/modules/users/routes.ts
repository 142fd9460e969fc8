/** User administration by the managing authority: list, create, reset a password. */
import { z } from 'zod';
import { ZNewUser, ZPasswordReset, ZProblem, ZUser, ZUsernameParams } from '../../../contracts/api.js';
import { describeRoles } from '../../../db/repositories/role-scopes.js';
import { can } from '../../../domain/access.js';
import { ForbiddenError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requireUser } from '../../plugins/auth.js';
import { auditContext } from '../../request-context.js';
import { createUser } from './create-user.js';
import { resetPassword } from './set-password.js';

export function userRoutes(app: TypedApp, { db, clock }: AppDeps): void {
  const requireAdmin = (request: Parameters<typeof requireUser>[0]) => {
    const actor = requireUser(request);
    if (!can(actor, 'users.manage')) throw new ForbiddenError('users.manage');
    return actor;
  };

  app.get(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['access'],
        summary: 'All users with their roles',
        response: { 200: z.object({ items: z.array(ZUser) }), 401: ZProblem, 403: ZProblem },
      },
    },
    async (request) => {
      requireAdmin(request);
      const users = await db.selectFrom('users').selectAll().orderBy('username').execute();
      const roles = await describeRoles(
        db,
        users.map((u) => Number(u.id)),
      );
      const now = clock().getTime();
      return {
        items: users.map((u) => ({
          username: u.username,
          displayName: u.display_name,
          email: u.email,
          roles: roles.get(Number(u.id)) ?? [],
          singleSignOn: u.password_hash === null,
          locked: u.locked_until !== null && Date.parse(u.locked_until) > now,
          disabled: u.disabled_at !== null,
          demo: u.is_demo === 1,
        })),
      };
    },
  );

  app.post(
    '/api/v1/admin/users',
    {
      schema: {
        tags: ['access'],
        summary: 'Create a user with roles',
        body: ZNewUser,
        response: {
          201: z.object({ username: z.string() }),
          400: ZProblem,
          401: ZProblem,
          403: ZProblem,
          422: ZProblem,
        },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const body = request.body;
      await createUser(db, auditContext(request, clock()), body);
      return reply.status(201).send({ username: body.username });
    },
  );

  app.post(
    '/api/v1/admin/users/:username/password',
    {
      schema: {
        tags: ['access'],
        summary: "Reset a user's password; their sessions end",
        params: ZUsernameParams,
        body: ZPasswordReset,
        response: { 204: z.null(), 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 422: ZProblem },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const { username } = request.params;
      await resetPassword(db, auditContext(request, clock()), username, request.body.newPassword);
      return reply.status(204).send(null);
    },
  );
}
