/** Sign-in, the current session, sign-out and password change. */
import { z } from 'zod';
import { ZPasswordChange, ZProblem, ZSession, ZSignIn } from '../../../contracts/api.js';
import { describeRoles, listRecordScopes } from '../../../db/repositories/role-scopes.js';
import { sessionCapabilities } from '../../../domain/capabilities.js';
import type { Actor } from '../../../domain/access.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import type { AppDeps } from '../../app.js';
import type { TypedApp } from '../../typed-app.js';
import { clearSessionCookie, requireUser, setSessionCookie } from '../../plugins/auth.js';
import { auditContext } from '../../request-context.js';
import { changeOwnPassword } from '../users/set-password.js';
import { revokeSession } from './sessions.js';
import { signIn } from './sign-in.js';
import {
  finishSingleSignOn,
  SSO_BINDING_COOKIE,
  SSO_BINDING_SECONDS,
  ssoBindingCookieOptions,
  startSingleSignOn,
} from './single-sign-on.js';
import { NotFoundError } from '../../../domain/errors.js';

export function authRoutes(app: TypedApp, deps: AppDeps): void {
  const { db, clock, auth } = deps;
  /** What the person may do, per theme and group, sent with the session for the web to render from. */
  const capabilitiesOf = async (actor: Actor) => {
    const { themes, groups } = await listRecordScopes(db);
    return sessionCapabilities(actor, themes, groups);
  };

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
      const body = request.body;
      // A new session on every sign-in, and the old one ends: no session fixation.
      if (request.sessionToken) await revokeSession(db, request.sessionToken, clock());
      const { session, actor, passwordChangeRequired } = await signIn({ db, clock, auth }, body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      setSessionCookie(request, reply, auth, session);
      const roles = (await describeRoles(db, [actor.userId])).get(actor.userId) ?? [];
      return {
        user: { username: actor.username, displayName: actor.displayName },
        roles,
        capabilities: await capabilitiesOf(actor),
        csrfToken: session.csrfToken,
        expiresAt: session.expiresAt,
        passwordChangeRequired: passwordChangeRequired,
      };
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags: ['access'],
        summary: 'The signed-in user, their roles, what they may do per theme and steering group, and the CSRF token',
        response: { 200: ZSession, 401: ZProblem },
      },
    },
    async (request) => {
      const actor = requireUser(request);
      const roles = (await describeRoles(db, [actor.userId])).get(actor.userId) ?? [];
      return {
        user: { username: actor.username, displayName: actor.displayName },
        roles,
        capabilities: await capabilitiesOf(actor),
        csrfToken: request.csrfToken ?? '',
        passwordChangeRequired: request.passwordChangeRequired,
      };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      schema: {
        tags: ['access'],
        summary: 'Sign out: the session ends on the server',
        response: { 204: z.null(), 401: ZProblem },
      },
    },
    async (request, reply) => {
      const actor = requireUser(request);
      if (request.sessionToken) await revokeSession(db, request.sessionToken, clock());
      await writeAudit(db, auditContext(request, clock()), {
        action: 'sign_out',
        entityType: 'user',
        entityId: actor.userId,
      });
      clearSessionCookie(request, reply, auth);
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
      const body = request.body;
      await changeOwnPassword(
        db,
        auditContext(request, clock()),
        actor.userId,
        body.currentPassword,
        body.newPassword,
        request.sessionToken ?? undefined,
      );
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/options',
    {
      schema: {
        tags: ['access'],
        summary: 'How one can sign in here: with a password, and with single sign-on when it is configured',
        response: { 200: z.object({ password: z.boolean(), singleSignOn: z.boolean() }) },
      },
    },
    async () => ({ password: true, singleSignOn: auth.oidc !== null }),
  );

  const singleSignOn = () => {
    if (!auth.oidc) throw new NotFoundError('single sign-on', 'oidc');
    return auth.oidc;
  };

  app.get(
    '/api/v1/auth/oidc/start',
    {
      schema: {
        tags: ['access'],
        summary: 'Start single sign-on: redirects to the identity provider',
        querystring: z.object({
          returnTo: z.string().max(500).optional().describe('A path on this site to come back to'),
        }),
        response: { 302: z.null(), 404: ZProblem },
      },
    },
    async (request, reply) => {
      const settings = singleSignOn();
      const { url, binding } = await startSingleSignOn(db, settings, clock(), request.query.returnTo);
      reply.setCookie(SSO_BINDING_COOKIE, binding, { ...ssoBindingCookieOptions, maxAge: SSO_BINDING_SECONDS });
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    '/api/v1/auth/oidc/callback',
    {
      schema: {
        tags: ['access'],
        summary: 'Where the identity provider returns: signs in and redirects back',
        querystring: z
          .object({ code: z.string().max(2000).optional(), state: z.string().max(200).optional() })
          .passthrough(),
        response: { 303: z.null(), 403: ZProblem, 404: ZProblem, 422: ZProblem },
      },
    },
    async (request, reply) => {
      const settings = singleSignOn();
      // The callback URL as the provider sent it, rebuilt on the registered redirect address.
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = new URL(request.url, 'http://localhost').search;
      const result = await finishSingleSignOn(
        { db, auth, now: clock() },
        settings,
        callbackUrl,
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id },
        request.cookies[SSO_BINDING_COOKIE],
      );
      reply.clearCookie(SSO_BINDING_COOKIE, ssoBindingCookieOptions);
      if (request.sessionToken) await revokeSession(db, request.sessionToken, clock());
      setSessionCookie(request, reply, auth, result.session);
      return reply.redirect(result.returnTo, 303);
    },
  );
}
