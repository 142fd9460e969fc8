/** Creating a user with their roles; the password (if any) is checked against the policy and hashed. */
import type { Db } from '../../../db/database.js';
import { findUserByUsername } from '../../../db/repositories/users.js';
import { resolveRoleScopes, type ScopeKeys } from '../../../db/repositories/role-scopes.js';
import { writeAudit, type AuditContext } from '../../../db/repositories/audit.js';
import { DuplicateKeyError, RuleViolationError } from '../../../domain/errors.js';
import { hashPassword, passwordProblem } from '../auth/passwords.js';

export type NewUserInput = {
  username: string;
  displayName: string;
  email?: string | null | undefined;
  password?: string | undefined;
  roles: ScopeKeys[];
  demo?: boolean;
};

export async function createUser(db: Db, audit: AuditContext, input: NewUserInput): Promise<number> {
  const username = input.username.trim().toLowerCase();
  if (await findUserByUsername(db, username)) {
    throw new DuplicateKeyError('username');
  }
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, username);
    if (problem) throw new RuleViolationError([{ field: 'password', message: problem }]);
  }
  const roles = await resolveRoleScopes(db, input.roles);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('users')
      .values({
        username,
        display_name: input.displayName,
        // Lower case: single sign-on links accounts by e-mail address, compared in lower case.
        email: input.email?.trim().toLowerCase() ?? null,
        password_hash: passwordHash,
        password_changed_at: passwordHash ? audit.at : null,
        is_demo: input.demo ? 1 : 0,
        oidc_issuer: null,
        oidc_subject: null,
        disabled_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const role of roles) {
      await trx
        .insertInto('role_assignments')
        .values({
          user_id: Number(id),
          role: role.role,
          ministry: role.ministry,
          theme_id: role.themeId,
          steering_group_id: role.steeringGroupId,
          created_by: audit.actor,
        })
        .execute();
    }
    await writeAudit(trx, audit, {
      action: 'create',
      entityType: 'user',
      entityId: Number(id),
      after: { username, displayName: input.displayName, roles: input.roles, singleSignOn: passwordHash === null },
    });
    return Number(id);
  });
}
