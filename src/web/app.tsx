/**
 * Routes. The overview is the first page and comes with the main bundle; every other page is a chunk
 * of its own, loaded when first visited.
 */
import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { PAGE_ROUTES, type PageRoute } from '../contracts/web-pages.js';
import { GlobalStyle } from './components/global-style.js';
import { PrintStyle } from './components/print-style.js';
import { OverviewPage } from './features/overview/overview-page.js';
import { NotFoundPage } from './features/not-found/not-found-page.js';
import { LanguageRoot } from './shell/layout.js';
import { DEFAULT_LANGUAGE } from './i18n.js';
import { SessionProvider } from './shell/session.js';

const ThemePage = lazy(() => import('./features/themes/theme-page.js').then((m) => ({ default: m.ThemePage })));
const ProjectsPage = lazy(() =>
  import('./features/projects/projects-page.js').then((m) => ({ default: m.ProjectsPage })),
);
const ProjectPage = lazy(() => import('./features/projects/project-page.js').then((m) => ({ default: m.ProjectPage })));
const OrganisationsPage = lazy(() =>
  import('./features/organisations/organisations-page.js').then((m) => ({ default: m.OrganisationsPage })),
);
const OrganisationPage = lazy(() =>
  import('./features/organisations/organisation-page.js').then((m) => ({ default: m.OrganisationPage })),
);
const CallsPage = lazy(() => import('./features/calls/calls-page.js').then((m) => ({ default: m.CallsPage })));
const AboutPage = lazy(() => import('./features/about/about-page.js').then((m) => ({ default: m.AboutPage })));
const AccessibilityPage = lazy(() =>
  import('./features/about/accessibility-page.js').then((m) => ({ default: m.AccessibilityPage })),
);
const FinanceForm = lazy(() =>
  import('./features/editing/finance-form.js').then((m) => ({ default: m.FinanceFormPage })),
);
const CallForm = lazy(() => import('./features/editing/record-forms.js').then((m) => ({ default: m.CallFormPage })));
const ActivityFigureForm = lazy(() =>
  import('./features/editing/record-forms.js').then((m) => ({ default: m.ActivityFigureFormPage })),
);
const SteeringGroupsPage = lazy(() =>
  import('./features/meetings/steering-groups-page.js').then((m) => ({ default: m.SteeringGroupsPage })),
);
const SteeringGroupPage = lazy(() =>
  import('./features/meetings/steering-group-page.js').then((m) => ({ default: m.SteeringGroupPage })),
);
const MeetingPage = lazy(() => import('./features/meetings/meeting-page.js').then((m) => ({ default: m.MeetingPage })));
const PublishedMinutesListPage = lazy(() =>
  import('./features/meetings/published-minutes-pages.js').then((m) => ({ default: m.PublishedMinutesListPage })),
);
const PublishedMinutesPage = lazy(() =>
  import('./features/meetings/published-minutes-pages.js').then((m) => ({ default: m.PublishedMinutesPage })),
);
const AttendanceForm = lazy(() =>
  import('./features/meetings/attendance-form.js').then((m) => ({ default: m.AttendanceFormPage })),
);
const NewMember = lazy(() =>
  import('./features/meetings/membership-forms.js').then((m) => ({ default: m.NewMemberPage })),
);
const MemberForm = lazy(() =>
  import('./features/meetings/membership-forms.js').then((m) => ({ default: m.MemberFormPage })),
);
const MinutesEditor = lazy(() =>
  import('./features/meetings/minutes-editor.js').then((m) => ({ default: m.MinutesEditorPage })),
);
const NewMeetingForm = lazy(() =>
  import('./features/meetings/meeting-forms.js').then((m) => ({ default: m.NewMeetingPage })),
);
const MeetingForm = lazy(() =>
  import('./features/meetings/meeting-forms.js').then((m) => ({ default: m.MeetingFormPage })),
);
const NewAgendaItemForm = lazy(() =>
  import('./features/meetings/meeting-forms.js').then((m) => ({ default: m.NewAgendaItemPage })),
);
const AgendaItemForm = lazy(() =>
  import('./features/meetings/meeting-forms.js').then((m) => ({ default: m.AgendaItemFormPage })),
);
const NewActionItemForm = lazy(() =>
  import('./features/meetings/meeting-forms.js').then((m) => ({ default: m.NewActionItemPage })),
);
const PeriodsPage = lazy(() => import('./features/reports/periods-page.js').then((m) => ({ default: m.PeriodsPage })));
const ReportPage = lazy(() => import('./features/reports/report-page.js').then((m) => ({ default: m.ReportPage })));
const UsersPage = lazy(() => import('./features/users/users-page.js').then((m) => ({ default: m.UsersPage })));
const TasksPage = lazy(() => import('./features/tasks/tasks-page.js').then((m) => ({ default: m.TasksPage })));
const ReviewImportPage = lazy(() =>
  import('./features/admin/review-import-page.js').then((m) => ({ default: m.ReviewImportPage })),
);
const AuditPage = lazy(() => import('./features/admin/audit-page.js').then((m) => ({ default: m.AuditPage })));
const OrganisationForm = lazy(() =>
  import('./features/records/record-pages.js').then((m) => ({ default: m.OrganisationFormPage })),
);
const ProjectForm = lazy(() =>
  import('./features/records/record-pages.js').then((m) => ({ default: m.ProjectFormPage })),
);
const NewCallForm = lazy(() => import('./features/records/record-pages.js').then((m) => ({ default: m.NewCallPage })));
const KeyFiguresPage = lazy(() =>
  import('./features/key-figures/key-figures-page.js').then((m) => ({ default: m.KeyFiguresPage })),
);
const KeyFigureFactsPage = lazy(() =>
  import('./features/key-figures/facts-page.js').then((m) => ({ default: m.KeyFigureFactsPage })),
);
const KeyFiguresAcrossThemesPage = lazy(() =>
  import('./features/key-figures/across-themes-page.js').then((m) => ({ default: m.KeyFiguresAcrossThemesPage })),
);
const themeContent = () => import('./features/themes/theme-content-forms.js');
const NewContactForm = lazy(() => themeContent().then((m) => ({ default: m.NewContactPage })));
const ContactForm = lazy(() => themeContent().then((m) => ({ default: m.ContactFormPage })));
const NewContentAreaForm = lazy(() => themeContent().then((m) => ({ default: m.NewContentAreaPage })));
const ContentAreaForm = lazy(() => themeContent().then((m) => ({ default: m.ContentAreaFormPage })));
const NewThemeLinkForm = lazy(() => themeContent().then((m) => ({ default: m.NewThemeLinkPage })));
const ThemeLinkForm = lazy(() => themeContent().then((m) => ({ default: m.ThemeLinkFormPage })));
const AdminMailPage = lazy(() => import('./features/admin/mail-page.js').then((m) => ({ default: m.AdminMailPage })));
const MyMailPage = lazy(() => import('./features/users/my-mail-page.js').then((m) => ({ default: m.MyMailPage })));
const SearchPage = lazy(() => import('./features/search/search-page.js').then((m) => ({ default: m.SearchPage })));
const SignInPage = lazy(() => import('./features/sign-in/sign-in-page.js').then((m) => ({ default: m.SignInPage })));

/** Each page of the shared list (src/contracts/web-pages.ts), which the server's 404 knows too. */
const PAGES: Record<PageRoute, ReactNode> = {
  overview: <OverviewPage />,
  theme: <ThemePage />,
  projects: <ProjectsPage />,
  project: <ProjectPage />,
  organisations: <OrganisationsPage />,
  organisation: <OrganisationPage />,
  calls: <CallsPage />,
  search: <SearchPage />,
  about: <AboutPage />,
  accessibility: <AccessibilityPage />,
  signIn: <SignInPage />,
  users: <UsersPage />,
  tasks: <TasksPage />,
  financeForm: <FinanceForm />,
  keyFigures: <KeyFiguresPage />,
  keyFigureFacts: <KeyFigureFactsPage />,
  keyFiguresAcrossThemes: <KeyFiguresAcrossThemesPage />,
  callForm: <CallForm />,
  newCall: <NewCallForm />,
  activityFigureForm: <ActivityFigureForm />,
  newContact: <NewContactForm />,
  contactForm: <ContactForm />,
  newContentArea: <NewContentAreaForm />,
  contentAreaForm: <ContentAreaForm />,
  newThemeLink: <NewThemeLinkForm />,
  themeLinkForm: <ThemeLinkForm />,
  adminMail: <AdminMailPage />,
  myMail: <MyMailPage />,
  steeringGroups: <SteeringGroupsPage />,
  steeringGroup: <SteeringGroupPage />,
  newMeeting: <NewMeetingForm />,
  meeting: <MeetingPage />,
  meetingForm: <MeetingForm />,
  attendanceForm: <AttendanceForm />,
  minutesEditor: <MinutesEditor />,
  newMember: <NewMember />,
  memberForm: <MemberForm />,
  newAgendaItem: <NewAgendaItemForm />,
  newActionItem: <NewActionItemForm />,
  agendaItemForm: <AgendaItemForm />,
  publishedMinutesList: <PublishedMinutesListPage />,
  publishedMinutes: <PublishedMinutesPage />,
  reports: <PeriodsPage />,
  reviewImport: <ReviewImportPage />,
  report: <ReportPage />,
  audit: <AuditPage />,
  organisationForm: <OrganisationForm />,
  projectForm: <ProjectForm />,
};

export function App() {
  return (
    <SessionProvider>
      <GlobalStyle />
      <PrintStyle />
      <Routes>
        <Route path="/" element={<Navigate to={`/${DEFAULT_LANGUAGE}/`} replace />} />
        <Route path=":lang" element={<LanguageRoot />}>
          {(Object.keys(PAGE_ROUTES) as PageRoute[]).map((name) =>
            PAGE_ROUTES[name] === '' ? (
              <Route key={name} index element={PAGES[name]} />
            ) : (
              <Route key={name} path={PAGE_ROUTES[name]} element={PAGES[name]} />
            ),
          )}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}
