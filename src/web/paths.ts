/** The app's addresses. The language is the first segment: /fi/…, /sv/…, /en/…. */
import type { Language } from './i18n.js';

const segment = (value: string) => encodeURIComponent(value);

export const paths = {
  overview: (lang: Language) => `/${lang}/`,
  theme: (lang: Language, slug: string) => `/${lang}/themes/${segment(slug)}`,
  projects: (lang: Language, search = '') => `/${lang}/projects${search}`,
  project: (lang: Language, key: string) => `/${lang}/projects/${segment(key)}`,
  organisations: (lang: Language, search = '') => `/${lang}/organisations${search}`,
  organisation: (lang: Language, key: string) => `/${lang}/organisations/${segment(key)}`,
  calls: (lang: Language) => `/${lang}/calls`,
  search: (lang: Language, text = '') => `/${lang}/search${text ? `?q=${encodeURIComponent(text)}` : ''}`,
  about: (lang: Language) => `/${lang}/about`,
  accessibility: (lang: Language) => `/${lang}/accessibility`,
  signIn: (lang: Language) => `/${lang}/sign-in`,
  users: (lang: Language) => `/${lang}/users`,
  tasks: (lang: Language) => `/${lang}/tasks`,
  keyFigures: (lang: Language, slug: string) => `/${lang}/themes/${segment(slug)}/key-figures`,
  keyFigureFacts: (lang: Language, slug: string) => `/${lang}/themes/${segment(slug)}/key-figures/facts`,
  keyFiguresAcrossThemes: (lang: Language) => `/${lang}/key-figures`,
  financeForm: (lang: Language, slug: string) => `/${lang}/themes/${segment(slug)}/figures`,
  newCall: (lang: Language, themeSlug: string) => `/${lang}/themes/${segment(themeSlug)}/calls/new`,
  callForm: (lang: Language, key: string) => `/${lang}/calls/${segment(key)}/edit`,
  activityFigureForm: (lang: Language, id: number) => `/${lang}/activity-figures/${id}/edit`,
  newContact: (lang: Language, themeSlug: string) => `/${lang}/themes/${segment(themeSlug)}/contacts/new`,
  contactForm: (lang: Language, id: number) => `/${lang}/contacts/${id}/edit`,
  newContentArea: (lang: Language, themeSlug: string) => `/${lang}/themes/${segment(themeSlug)}/content-areas/new`,
  contentAreaForm: (lang: Language, id: number) => `/${lang}/content-areas/${id}/edit`,
  newThemeLink: (lang: Language, themeSlug: string) => `/${lang}/themes/${segment(themeSlug)}/links/new`,
  themeLinkForm: (lang: Language, id: number) => `/${lang}/theme-links/${id}/edit`,
  adminMail: (lang: Language) => `/${lang}/admin/outbox`,
  myMail: (lang: Language) => `/${lang}/me/mail`,
  steeringGroups: (lang: Language) => `/${lang}/steering-groups`,
  steeringGroup: (lang: Language, key: string) => `/${lang}/steering-groups/${segment(key)}`,
  newMember: (lang: Language, groupKey: string, capacity: string, seat?: number) =>
    `/${lang}/steering-groups/${segment(groupKey)}/members/new?capacity=${capacity}${seat ? `&seat=${seat}` : ''}`,
  memberForm: (lang: Language, id: number) => `/${lang}/steering-group-members/${id}/edit`,
  newMeeting: (lang: Language, groupKey: string) => `/${lang}/steering-groups/${segment(groupKey)}/meetings/new`,
  meeting: (lang: Language, key: string) => `/${lang}/meetings/${segment(key)}`,
  meetingForm: (lang: Language, key: string) => `/${lang}/meetings/${segment(key)}/edit`,
  attendanceForm: (lang: Language, key: string) => `/${lang}/meetings/${segment(key)}/attendance`,
  minutesEditor: (lang: Language, key: string) => `/${lang}/meetings/${segment(key)}/minutes`,
  newAgendaItem: (lang: Language, meetingKey: string) => `/${lang}/meetings/${segment(meetingKey)}/items/new`,
  agendaItemForm: (lang: Language, id: number) => `/${lang}/agenda-items/${id}/edit`,
  newActionItem: (lang: Language, meetingKey: string, item: number) =>
    `/${lang}/meetings/${segment(meetingKey)}/items/${item}/actions/new`,
  publishedMinutesList: (lang: Language) => `/${lang}/minutes`,
  publishedMinutes: (lang: Language, key: string) => `/${lang}/minutes/${segment(key)}`,
  reports: (lang: Language) => `/${lang}/reports`,
  reviewImport: (lang: Language, period: string) => `/${lang}/reports/${segment(period)}/import`,
  audit: (lang: Language) => `/${lang}/audit`,
  organisationForm: (lang: Language, key: string) => `/${lang}/organisations/${segment(key)}/edit`,
  projectForm: (lang: Language, key: string) => `/${lang}/projects/${segment(key)}/edit`,
  report: (lang: Language, period: string, slug: string) => `/${lang}/reports/${segment(period)}/${segment(slug)}`,
};

/** The same page in another language. */
export function inLanguage(pathname: string, search: string, lang: Language): string {
  const rest = pathname.replace(/^\/(fi|sv|en)(?=\/|$)/, '');
  return `/${lang}${rest || '/'}${search}`;
}
