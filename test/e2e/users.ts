/** The users the browser tests sign in as: a finance expert of LANUPE each for two parallel sessions. */
export const E2E_PASSWORD = 'e2e-Salasana-2026-pitkä';

export const E2E_USERS = [
  { username: 'e2e-ely', displayName: 'Testi Rahoitusasiantuntija', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
  { username: 'e2e-ely-2', displayName: 'Toinen Rahoitusasiantuntija', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
  { username: 'e2e-nappis', displayName: 'Näppäimistön Käyttäjä', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
];
