/**
 * Routes. The overview is the first page and comes with the main bundle; every other page is a chunk
 * of its own, loaded when first visited.
 */
import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
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
const SearchPage = lazy(() => import('./features/search/search-page.js').then((m) => ({ default: m.SearchPage })));
const SignInPage = lazy(() => import('./features/sign-in/sign-in-page.js').then((m) => ({ default: m.SignInPage })));

export function App() {
  return (
    <SessionProvider>
      <GlobalStyle />
      <PrintStyle />
      <Routes>
        <Route path="/" element={<Navigate to={`/${DEFAULT_LANGUAGE}/`} replace />} />
        <Route path=":lang" element={<LanguageRoot />}>
          <Route index element={<OverviewPage />} />
          <Route path="themes/:slug" element={<ThemePage />} />
          <Route path="projects" element={<ProjectsPage />} />
          <Route path="projects/:key" element={<ProjectPage />} />
          <Route path="organisations" element={<OrganisationsPage />} />
          <Route path="organisations/:key" element={<OrganisationPage />} />
          <Route path="calls" element={<CallsPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="about" element={<AboutPage />} />
          <Route path="accessibility" element={<AccessibilityPage />} />
          <Route path="sign-in" element={<SignInPage />} />
          <Route path="users" element={<UsersPage />} />
          <Route path="tasks" element={<TasksPage />} />
          <Route path="themes/:slug/figures" element={<FinanceForm />} />
          <Route path="themes/:slug/key-figures" element={<KeyFiguresPage />} />
          <Route path="themes/:slug/key-figures/facts" element={<KeyFigureFactsPage />} />
          <Route path="key-figures" element={<KeyFiguresAcrossThemesPage />} />
          <Route path="calls/:key/edit" element={<CallForm />} />
          <Route path="themes/:slug/calls/new" element={<NewCallForm />} />
          <Route path="activity-figures/:id/edit" element={<ActivityFigureForm />} />
          <Route path="steering-groups" element={<SteeringGroupsPage />} />
          <Route path="steering-groups/:key" element={<SteeringGroupPage />} />
          <Route path="steering-groups/:key/meetings/new" element={<NewMeetingForm />} />
          <Route path="meetings/:key" element={<MeetingPage />} />
          <Route path="meetings/:key/edit" element={<MeetingForm />} />
          <Route path="meetings/:key/attendance" element={<AttendanceForm />} />
          <Route path="meetings/:key/minutes" element={<MinutesEditor />} />
          <Route path="steering-groups/:key/members/new" element={<NewMember />} />
          <Route path="steering-group-members/:id/edit" element={<MemberForm />} />
          <Route path="meetings/:key/items/new" element={<NewAgendaItemForm />} />
          <Route path="meetings/:key/items/:item/actions/new" element={<NewActionItemForm />} />
          <Route path="agenda-items/:id/edit" element={<AgendaItemForm />} />
          <Route path="minutes" element={<PublishedMinutesListPage />} />
          <Route path="minutes/:key" element={<PublishedMinutesPage />} />
          <Route path="reports" element={<PeriodsPage />} />
          <Route path="reports/:period/import" element={<ReviewImportPage />} />
          <Route path="reports/:period/:slug" element={<ReportPage />} />
          <Route path="audit" element={<AuditPage />} />
          <Route path="organisations/:key/edit" element={<OrganisationForm />} />
          <Route path="projects/:key/edit" element={<ProjectForm />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}
