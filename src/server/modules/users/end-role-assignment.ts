/**
 * Offboarding (issue 13, class 10): ending one role assignment of a person, e.g. when a finance
 * expert moves to another theme. The assignment is removed (the trail keeps what it was) and every
 * session of the person ends at once, so no open browser keeps the old access.
 */
import type { Db } from '../../../db/database.js';
import { findUserByUsername } from '../../../db/repositories/users.js';
import { resolveRoleScopes, type ScopeKeys } from '../../../db/repositories/role-scopes.js';
import { writeAudit, type AuditContext } from '../../../db/repositories/audit.js';
import { NotFoundError } from '../../../domain/errors.js';
import { revokeUserSessions } from '../auth/sessions.js';

export async function endRoleAssignment(db: Db, audit: AuditContext, username: string, keys: ScopeKeys): Promise<void> {
  const user = await findUserByUsername(db, username);
  if (!user) throw new NotFoundError('user', username);
  const [role] = await resolveRoleScopes(db, [keys]);
  await db.transaction().execute(async (trx) => {
    const assignment = await trx
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', user.id)
      .where('role', '=', role!.role)
      .where('ministry', role!.ministry === null ? 'is' : '=', role!.ministry)
      .where('theme_id', role!.themeId === null ? 'is' : '=', role!.themeId)
      .where('steering_group_id', role!.steeringGroupId === null ? 'is' : '=', role!.steeringGroupId)
      .executeTakeFirst();
    if (!assignment) throw new NotFoundError('role assignment', `${username} ${keys.role}`);
    await trx.deleteFrom('role_assignments').where('id', '=', assignment.id).execute();
    await revokeUserSessions(trx, Number(user.id), new Date(audit.at));
    await writeAudit(trx, audit, {
      action: 'end_role',
      entityType: 'user',
      entityId: Number(user.id),
      before: {
        role: keys.role,
        ministry: keys.ministry ?? null,
        theme: keys.theme ?? null,
        steeringGroup: keys.steeringGroup ?? null,
      },
    });
  });
}
