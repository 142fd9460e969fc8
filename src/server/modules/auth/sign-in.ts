/**
 * Signing in with a username and password. Every attempt is counted before the password is checked
 * and slowed down by growing delays per account and per address (password-attempt.ts); the answer is
 * the same whether or not the account exists, or is disabled. Every attempt, refused ones included,
 * is in the audit trail (Information Management Act §17).
 */
import type { Db } from '../../../db/database.js';
import { actorFor, findUserByUsername } from '../../../db/repositories/users.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import { InvalidCredentialsError } from '../../../domain/errors.js';
import type { AuthConfig } from '../../../config/env.js';
import { attemptPassword } from './password-attempt.js';
import { createSession } from './sessions.js';

export type SignInInput = { username: string; password: string };
export type ClientInfo = { ip: string; userAgent: string | null; requestId: string | null };

export async function signIn(
  deps: { db: Db; clock: () => Date; auth: AuthConfig },
  input: SignInInput,
  client: ClientInfo,
) {
  const { db, auth } = deps;
  const now = deps.clock();
  const username = input.username.trim().toLowerCase().slice(0, 200);
  const user = await findUserByUsername(db, username);
  const audit = {
    actorId: user ? Number(user.id) : null,
    actor: username,
    ip: client.ip,
    requestId: client.requestId,
    at: now.toISOString(),
  };
  const entityId = user ? Number(user.id) : username;

  const passwordOk = await attemptPassword(
    db,
    now,
    { username, ip: client.ip, storedHash: user?.password_hash ?? null, password: input.password },
    (wait) =>
      writeAudit(db, audit, { action: 'sign_in_throttled', entityType: 'user', entityId, reason: `wait ${wait} s` }),
  );
  if (!passwordOk || !user || user.disabled_at !== null) {
    await writeAudit(db, audit, {
      action: 'sign_in_failed',
      entityType: 'user',
      entityId,
      ...(passwordOk && user ? { reason: 'account disabled' } : {}),
    });
    throw new InvalidCredentialsError();
  }

  const session = await db.transaction().execute(async (trx) => {
    await writeAudit(trx, audit, { action: 'sign_in', entityType: 'user', entityId: Number(user.id) });
    return createSession(trx, Number(user.id), now, auth, { ip: client.ip, userAgent: client.userAgent });
  });
  return { session, actor: await actorFor(db, user), passwordChangeRequired: user.password_change_required === 1 };
}
