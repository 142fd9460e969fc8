/**
 * A theme's report for a period: the header from the data as of the cut-off (read-only), sections
 * 1–5 in textareas with the design system's character counter, section 6's links, section 7's
 * generated project list, autosave of drafts, the versions and a comparison of any two, and the
 * workflow by role: the coordinator submits; the theme's ministry returns it with comments on
 * sections or approves it; the coordinator sees the comments and submits again.
 *
 * The page loads the report and its period; the draft (use-report-draft.ts) holds what is typed and
 * sends it; the panels (report-editor-parts.tsx) draw it.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ApiError, fetchFresh } from '../../api.js';
import { ErrorNotice } from '../../components/feedback.js';
import { AppLink, Breadcrumbs } from '../../components/links.js';
import { localizedText } from '../../components/localized.js';
import { PageHeading, Paragraph } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { NotFoundPage } from '../not-found/not-found-page.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useSession } from '../../shell/session.js';
import { useEditGate } from '../editing/form-parts.js';
import {
  ReportActions,
  ReportFeedback,
  ReportHeaderPanel,
  ReportSectionPanel,
  ReportStatePanel,
  SaveStatusText,
} from './report-editor-parts.js';
import type { Report, ReportingPeriod } from './report-model.js';
import { ReportVersionsPanel } from './report-versions.js';
import { useReportDraft } from './use-report-draft.js';

export function ReportPage() {
  const { period = '', slug = '' } = useParams();
  const lang = useLanguage();
  const { t } = useTranslation(['reports', 'editing', 'common']);
  const { session, known } = useSession();
  // The answer remembers which report it is for: while another one loads, this one is not shown.
  const reportKey = `${period}/${slug}`;
  const [answer, setAnswer] = useState<{
    key: string;
    loaded: { report: Report; period: ReportingPeriod } | null;
    error: Error | null;
  } | null>(null);
  const loaded = answer?.key === reportKey ? answer.loaded : null;
  const error = answer?.key === reportKey ? answer.error : null;

  useEffect(() => {
    if (!session) return;
    let current = true;
    Promise.all([
      fetchFresh<Report>(
        `/api/v1/reporting-periods/${encodeURIComponent(period)}/themes/${encodeURIComponent(slug)}/report`,
        lang,
      ),
      fetchFresh<ReportingPeriod>(`/api/v1/reporting-periods/${encodeURIComponent(period)}`, lang),
    ]).then(
      ([report, periodData]) => {
        if (current) setAnswer({ key: reportKey, loaded: { report, period: periodData }, error: null });
      },
      (failure: unknown) => {
        if (current)
          setAnswer({
            key: reportKey,
            loaded: null,
            error: failure instanceof Error ? failure : new Error(String(failure)),
          });
      },
    );
    return () => {
      current = false;
    };
    // A language switch keeps what is being typed; the report is read again only for another one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [period, slug, session]);

  // Not found and not yours are said as such; otherwise the editing pages' gate (sign in, failed, loading).
  const missing = error instanceof ApiError && error.status === 404;
  const forbidden = error instanceof ApiError && error.status === 403;
  const gate = useEditGate({
    known,
    signedIn: !!session,
    loadError: missing || forbidden ? null : error,
    loaded: loaded !== null || missing || forbidden,
    lang,
  });
  if (gate)
    return (
      <Gate title={known && !session ? t('editing:signInNeeded.title') : error ? t('common:error.title') : null}>
        {gate}
      </Gate>
    );
  if (missing) return <NotFoundPage detail={t('common:notFound.record')} />;
  if (forbidden) {
    return (
      <Gate title={t('reports:forbidden.title')}>
        <PageHeading>{t('reports:forbidden.title')}</PageHeading>
        <ErrorNotice title={t('reports:forbidden.text')} />
      </Gate>
    );
  }
  if (!loaded) return null;
  return <ReportEditor key={loaded.report.id} initial={loaded.report} period={loaded.period} />;
}

/** Names the tab while the report itself cannot be shown. */
function Gate({ title, children }: { title: string | null; children: ReactNode }) {
  usePageTitle(title);
  return <>{children}</>;
}

function ReportEditor({ initial, period }: { initial: Report; period: ReportingPeriod }) {
  const lang = useLanguage();
  const { t } = useTranslation(['reports', 'common']);
  const draft = useReportDraft(initial);
  const { report } = draft;
  const themeName = localizedText(report.theme.name, lang);
  const periodTitle = localizedText(period.title, lang).text;
  const title = t('reports:report.title', { period: periodTitle, theme: themeName.text });
  usePageTitle(title);

  return (
    <>
      <Breadcrumbs
        label={t('common:breadcrumbs')}
        items={[
          { to: paths.reports(lang), label: t('reports:periods.title') },
          { label: periodTitle },
          { label: themeName.text },
        ]}
      />
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to={paths.theme(lang, report.theme.slug)}>
          {t('reports:report.toTheme', { theme: themeName.text })}
        </AppLink>
      </Paragraph>
      <ReportStatePanel draft={draft} lang={lang} />
      <ReportFeedback draft={draft} lang={lang} />
      <ReportHeaderPanel draft={draft} lang={lang} />
      {draft.editable ? (
        <Paragraph>
          <span role="status">
            <SaveStatusText status={draft.status} dirty={draft.dirty} lang={lang} />
          </span>
        </Paragraph>
      ) : null}
      {report.template.map((section) => (
        <ReportSectionPanel key={section.key} section={section} draft={draft} lang={lang} />
      ))}
      <ReportActions draft={draft} />
      <ReportVersionsPanel report={report} lang={lang} />
    </>
  );
}
