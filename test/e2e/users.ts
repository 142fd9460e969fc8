/**
 * The users the browser tests sign in as (finance experts of LANUPE for two parallel sessions, the
 * managing authority, a keyboard user, LANUPE's coordinator and an STM official, STM being one of
 * LANUPE's ministries, and the LANUPE steering group's secretary and chair: meetings.test.ts links
 * the chair's seat to that account) and the reporting periods they report in.
 */
export const E2E_PASSWORD = 'e2e-Salasana-2026-pitkä';

export const E2E_USERS = [
  {
    username: 'e2e-ely',
    displayName: 'Testi Rahoitusasiantuntija',
    roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }],
  },
  {
    username: 'e2e-ely-2',
    displayName: 'Toinen Rahoitusasiantuntija',
    roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }],
  },
  // Enters, confirms and withdraws figures of a theme of its own (finance-form.test.ts).
  {
    username: 'e2e-ely-luova',
    displayName: 'Luovan alan Rahoitusasiantuntija',
    roles: [{ role: 'finance_expert' as const, theme: 'luovan-ja-kulttuurialan-innovaatio-osaaminen' }],
  },
  // Stores hostile text in another theme (hostile-input.test.ts), leaving LANUPE as the data gives it.
  { username: 'e2e-admin', displayName: 'Testi Hallintoviranomainen', roles: [{ role: 'admin' as const }] },
  {
    username: 'e2e-nappis',
    displayName: 'Näppäimistön Käyttäjä',
    roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }],
  },
  {
    username: 'e2e-sihteeri',
    displayName: 'Testi Sihteeri',
    roles: [{ role: 'steering_group_secretary' as const, steeringGroup: 'lanupe-johtoryhma' }],
  },
  {
    username: 'e2e-pj',
    displayName: 'Testi Puheenjohtaja',
    roles: [{ role: 'steering_group_member' as const, steeringGroup: 'lanupe-johtoryhma' }],
  },
  // Offboarded by the managing authority in the browser (offboarding.test.ts).
  {
    username: 'e2e-lahtija',
    displayName: 'Testi Lähtijä',
    roles: [{ role: 'finance_expert' as const, theme: 'lanupe' }],
  },
  // The theme report workflow (report-workflow.test.ts).
  {
    username: 'e2e-koordinaattori',
    displayName: 'Testi Koordinaattori',
    email: 'koordinaattori@e2e.example.fi',
    roles: [{ role: 'theme_coordinator' as const, theme: 'lanupe' }],
  },
  // My tasks (my-tasks.test.ts): a coordinator of a theme no other browser test writes a report for.
  {
    username: 'e2e-tehtavat',
    displayName: 'Testi Tehtävät',
    roles: [{ role: 'theme_coordinator' as const, theme: 'jatkuva-oppiminen' }],
  },
  // A theme's own records, contacts, content areas and links (theme-content.test.ts), and one's own
  // mail settings (mail-admin.test.ts): a theme no other browser test changes.
  {
    username: 'e2e-sisalto',
    displayName: 'Testi Sisältökoordinaattori',
    email: 'sisalto@e2e.example.fi',
    roles: [{ role: 'theme_coordinator' as const, theme: 'osallisuuden-tuki-ja-koordinaatio' }],
  },
  {
    username: 'e2e-sisalto-ely',
    displayName: 'Testi Sisällön Rahoitusasiantuntija',
    roles: [{ role: 'finance_expert' as const, theme: 'osallisuuden-tuki-ja-koordinaatio' }],
  },
  {
    username: 'e2e-stm',
    displayName: 'Testi Ministeriö',
    roles: [{ role: 'ministry_official' as const, ministry: 'STM' as const }],
  },
  // LANUPE is joint: OKM approves too (report-workflow.test.ts).
  {
    username: 'e2e-okm',
    displayName: 'Testi Opetusministeriö',
    roles: [{ role: 'ministry_official' as const, ministry: 'OKM' as const }],
  },
  // A year of a joint OKM + STM theme (year-reports.test.ts, year-finance.test.ts), with addresses
  // for the mail; its coordinators are added by the managing authority in the browser.
  {
    username: 'e2e-vuosi-stm',
    displayName: 'Vuoden STM-virkamies',
    email: 'vuosi-stm@e2e.example.fi',
    roles: [{ role: 'ministry_official' as const, ministry: 'STM' as const }],
  },
  {
    username: 'e2e-vuosi-okm',
    displayName: 'Vuoden OKM-virkamies',
    email: 'vuosi-okm@e2e.example.fi',
    roles: [{ role: 'ministry_official' as const, ministry: 'OKM' as const }],
  },
  {
    username: 'e2e-vuosi-ely',
    displayName: 'Vuoden Rahoitusasiantuntija',
    roles: [{ role: 'finance_expert' as const, theme: 'osallisuuden-tuki-ja-koordinaatio' }],
  },
  // The LANUPE steering group's year (year-meetings.test.ts): the secretary, and the chair, whose
  // seat the secretary links to this account in the browser.
  {
    username: 'e2e-vuosi-sihteeri',
    displayName: 'Vuoden Sihteeri',
    email: 'vuosi-sihteeri@e2e.example.fi',
    roles: [{ role: 'steering_group_secretary' as const, steeringGroup: 'lanupe-johtoryhma' }],
  },
  {
    username: 'e2e-vuosi-pj',
    displayName: 'Vuoden Puheenjohtaja',
    email: 'vuosi-pj@e2e.example.fi',
    roles: [{ role: 'steering_group_member' as const, steeringGroup: 'lanupe-johtoryhma' }],
  },
];

/**
 * The 2024 review for every theme, and a second period with LANUPE alone, so that the workflow can
 * run once in Finnish and once in Swedish, each from a fresh draft.
 */
export const E2E_PERIODS = {
  fi: {
    key: '2024',
    title: { fi: 'Toteutuskatsaus 2024', sv: 'Genomförandeöversikt 2024', en: 'Implementation review 2024' },
    cutOff: '2024-10-31',
    deadline: '2024-12-15',
  },
  sv: {
    key: '2024-sv',
    title: {
      fi: 'Toteutuskatsaus 2024, ruotsinkielinen kierros',
      sv: 'Genomförandeöversikt 2024, svensk omgång',
      en: 'Implementation review 2024, Swedish round',
    },
    cutOff: '2024-10-31',
    deadline: '2024-12-15',
    themes: ['lanupe'],
  },
} as const;
