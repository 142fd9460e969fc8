/** A signed-in user as one object: created and signed in through actors.ts, asking through `as`. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Db } from '../../src/db/database.js';
import type { ScopeKeys } from '../../src/db/repositories/role-scopes.js';
import { as, ensureUser, signIn } from './actors.js';

export type Session = {
  username: string;
  /** Sends a request as this user: the session cookie and the CSRF token. */
  request: (options: InjectOptions) => Promise<LightMyRequestResponse>;
};

export async function signedIn(app: FastifyInstance, db: Db, username: string, roles: ScopeKeys[]): Promise<Session> {
  await ensureUser(db, username, roles);
  const session = await signIn(app, username);
  return { username, request: (options) => as(app, session, options) };
}
