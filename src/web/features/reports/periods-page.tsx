/**
 * Reporting periods: each with its cut-off and deadline and the reports the user may open. The
 * managing authority and the ministries also see every theme's report state at a glance, with the
 * compiled review; the managing authority reminds the themes whose report is not in.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZOutboxMessage, ZPeriodStatus } from '../../../contracts/reports.js';
import { ApiError, sendApi, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { ErrorNotice, Note } from '../../components/feedback.js';
import { Button } from '../../components/forms.js';
import { Badge, Fact, FactList, Panel, PlainList, Toolbar } from '../../components/layout.js';
import { AppLink, PlainLink } from '../../components/links.js';
import { Localized, localizedText } from '../../components/localized.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { dateTime, integer, partialDate } from '../../format.js';
import type { Language } from '../../i18n.js';
import { DOCUMENT_KIND_KEYS, keyOf, REPORT_STATE_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { PageState, SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayAnywhere, useSession } from '../../shell/session.js';
import { useEditGate } from '../editing/form-parts.js';
import { OpenPeriodForm, PeriodSettings } from '../admin/period-forms.js';
import { ImportCheckReport } from './import-check-report.js';
import type { ReportingPeriod } from './report-model.js';

type PeriodStatus = z.infer<typeof ZPeriodStatus>;
type OutboxMessage = z.infer<typeof ZOutboxMessage>;

const STATE_TONE = { draft: 'neutral', submitted: 'info', returned: 'warning', approved: 'success' } as const;

export function PeriodsPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['reports', 'common']);
  const { session, known } = useSession();
  // A change of a period empties the answer cache; drawing again reads the periods anew.
  const [, redraw] = useState(0);
  const changed = () => redraw((n) => n + 1);
  usePageTitle(t('reports:periods.title'));
  const periods = useApi<{ items: ReportingPeriod[] }>(session ? '/api/v1/reporting-periods' : null, lang);
  // Signed out: the editing pages' way to sign in (the periods themselves say how they load).
  const gate = useEditGate({ known, signedIn: !!session, loadError: null, loaded: true, lang });
  if (gate) return gate;
  return (
    <PageState state={periods}>
      {({ items }) => (
        <>
          <PageHeading>{t('reports:periods.title')}</PageHeading>
          <Paragraph>{t('reports:periods.lead')}</Paragraph>
          {mayAnywhere(session, 'review.manage') ? <OpenPeriodForm onOpened={changed} /> : null}
          {items.length === 0 ? <Paragraph>{t('reports:periods.none')}</Paragraph> : null}
          {items.map((period) => (
            <PeriodPanel key={period.key} period={period} lang={lang} onChanged={changed} />
          ))}
        </>
      )}
    </PageState>
  );
}

function PeriodPanel({ period, lang, onChanged }: { period: ReportingPeriod; lang: Language; onChanged: () => void }) {
  const { t } = useTranslation(['reports', 'common']);
  const { session } = useSession();
  const headingId = `period-${period.key}`;
  const readable = period.themes.filter((theme) => theme.reportId !== null);
  return (
    <Panel aria-labelledby={headingId}>
      <SectionHeading id={headingId}>
        <Localized value={period.title} language={lang} />
      </SectionHeading>
      <FactList>
        <Fact label={t('reports:periods.kind')}>{t(keyOf(DOCUMENT_KIND_KEYS, period.kind) ?? 'common:notKnown')}</Fact>
        <Fact label={t('reports:periods.cutOff')}>
          {period.cutOff ? partialDate(period.cutOff, lang) : t('common:notKnown')}
        </Fact>
        <Fact label={t('reports:periods.deadline')}>
          {period.deadline ? partialDate(period.deadline, lang) : t('common:notKnown')}
        </Fact>
        <Fact label={t('reports:periods.themes')}>{integer(period.themes.length, lang)}</Fact>
      </FactList>
      {mayAnywhere(session, 'review.manage') ? <PeriodSettings period={period} onChanged={onChanged} /> : null}
      {mayAnywhere(session, 'review.read') ? (
        <StatusTable period={period} lang={lang} />
      ) : readable.length > 0 ? (
        <>
          <SectionHeading level={3}>{t('reports:periods.yourReports')}</SectionHeading>
          <PlainList>
            {readable.map((theme) => (
              <li key={theme.slug}>
                <AppLink to={paths.report(lang, period.key, theme.slug)}>
                  {t('reports:periods.open', { theme: localizedText(theme.name, lang).text })}
                </AppLink>
              </li>
            ))}
          </PlainList>
        </>
      ) : (
        <Paragraph>{t('reports:periods.noneYours')}</Paragraph>
      )}
    </Panel>
  );
}

function StatusTable({ period, lang }: { period: ReportingPeriod; lang: Language }) {
  const { t } = useTranslation(['reports', 'common']);
  const { session } = useSession();
  // A reminder (a write) empties the answer cache, so the table is read again with its dates.
  const status = useApi<PeriodStatus>(`/api/v1/reporting-periods/${encodeURIComponent(period.key)}/status`, lang);
  const [sent, setSent] = useState<OutboxMessage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const section = (key: string) => period.sections.find((s) => s.key === key)?.number ?? key;

  async function remind() {
    setBusy(true);
    setError(null);
    try {
      const { data } = await sendApi<{ messages: OutboxMessage[] }>(
        'POST',
        `/api/v1/reporting-periods/${encodeURIComponent(period.key)}/reminders`,
        {},
        { language: lang, csrfToken: session?.csrfToken },
      );
      setSent(data.messages);
    } catch (failure) {
      setError(failure instanceof ApiError ? (failure.problem?.detail ?? failure.message) : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SectionState state={status}>
      {(data) => (
        <>
          <Paragraph>
            {t('reports:status.counts', {
              draft: data.counts.draft ?? 0,
              submitted: data.counts.submitted ?? 0,
              returned: data.counts.returned ?? 0,
              approved: data.counts.approved ?? 0,
            })}
          </Paragraph>
          <DataTable caption={t('reports:status.caption', { period: localizedText(period.title, lang).text })}>
            <thead>
              <tr>
                <ColumnHeader>{t('reports:status.theme')}</ColumnHeader>
                <ColumnHeader>{t('reports:status.state')}</ColumnHeader>
                <ColumnHeader numeric>{t('reports:status.version')}</ColumnHeader>
                <ColumnHeader>{t('reports:status.updated')}</ColumnHeader>
                <ColumnHeader>{t('reports:status.open')}</ColumnHeader>
                <ColumnHeader>{t('reports:status.reminded')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {data.themes.map((theme) => {
                const name = localizedText(theme.name, lang);
                const reportId = period.themes.find((p) => p.slug === theme.slug)?.reportId ?? null;
                return (
                  <tr key={theme.slug}>
                    <RowHeader lang={name.lang === lang ? undefined : name.lang}>
                      {reportId !== null ? (
                        <AppLink to={paths.report(lang, period.key, theme.slug)}>{name.text}</AppLink>
                      ) : (
                        name.text
                      )}
                    </RowHeader>
                    <Cell>
                      {theme.state ? (
                        <Badge $tone={STATE_TONE[theme.state]}>{t(REPORT_STATE_KEYS[theme.state])}</Badge>
                      ) : (
                        t('common:notKnown')
                      )}
                      {theme.submissions > 1 ? ` ${t('reports:report.resubmitted', { count: theme.submissions })}` : ''}
                    </Cell>
                    <Cell numeric>{theme.version ?? '–'}</Cell>
                    <Cell>{theme.updatedAt ? dateTime(theme.updatedAt, lang) : '–'}</Cell>
                    <Cell>
                      {[
                        theme.sectionsEmpty.length > 0
                          ? t('reports:status.empty', { sections: theme.sectionsEmpty.map(section).join(', ') })
                          : null,
                        theme.sectionsOverLimit.length > 0
                          ? t('reports:status.overLimit', { sections: theme.sectionsOverLimit.map(section).join(', ') })
                          : null,
                      ]
                        .filter(Boolean)
                        .join('; ') || '–'}
                    </Cell>
                    <Cell>{theme.lastReminderAt ? dateTime(theme.lastReminderAt, lang) : '–'}</Cell>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          {period.kind === 'review' ? (
            <Paragraph>
              {t('reports:status.review')}{' '}
              <PlainLink href={`/api/v1/reporting-periods/${encodeURIComponent(period.key)}/review.html`}>
                HTML
              </PlainLink>
              {', '}
              <PlainLink href={`/api/v1/reporting-periods/${encodeURIComponent(period.key)}/review.docx`}>
                Word (.docx)
              </PlainLink>
              {', '}
              <PlainLink href={`/api/v1/reporting-periods/${encodeURIComponent(period.key)}/review.pdf`}>PDF</PlainLink>
            </Paragraph>
          ) : null}
          {mayAnywhere(session, 'review.manage') ? <ImportCheckReport periodKey={period.key} /> : null}
          {mayAnywhere(session, 'review.manage') ? (
            <>
              <SectionHeading level={3} id={`remind-${period.key}`}>
                {t('reports:remind.heading')}
              </SectionHeading>
              <Paragraph>
                {t('reports:remind.text', {
                  deadline: period.deadline ? partialDate(period.deadline, lang) : t('common:notKnown'),
                })}
              </Paragraph>
              <Toolbar>
                <Button onClick={() => void remind()} disabled={busy}>
                  {t('reports:remind.send')}
                </Button>
              </Toolbar>
              <div aria-live="polite">
                {sent ? (
                  <Note title={t('reports:remind.sent', { count: new Set(sent.map((message) => message.theme)).size })}>
                    {t('reports:remind.outbox', { messages: sent.length })}
                  </Note>
                ) : null}
                {error ? <ErrorNotice title={t('reports:remind.failed')}>{error}</ErrorNotice> : null}
              </div>
            </>
          ) : null}
        </>
      )}
    </SectionState>
  );
}
