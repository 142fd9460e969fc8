/**
 * Every page of the web application, as its address below the language (/fi/…, /sv/…, /en/…).
 * One list for three readers: the web router builds its routes from it (src/web/app.tsx, which must
 * give each an element), the server answers 404 for a page address that matches none of them
 * (src/server/modules/web/web-app.ts), and the browser test of every page visits each one
 * (test/e2e/every-page.test.ts), so that a new page can be neither unrouted nor untested.
 * No Zod here: the web bundle imports these values.
 */
export const WEB_LANGUAGES = ['fi', 'sv', 'en'] as const;

/** Route patterns as React Router writes them: `:name` stands for one non-empty segment. */
export const PAGE_ROUTES = {
  overview: '',
  theme: 'themes/:slug',
  projects: 'projects',
  project: 'projects/:key',
  organisations: 'organisations',
  organisation: 'organisations/:key',
  calls: 'calls',
  search: 'search',
  about: 'about',
  accessibility: 'accessibility',
  signIn: 'sign-in',
  users: 'users',
  tasks: 'tasks',
  financeForm: 'themes/:slug/figures',
  keyFigures: 'themes/:slug/key-figures',
  keyFigureFacts: 'themes/:slug/key-figures/facts',
  keyFiguresAcrossThemes: 'key-figures',
  callForm: 'calls/:key/edit',
  newCall: 'themes/:slug/calls/new',
  activityFigureForm: 'activity-figures/:id/edit',
  newContact: 'themes/:slug/contacts/new',
  contactForm: 'contacts/:id/edit',
  newContentArea: 'themes/:slug/content-areas/new',
  contentAreaForm: 'content-areas/:id/edit',
  newThemeLink: 'themes/:slug/links/new',
  themeLinkForm: 'theme-links/:id/edit',
  adminMail: 'admin/outbox',
  myMail: 'me/mail',
  steeringGroups: 'steering-groups',
  steeringGroup: 'steering-groups/:key',
  newMeeting: 'steering-groups/:key/meetings/new',
  meeting: 'meetings/:key',
  meetingForm: 'meetings/:key/edit',
  attendanceForm: 'meetings/:key/attendance',
  minutesEditor: 'meetings/:key/minutes',
  newMember: 'steering-groups/:key/members/new',
  memberForm: 'steering-group-members/:id/edit',
  newAgendaItem: 'meetings/:key/items/new',
  newActionItem: 'meetings/:key/items/:item/actions/new',
  agendaItemForm: 'agenda-items/:id/edit',
  publishedMinutesList: 'minutes',
  publishedMinutes: 'minutes/:key',
  reports: 'reports',
  reviewImport: 'reports/:period/import',
  report: 'reports/:period/:slug',
  audit: 'audit',
  organisationForm: 'organisations/:key/edit',
  projectForm: 'projects/:key/edit',
} as const;

export type PageRoute = keyof typeof PAGE_ROUTES;

const segments = (path: string) => path.split('/').filter((s) => s !== '');

/**
 * Whether an address (path only, e.g. "/sv/themes/lanupe/") is a page of the app: a known language
 * and then one of the routes. A record that does not exist is the page's own answer, not known here.
 */
export function isPageAddress(pathname: string): boolean {
  const [language, ...rest] = segments(pathname);
  if (!WEB_LANGUAGES.includes(language as (typeof WEB_LANGUAGES)[number])) return false;
  return Object.values(PAGE_ROUTES).some((pattern) => {
    const wanted = segments(pattern);
    return (
      wanted.length === rest.length &&
      wanted.every((part, i) => (part.startsWith(':') ? rest[i] !== '' : part === rest[i]))
    );
  });
}
