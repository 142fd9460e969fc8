/**
 * User administration by the managing authority: list, create, reset a password, and offboarding
 * (disable an account, end a role assignment). Every change here ends the person's sessions at once
 * where it takes access away, and is in the trail.
 */
import { z } from 'zod';
import {
  ZEndRoleAssignment,
  ZNewUser,
  ZPasswordReset,
  ZProblem,
  ZTemporaryPassword,
  ZUser,
  ZUserDisabled,
  ZUsernameParams,
} from '../../../contracts/api.js';
import { describeRoles } from '../../../db/repositories/role-scopes.js';
import { accountWaits } from '../../../db/repositories/sign-in-throttle.js';
import { can } from '../../../domain/access.js';
import { ForbiddenError } from '../../../domain/errors.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { requireUser } from '../../plugins/auth.js';
import { auditContext } from '../../request-context.js';
import { createUser } from './create-user.js';
import { setUserDisabled } from './disable-user.js';
import { endRoleAssignment } from './end-role-assignment.js';
import { resetPassword } from './set-password.js';

const WRITE_ANSWERS = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem, 422: ZProblem } as const;

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
      const waits = await accountWaits(
        db,
        users.map((u) => u.username),
        clock().getTime(),
      );
      return {
        items: users.map((u) => ({
          username: u.username,
          displayName: u.display_name,
          email: u.email,
          roles: roles.get(Number(u.id)) ?? [],
          singleSignOn: u.password_hash === null,
          signInDelayedUntil: waits.get(u.username) ?? null,
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
        response: { 201: z.object({ username: z.string() }), ...WRITE_ANSWERS },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      await createUser(db, auditContext(request, clock()), request.body);
      return reply.status(201).send({ username: request.body.username });
    },
  );

  app.post(
    '/api/v1/admin/users/:username/password',
    {
      schema: {
        tags: ['access'],
        summary:
          "Reset a user's password: the old one stops working and their sessions end. Without a new password, a temporary one is made up and returned once",
        params: ZUsernameParams,
        body: ZPasswordReset,
        response: { 200: ZTemporaryPassword, 204: z.null(), ...WRITE_ANSWERS },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const { newPassword } = request.body;
      const password = await resetPassword(db, auditContext(request, clock()), request.params.username, newPassword);
      if (newPassword !== undefined) return reply.status(204).send(null);
      return reply.status(200).send({ temporaryPassword: password });
    },
  );

  app.put(
    '/api/v1/admin/users/:username/disabled',
    {
      schema: {
        tags: ['access'],
        summary: 'Disable an account (its sessions end at once) or enable it again',
        params: ZUsernameParams,
        body: ZUserDisabled,
        response: { 204: z.null(), ...WRITE_ANSWERS },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      await setUserDisabled(db, auditContext(request, clock()), request.params.username, request.body.disabled);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/users/:username/roles/end',
    {
      schema: {
        tags: ['access'],
        summary: "End one of a user's role assignments; their sessions end at once",
        params: ZUsernameParams,
        body: ZEndRoleAssignment,
        response: { 204: z.null(), ...WRITE_ANSWERS },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      await endRoleAssignment(db, auditContext(request, clock()), request.params.username, request.body);
      return reply.status(204).send(null);
    },
  );
}
