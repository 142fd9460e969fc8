/**
 * `npm run cli -- user …`: accounts from the command line (the first administrator, resets).
 *   user add <username> --name "Name" --role admin [--ministry STM] [--theme slug] [--group key]
 *   user passwd <username>      a new random password, printed once; the user's sessions end
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

const newPassword = () => randomBytes(15).toString('base64url');

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
        .select(['id', 'username', 'display_name', 'is_demo'])
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
        console.log(`${user.username}\t${user.display_name}${user.is_demo ? ' (demo)' : ''}\t${described}`);
      }
      return 0;
    }
    if (!username) throw new Error('username missing');
    if (action === 'add') {
      const ministry = values.ministry ?? null;
      if (ministry !== null && !isMinistry(ministry))
        throw new Error(`unknown ministry "${ministry}" (one of ${MINISTRIES.join(', ')})`);
      const roles = (values.role ?? []).map((role) => {
        if (!ROLES.includes(role as Role)) throw new Error(`unknown role "${role}" (one of ${ROLES.join(', ')})`);
        return {
          role: role as Role,
          ministry,
          theme: values.theme ?? null,
          steeringGroup: values.group ?? null,
        };
      });
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
      const password = newPassword();
      await resetPassword(handle.db, audit, username, password);
      console.log(`New password for ${username} (shown once): ${password}`);
      return 0;
    }
    throw new Error(`unknown action "${action}" (add, passwd, list)`);
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
