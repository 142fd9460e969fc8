/**
 * The users the browser tests sign in as: a finance expert of LANUPE each for two parallel sessions,
 * and the LANUPE steering group's secretary and chair (meetings.test.ts links the chair's seat to
 * that account).
 */
export const E2E_PASSWORD = 'e2e-Salasana-2026-pitkä';

export const E2E_USERS = [
  { username: 'e2e-ely', displayName: 'Testi Rahoitusasiantuntija', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
  { username: 'e2e-ely-2', displayName: 'Toinen Rahoitusasiantuntija', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
  // Stores hostile text in another theme (hostile-input.test.ts), leaving LANUPE as the data gives it.
  { username: 'e2e-admin', displayName: 'Testi Hallintoviranomainen', roles: [{ role: 'admin' as const }] },
  { username: 'e2e-nappis', displayName: 'Näppäimistön Käyttäjä', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
  { username: 'e2e-sihteeri', displayName: 'Testi Sihteeri', roles: [{ role: 'steering_group_secretary' as const, steeringGroup: 'lanupe-johtoryhma' }] },
  { username: 'e2e-pj', displayName: 'Testi Puheenjohtaja', roles: [{ role: 'steering_group_member' as const, steeringGroup: 'lanupe-johtoryhma' }] },
];
