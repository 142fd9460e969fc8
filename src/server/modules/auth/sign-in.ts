/**
 * Signing in with a username and password. Throttled per account (a temporary lockout after repeated
 * failures) and per address; answers the same whether or not the account exists. Every attempt is
 * recorded, and every sign-in is in the audit trail (Information Management Act §17).
 */
import type { Db } from '../../../db/database.js';
import { actorFor, countRecentFailures, findUserByUsername } from '../../../db/repositories/users.js';
import { writeAudit } from '../../../db/repositories/audit.js';
import { InvalidCredentialsError, TooManyAttemptsError } from '../../../domain/errors.js';
import type { AuthConfig } from '../../../config/env.js';
import { verifyPassword } from './passwords.js';
import { createSession } from './sessions.js';

export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const ADDRESS_THRESHOLD = 30;
const WINDOW_MS = 15 * 60_000;

export type SignInInput = { username: string; password: string };
export type ClientInfo = { ip: string; userAgent: string | null; requestId: string | null };

export async function signIn(
  deps: { db: Db; clock: () => Date; auth: AuthConfig },
  input: SignInInput,
  client: ClientInfo,
) {
  const { db, auth } = deps;
  const now = deps.clock();
  const username = input.username.trim().toLowerCase();
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();

  if ((await countRecentFailures(db, 'ip', client.ip, since)) >= ADDRESS_THRESHOLD) {
    throw new TooManyAttemptsError(Math.ceil(WINDOW_MS / 1000));
  }
  const user = await findUserByUsername(db, username);
  if (user?.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    throw new TooManyAttemptsError(Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 1000));
  }
  const ok =
    (await verifyPassword(user?.password_hash ?? null, input.password)) &&
    user !== undefined &&
    user.disabled_at === null;
  const audit = {
    actorId: user ? Number(user.id) : null,
    actor: username.slice(0, 200),
    ip: client.ip,
    requestId: client.requestId,
    at: now.toISOString(),
  };

  if (!ok || !user) {
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('login_attempts')
        .values({ username: username.slice(0, 200), ip: client.ip, at: now.toISOString(), success: 0 })
        .execute();
      if (user) {
        const failures = user.failed_logins + 1;
        await trx
          .updateTable('users')
          .set({
            failed_logins: failures,
            locked_until:
              failures >= LOCKOUT_THRESHOLD ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : user.locked_until,
          })
          .where('id', '=', user.id)
          .execute();
      }
      await writeAudit(trx, audit, {
        action: 'sign_in_failed',
        entityType: 'user',
        entityId: user ? Number(user.id) : username.slice(0, 200),
      });
    });
    throw new InvalidCredentialsError();
  }

  const session = await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('login_attempts')
      .values({ username, ip: client.ip, at: now.toISOString(), success: 1 })
      .execute();
    await trx.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', user.id).execute();
    await writeAudit(trx, audit, { action: 'sign_in', entityType: 'user', entityId: Number(user.id) });
    return createSession(trx, Number(user.id), now, auth, { ip: client.ip, userAgent: client.userAgent });
  });
  return { session, actor: await actorFor(db, user) };
}
