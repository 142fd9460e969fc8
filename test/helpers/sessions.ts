/**
 * Real users and real sessions for API tests: created through the user use case and signed in over
 * HTTP (actors.ts), held either as the cookie and CSRF token (`signedInAs`, with `as` for headers) or
 * as one object that sends requests as the user (`signedIn`).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { ScopeKeys } from '../../src/db/repositories/role-scopes.js';
import { as as asActor, ensureUser, signIn, type Session as ActorSession } from './actors.js';

export type Session = ActorSession & { username: string };

export async function signedInAs(app: FastifyInstance, db: Db, username: string, roles: ScopeKeys[]): Promise<Session> {
  await ensureUser(db, username, roles);
  return { ...(await signIn(app, username)), username };
}

/** Headers of a request made with a session; writes carry the CSRF token. */
export const as = (session: Session | null, extra: Record<string, string> = {}) =>
  session ? { cookie: session.cookie, 'x-csrf-token': session.csrf, ...extra } : extra;

export type RequestingUser = {
  username: string;
  /** Sends a request as this user: the session cookie and the CSRF token. */
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

export async function signedIn(
  app: FastifyInstance,
  db: Db,
  username: string,
  roles: ScopeKeys[],
): Promise<RequestingUser> {
  const session = await signedInAs(app, db, username, roles);
  return { username, request: (options) => asActor(app, session, options) };
}
