/**
 * Changing one's own password (knowing the current one) and an administrator's reset. Either way
 * every other session of the user ends.
 */
import type { Db } from '../../../db/database.js';
import { findUserByUsername, findUserById } from '../../../db/repositories/users.js';
import { writeAudit, type AuditContext } from '../../../db/repositories/audit.js';
import { NotFoundError, RuleViolationError } from '../../../domain/errors.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/passwords.js';
import { revokeUserSessions } from '../auth/sessions.js';

async function storePassword(
  db: Db,
  audit: AuditContext,
  userId: number,
  username: string,
  password: string,
  keepSession: string | undefined,
  action: string,
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
        failed_logins: 0,
        locked_until: null,
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
  // The user is signed in: a wrong current password is a mistake in a form field, not a failed sign-in.
  if (!(await verifyPassword(user.password_hash, currentPassword))) {
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
  await storePassword(db, audit, userId, user.username, newPassword, sessionToken, 'password_change');
}

export async function resetPassword(db: Db, audit: AuditContext, username: string, newPassword: string) {
  const user = await findUserByUsername(db, username);
  if (!user) throw new NotFoundError('user', username);
  await storePassword(db, audit, Number(user.id), user.username, newPassword, undefined, 'password_reset');
}
