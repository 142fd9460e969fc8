/**
 * Changing one's own password (knowing the current one) and an administrator's reset. Either way
 * every other session of the user ends.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/database.js';
import { findUserByUsername, findUserById } from '../../../db/repositories/users.js';
import { writeAudit, type AuditContext } from '../../../db/repositories/audit.js';
import { NotFoundError, RuleViolationError } from '../../../domain/errors.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';
import { attemptPassword } from '../auth/password-attempt.js';
import { revokeUserSessions } from '../auth/sessions.js';

async function storePassword(
  db: Db,
  audit: AuditContext,
  userId: number,
  username: string,
  password: string,
  keepSession: string | undefined,
  action: string,
  changeRequired: boolean,
) {
  const problem = passwordProblem(password, username);
  if (problem) throw new RuleViolationError([{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set((eb) => ({
        password_hash: passwordHash,
        password_changed_at: audit.at,
        password_change_required: changeRequired ? 1 : 0,
        version: eb('version', '+', 1),
        updated_at: audit.at,
      }))
      .where('id', '=', userId)
      .execute();
    await revokeUserSessions(trx, userId, new Date(audit.at), keepSession);
    await writeAudit(trx, audit, { action, entityType: 'user', entityId: userId });
  });
}

export async function changeOwnPassword(
  db: Db,
  audit: AuditContext,
  userId: number,
  currentPassword: string,
  newPassword: string,
  sessionToken: string | undefined,
) {
  const user = await findUserById(db, userId);
  if (!user) throw new NotFoundError('user', String(userId));
  // A session is not a licence to guess: the current password is counted and delayed exactly like a
  // sign-in (under the same keys), and every wrong or refused attempt is in the trail.
  const ok = await attemptPassword(
    db,
    new Date(audit.at),
    { username: user.username, ip: audit.ip ?? 'unknown', storedHash: user.password_hash, password: currentPassword },
    (wait) =>
      writeAudit(db, audit, {
        action: 'password_change_throttled',
        entityType: 'user',
        entityId: userId,
        reason: `wait ${wait} s`,
      }),
  );
  if (!ok) {
    await writeAudit(db, audit, { action: 'password_change_failed', entityType: 'user', entityId: userId });
    throw new RuleViolationError([
      {
        field: 'currentPassword',
        message: {
          fi: 'Nykyinen salasana on väärin.',
          sv: 'Det nuvarande lösenordet är fel.',
          en: 'The current password is wrong.',
        },
      },
    ]);
  }
  await storePassword(db, audit, userId, user.username, newPassword, sessionToken, 'password_change', false);
}

/** A password no one chose: shown once to the administrator, who hands it over. */
export const temporaryPassword = () => randomBytes(15).toString('base64url');

/**
 * The administrator's reset: the old password stops working and every session of the user ends at
 * once. Without a password given, one is made up and returned (shown once), and the person must
 * change it before they may change anything else.
 */
export async function resetPassword(
  db: Db,
  audit: AuditContext,
  username: string,
  newPassword?: string,
): Promise<string> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new NotFoundError('user', username);
  const password = newPassword ?? temporaryPassword();
  // A password someone else has seen is a way in for one sign-in only: the person picks their own.
  const temporary = newPassword === undefined;
  await storePassword(db, audit, Number(user.id), user.username, password, undefined, 'password_reset', temporary);
  return password;
}
