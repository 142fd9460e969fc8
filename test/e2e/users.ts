/** The users the browser tests sign in as: a finance expert of LANUPE each for two parallel sessions. */
export const E2E_PASSWORD = 'e2e-Salasana-2026-pitkä';

export const E2E_USERS = [
  { username: 'e2e-ely', displayName: 'Testi Rahoitusasiantuntija', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
  { username: 'e2e-ely-2', displayName: 'Toinen Rahoitusasiantuntija', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
  // Stores hostile text in another theme (hostile-input.test.ts), leaving LANUPE as the data gives it.
  { username: 'e2e-admin', displayName: 'Testi Hallintoviranomainen', roles: [{ role: 'admin' as const }] },
  { username: 'e2e-nappis', displayName: 'Näppäimistön Käyttäjä', roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }] },
];
