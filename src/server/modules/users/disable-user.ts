/**
 * Offboarding (issue 13, class 10): the administrator disables an account, and enables it again.
 * Disabling ends every session of the person at once (not at their next idle timeout) and is in the
 * trail; a disabled account cannot sign in by password or single sign-on, and answers a sign-in as a
 * wrong password would.
 */
import type { Db } from '../../../db/database.js';
import { findUserByUsername } from '../../../db/repositories/users.js';
import { writeAudit, type AuditContext } from '../../../db/repositories/audit.js';
import { NotFoundError, RuleViolationError } from '../../../domain/errors.js';
import { revokeUserSessions } from '../auth/sessions.js';

export async function setUserDisabled(db: Db, audit: AuditContext, username: string, disabled: boolean): Promise<void> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new NotFoundError('user', username);
  if (disabled && user.id === audit.actorId) {
    // The last way in must not be shut by a slip: another administrator disables an administrator.
    throw new RuleViolationError([
      {
        field: 'username',
        message: {
          fi: 'Et voi poistaa omaa tunnustasi käytöstä.',
          sv: 'Du kan inte inaktivera ditt eget konto.',
          en: 'You cannot disable your own account.',
        },
      },
    ]);
  }
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('users')
      .set((eb) => ({
        disabled_at: disabled ? audit.at : null,
        version: eb('version', '+', 1),
        updated_at: audit.at,
      }))
      .where('id', '=', user.id)
      .where('disabled_at', disabled ? 'is' : 'is not', null)
      .executeTakeFirst();
    // Disabling twice (or enabling an enabled account) changes nothing and writes nothing.
    if (Number(changed.numUpdatedRows) === 0) return;
    if (disabled) await revokeUserSessions(trx, Number(user.id), new Date(audit.at));
    await writeAudit(trx, audit, {
      action: disabled ? 'disable' : 'enable',
      entityType: 'user',
      entityId: Number(user.id),
      before: { disabled: !disabled },
      after: { disabled },
    });
  });
}
