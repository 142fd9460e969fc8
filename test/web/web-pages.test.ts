/**
 * The page list the router and the server share: every address the app links to is one of its pages
 * (else the server would answer it 404), and addresses that are none of them are not.
 */
import { describe, expect, it } from 'vitest';
import { isPageAddress, PAGE_ROUTES } from '../../src/contracts/web-pages.js';
import { paths } from '../../src/web/paths.js';

describe('the page list', () => {
  it('holds every address the app builds, in every language', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const built = [
        paths.overview(lang),
        paths.theme(lang, 'lanupe'),
        paths.projects(lang, '?theme=lanupe'),
        paths.project(lang, 'lanupe-knot'),
        paths.organisations(lang),
        paths.organisation(lang, 'ääkköset oy'),
        paths.calls(lang),
        paths.search(lang, 'hyvinvointi'),
        paths.about(lang),
        paths.accessibility(lang),
        paths.signIn(lang),
        paths.users(lang),
        paths.tasks(lang),
        paths.keyFigures(lang, 'lanupe'),
        paths.keyFigureFacts(lang, 'lanupe'),
        paths.keyFiguresAcrossThemes(lang),
        paths.financeForm(lang, 'lanupe'),
        paths.newCall(lang, 'lanupe'),
        paths.callForm(lang, 'lanupe-haku'),
        paths.activityFigureForm(lang, 3),
        paths.newContact(lang, 'lanupe'),
        paths.contactForm(lang, 6),
        paths.newContentArea(lang, 'lanupe'),
        paths.contentAreaForm(lang, 7),
        paths.newThemeLink(lang, 'lanupe'),
        paths.themeLinkForm(lang, 8),
        paths.adminMail(lang),
        paths.myMail(lang),
        paths.steeringGroups(lang),
        paths.steeringGroup(lang, 'lanupe-johtoryhma'),
        paths.newMember(lang, 'lanupe-johtoryhma', 'deputy', 2),
        paths.memberForm(lang, 4),
        paths.newMeeting(lang, 'lanupe-johtoryhma'),
        paths.meeting(lang, 'm-1'),
        paths.meetingForm(lang, 'm-1'),
        paths.attendanceForm(lang, 'm-1'),
        paths.minutesEditor(lang, 'm-1'),
        paths.newAgendaItem(lang, 'm-1'),
        paths.agendaItemForm(lang, 5),
        paths.newActionItem(lang, 'm-1', 2),
        paths.publishedMinutesList(lang),
        paths.publishedMinutes(lang, 'm-1'),
        paths.reports(lang),
        paths.reviewImport(lang, '2024'),
        paths.audit(lang),
        paths.organisationForm(lang, 'x'),
        paths.projectForm(lang, 'x'),
        paths.report(lang, '2024', 'lanupe'),
      ];
      expect(built.length).toBe(Object.keys(PAGE_ROUTES).length);
      for (const address of built) expect(isPageAddress(address.split('?')[0]!), address).toBe(true);
    }
  });

  it('takes the language root with or without its slash', () => {
    expect(isPageAddress('/fi')).toBe(true);
    expect(isPageAddress('/sv/')).toBe(true);
    expect(isPageAddress('/en/themes/lanupe/')).toBe(true);
  });

  it('refuses what is not a page', () => {
    for (const address of [
      '/',
      '/de/',
      '/fi/no-such-page',
      '/fi/themes',
      '/fi/themes/lanupe/no/such',
      '/fi/projects/x/y',
      '/fi/reports/2024/lanupe/extra',
      '/fix/themes/lanupe',
      '/api/v1/themes',
    ])
      expect(isPageAddress(address), address).toBe(false);
  });
});
