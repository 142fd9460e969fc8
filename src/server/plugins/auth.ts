/**
 * Who is asking: reads the session cookie on every request and sets `request.actor` (the public
 * when signed out). Cookie-authenticated writes must carry the session's CSRF token in
 * `X-CSRF-Token`; cross-site forms cannot send JSON, and we accept no other body type.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { actorOf } from '../../db/repositories/users.js';
import { PUBLIC, type Actor } from '../../domain/access.js';
import { NotSignedInError, PasswordChangeRequiredError } from '../../domain/errors.js';
import type { AuthConfig } from '../../config/env.js';
import { resolveSession, SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../modules/auth/sessions.js';
import { MESSAGES, requestLocale } from '../i18n.js';
import { logSecurityEvent, sendProblem } from './errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A write the signed-out public may make (signing in). Every other write needs a session. */
    allowSignedOut?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
    csrfToken: string | null;
    /** Signed in with the administrator's temporary password: only changing it is written. */
    passwordChangeRequired: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The writes a person with a temporary password may make: change it, or sign out. */
const WHILE_CHANGE_REQUIRED = new Set(['/api/v1/auth/password', '/api/v1/auth/logout', '/api/v1/auth/login']);

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function registerAuth(
  app: FastifyInstance,
  deps: { db: Db; clock: () => Date; auth: AuthConfig },
): Promise<void> {
  await app.register(fastifyCookie);
  app.decorateRequest('actor', null as never); // set for every request in onRequest below
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('passwordChangeRequired', false);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.actor = PUBLIC;
    const token = request.cookies[sessionCookieName(request, deps.auth)];
    if (!token) return;
    const found = await resolveSession(deps.db, token, deps.clock(), deps.auth);
    if (!found || found.user.disabled_at) {
      // A dead cookie is removed so the browser stops sending it.
      clearSessionCookie(request, reply, deps.auth);
      return;
    }
    const { session, user, roles } = found;
    request.actor = actorOf(user, roles);
    request.sessionToken = token;
    request.csrfToken = session.csrf_token;
    request.passwordChangeRequired = user.password_change_required === 1;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrf_token)) {
        logSecurityEvent(request, 'CsrfTokenMismatch', 403);
        const locale = requestLocale(request);
        return sendProblem(reply, {
          type: 'about:blank',
          status: 403,
          title: MESSAGES.forbidden[locale],
          detail: MESSAGES.csrf[locale],
          instance: request.url,
          errors: [{ name: 'X-CSRF-Token', reason: MESSAGES.csrf[locale] }],
        });
      }
    }
  });

  // Signed-out writes are refused before their bodies are validated: a 401 tells the public nothing
  // about a write route's input rules, and it is the answer the client needs (sign in first).
  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (request.passwordChangeRequired && !SAFE_METHODS.has(request.method) && !WHILE_CHANGE_REQUIRED.has(request.url))
      throw new PasswordChangeRequiredError();
    if (SAFE_METHODS.has(request.method) || request.actor.kind === 'user') return;
    if (request.routeOptions.config?.allowSignedOut) return;
    throw new NotSignedInError();
  });
}

/** The signed-in user, or a 401. */
export function requireUser(request: FastifyRequest): Extract<Actor, { kind: 'user' }> {
  if (request.actor.kind !== 'user') throw new NotSignedInError();
  return request.actor;
}

/**
 * Whether the session cookie is Secure: always in production, otherwise when this request came over
 * TLS, directly or as a trusted proxy says (X-Forwarded-Proto; request.protocol believes it only
 * from the proxies TRUST_PROXY names).
 */
function secureCookie(request: FastifyRequest, config: AuthConfig): boolean {
  return config.secureCookies || request.protocol === 'https';
}

/** The session cookie's name for this request: `__Host-ts_session` when Secure, else `ts_session`. */
export function sessionCookieName(request: FastifyRequest, config: AuthConfig): string {
  return secureCookie(request, config) ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

const cookieOptions = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure });

export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  config: AuthConfig,
  session: { token: string; expiresAt: string },
): void {
  const secure = secureCookie(request, config);
  reply.setCookie(sessionCookieName(request, config), session.token, {
    ...cookieOptions(secure),
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, config: AuthConfig): void {
  reply.clearCookie(sessionCookieName(request, config), cookieOptions(secureCookie(request, config)));
}
