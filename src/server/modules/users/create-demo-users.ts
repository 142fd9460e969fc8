/**
 * Demo users, one per role, for trying the system with the 2024 data. Created only on the first
 * start that loads the demo data, never in production, with one random password printed once.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../../db/database.js';
import type { ScopeKeys } from '../../../db/repositories/role-scopes.js';
import { createUser } from './create-user.js';

export const DEMO_USERS: { username: string; displayName: string; roles: ScopeKeys[] }[] = [
  { username: 'demo-admin', displayName: 'Demo: hallintoviranomainen (TEM)', roles: [{ role: 'admin' }] },
  {
    username: 'demo-stm',
    displayName: 'Demo: ministeriön virkamies (STM)',
    roles: [{ role: 'ministry_official', ministry: 'STM' }],
  },
  {
    username: 'demo-ely',
    displayName: 'Demo: rahoitusasiantuntija (LANUPE)',
    roles: [{ role: 'finance_expert', theme: 'lanupe' }],
  },
  {
    username: 'demo-koordinaattori',
    displayName: 'Demo: koordinaatiohanke (LANUPE)',
    roles: [{ role: 'theme_coordinator', theme: 'lanupe' }],
  },
  {
    username: 'demo-sihteeri',
    displayName: 'Demo: johtoryhmän sihteeri (LANUPE)',
    roles: [{ role: 'steering_group_secretary', steeringGroup: 'lanupe-johtoryhma' }],
  },
  {
    username: 'demo-jasen',
    displayName: 'Demo: johtoryhmän jäsen (LANUPE)',
    roles: [{ role: 'steering_group_member', steeringGroup: 'lanupe-johtoryhma' }],
  },
];

export async function createDemoUsers(db: Db, now: Date): Promise<{ usernames: string[]; password: string }> {
  const password = `demo-${randomBytes(9).toString('base64url')}`;
  const audit = { actorId: null, actor: 'system:demo', ip: null, requestId: null, at: now.toISOString() };
  for (const user of DEMO_USERS) await createUser(db, audit, { ...user, password, demo: true });
  return { usernames: DEMO_USERS.map((u) => u.username), password };
}
