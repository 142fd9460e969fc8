/**
 * `npm run cli -- user …`: accounts from the command line (the first administrator, resets).
 *   user add <username> --name "Name" --role admin [--ministry STM] [--theme slug] [--group key]
 *   user passwd <username>      a temporary password, printed once, to be changed at the next
 *                               sign-in; the old one stops working and the user's sessions end
 *   user disable <username>     the account cannot sign in; its sessions end at once
 *   user enable <username>
 *   user end-role <username> --role finance_expert [--ministry STM] [--theme slug] [--group key]
 *                               ends that one role assignment; the user's sessions end at once
 *   user list
 */
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { databaseConfig, type Env } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../db/prepare.js';
import { describeRoles } from '../db/repositories/role-scopes.js';
import { ROLES, type Role } from '../domain/access.js';
import { RuleViolationError } from '../domain/errors.js';
import { isMinistry, MINISTRIES } from '../domain/figures.js';
import { createUser } from '../server/modules/users/create-user.js';
import { resetPassword } from '../server/modules/users/set-password.js';
import { setUserDisabled } from '../server/modules/users/disable-user.js';
import { endRoleAssignment } from '../server/modules/users/end-role-assignment.js';

const newPassword = () => randomBytes(15).toString('base64url');

const roleOf = (role: string | undefined): Role => {
  if (!role || !ROLES.includes(role as Role)) throw new Error(`unknown role "${role}" (one of ${ROLES.join(', ')})`);
  return role as Role;
};

const ministryOf = (ministry: string | undefined) => {
  if (ministry === undefined) return null;
  if (!isMinistry(ministry)) throw new Error(`unknown ministry "${ministry}" (one of ${MINISTRIES.join(', ')})`);
  return ministry;
};

export async function runUser(env: Env, args: string[]): Promise<number> {
  const [action, username] = args;
  const { values } = parseArgs({
    args: args.slice(2),
    options: {
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      ministry: { type: 'string' },
      theme: { type: 'string' },
      group: { type: 'string' },
      email: { type: 'string' },
    },
    allowPositionals: true,
  });
  const handle = openDatabase(databaseConfig(env));
  const audit = {
    actorId: null,
    actor: `cli:${operatingSystemUser()}`,
    ip: null,
    requestId: null,
    at: new Date().toISOString(),
  };
  try {
    await prepareDatabase(handle, {
      datasetDir: env.LOAD_DATASET ? env.DATASET_DIR : undefined,
      topologyPath: DEFAULT_TOPOLOGY,
    });
    if (action === 'list') {
      const users = await handle.db
        .selectFrom('users')
        .select(['id', 'username', 'display_name', 'is_demo', 'disabled_at'])
        .orderBy('username')
        .execute();
      const roles = await describeRoles(
        handle.db,
        users.map((u) => Number(u.id)),
      );
      for (const user of users) {
        const described = (roles.get(Number(user.id)) ?? [])
          .map((r) => [r.role, r.ministry, r.theme, r.steeringGroup].filter(Boolean).join(':'))
          .join(', ');
        const marks = `${user.is_demo ? ' (demo)' : ''}${user.disabled_at ? ' (disabled)' : ''}`;
        console.log(`${user.username}\t${user.display_name}${marks}\t${described}`);
      }
      return 0;
    }
    if (!username) throw new Error('username missing');
    if (action === 'add') {
      const ministry = ministryOf(values.ministry);
      const roles = (values.role ?? []).map((role) => ({
        role: roleOf(role),
        ministry,
        theme: values.theme ?? null,
        steeringGroup: values.group ?? null,
      }));
      const password = newPassword();
      await createUser(handle.db, audit, {
        username,
        displayName: values.name ?? username,
        email: values.email ?? null,
        password,
        roles,
      });
      console.log(`Created ${username}. Password (shown once): ${password}`);
      return 0;
    }
    if (action === 'passwd') {
      // A temporary password: the person must choose their own at the first sign-in.
      const password = await resetPassword(handle.db, audit, username);
      console.log(`Temporary password for ${username} (shown once; to be changed at sign-in): ${password}`);
      return 0;
    }
    if (action === 'disable' || action === 'enable') {
      await setUserDisabled(handle.db, audit, username, action === 'disable');
      console.log(`${action === 'disable' ? 'Disabled' : 'Enabled'} ${username}.`);
      return 0;
    }
    if (action === 'end-role') {
      const role = roleOf(values.role?.[0]);
      await endRoleAssignment(handle.db, audit, username, {
        role,
        ministry: ministryOf(values.ministry),
        theme: values.theme ?? null,
        steeringGroup: values.group ?? null,
      });
      console.log(`Ended ${role} of ${username}; their sessions ended.`);
      return 0;
    }
    throw new Error(`unknown action "${action}" (add, passwd, disable, enable, end-role, list)`);
  } catch (error) {
    console.error(
      error instanceof RuleViolationError
        ? error.violations.map((v) => `${v.field}: ${v.message.en}`).join('\n')
        : error instanceof Error
          ? error.message
          : error,
    );
    return 2;
  } finally {
    await handle.close();
  }
}

/** Who ran the command, for the audit trail; a container user without a name is "unknown". */
function operatingSystemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}
