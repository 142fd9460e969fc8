/**
 * The minutes the steering groups have published, for everyone: the list, and one meeting's
 * minutes with who was there and what was decided, and the minutes to download.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { MeetingDetail, PublishedMinutesSummary } from '../../../contracts/meetings.js';
import { useApi } from '../../api.js';
import { Cell, DataTable, RowHeader } from '../../components/data-table.js';
import {
  DownloadButtons,
  SortHeaderRow,
  TablePagination,
  useTableState,
  type TableColumn,
} from '../../components/data-table/index.js';
import { Panel } from '../../components/layout.js';
import { AppLink, Breadcrumbs } from '../../components/links.js';
import { Localized, localizedText } from '../../components/localized.js';
import { Lead, PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { dayWithWeekday, dateTime } from '../../format.js';
import type { Language } from '../../i18n.js';
import { paths } from '../../paths.js';
import { PageState, SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import {
  AgendaItemView,
  AttendanceTables,
  DocumentLinks,
  MeetingFacts,
  RecordsTable,
  SignatoriesAndDistribution,
} from './meeting-parts.js';

const NO_MINUTES: PublishedMinutesSummary[] = [];

export function PublishedMinutesListPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['meetings', 'common']);
  usePageTitle(t('meetings:published.title'));
  const state = useApi<{ items: PublishedMinutesSummary[] }>('/api/v1/published-minutes', lang);
  const columns = useMemo(
    (): TableColumn<PublishedMinutesSummary>[] => [
      {
        key: 'number',
        header: t('meetings:meeting.number'),
        kind: 'text',
        value: (m) => t('meetings:published.linkLabel', { number: m.number }),
      },
      {
        key: 'group',
        header: t('meetings:published.group'),
        kind: 'text',
        value: (m) => localizedText(m.steeringGroupName, lang).text,
      },
      { key: 'date', header: t('meetings:meeting.date'), kind: 'date', value: (m) => m.date },
      { key: 'published', header: t('meetings:meeting.publishedAt'), kind: 'datetime', value: (m) => m.publishedAt },
    ],
    [t, lang],
  );
  // Newest meeting first (the API's order); a header sorts it otherwise.
  const table = useTableState({
    rows: state.data?.items ?? NO_MINUTES,
    columns,
    language: lang,
    defaultSort: { key: 'date', descending: true },
    pageSize: 25,
  });
  return (
    <>
      <PageHeading>{t('meetings:published.title')}</PageHeading>
      <Lead>{t('meetings:published.lead')}</Lead>
      <SectionState state={state}>
        {({ items }) =>
          items.length === 0 ? (
            <Paragraph>{t('meetings:published.none')}</Paragraph>
          ) : (
            <>
              <DataTable caption={t('meetings:published.caption', { count: items.length })}>
                <thead>
                  <SortHeaderRow table={table} />
                </thead>
                <tbody>
                  {table.pageRows.map((item) => (
                    <tr key={item.key}>
                      <RowHeader>
                        <AppLink to={paths.publishedMinutes(lang, item.key)}>
                          {t('meetings:published.linkLabel', { number: item.number })}
                        </AppLink>
                      </RowHeader>
                      <Cell>
                        <Localized value={item.steeringGroupName} language={lang} />
                      </Cell>
                      <Cell>{dayWithWeekday(item.date, lang)}</Cell>
                      <Cell>{item.publishedAt ? dateTime(item.publishedAt, lang) : ''}</Cell>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
              <TablePagination table={table} label={t('meetings:published.pages')} />
              <DownloadButtons table={table} fileName={t('meetings:published.fileName')} />
            </>
          )
        }
      </SectionState>
    </>
  );
}

export function PublishedMinutesPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const state = useApi<MeetingDetail>(`/api/v1/published-minutes/${encodeURIComponent(key)}`, lang);
  return <PageState state={state}>{(meeting) => <PublishedMinutesView meeting={meeting} lang={lang} />}</PageState>;
}

function PublishedMinutesView({ meeting, lang }: { meeting: MeetingDetail; lang: Language }) {
  const { t } = useTranslation(['meetings', 'common']);
  const group = localizedText(meeting.steeringGroupName, lang);
  const title = t('meetings:published.pageTitle', { number: meeting.number });
  usePageTitle(title);
  const records = meeting.items.flatMap((item) => item.records);
  return (
    <>
      <Breadcrumbs
        label={t('common:breadcrumbs')}
        items={[{ to: paths.publishedMinutesList(lang), label: t('meetings:published.title') }, { label: title }]}
      />
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <span lang={group.lang === lang ? undefined : group.lang}>{group.text}</span>
      </Paragraph>
      <MeetingFacts meeting={meeting} lang={lang} linkMeetings={false} />
      <Panel aria-labelledby="meeting-attendance">
        <SectionHeading id="meeting-attendance">{t('meetings:attendance.heading')}</SectionHeading>
        <AttendanceTables attendance={meeting.attendance} lang={lang} />
      </Panel>
      <Panel aria-labelledby="meeting-items">
        <SectionHeading id="meeting-items">{t('meetings:published.items')}</SectionHeading>
        {meeting.items.map((item) => (
          <AgendaItemView key={item.id} item={item} lang={lang} />
        ))}
        <SignatoriesAndDistribution meeting={meeting} lang={lang} />
      </Panel>
      {records.length > 0 ? (
        <Panel aria-labelledby="meeting-records">
          <SectionHeading id="meeting-records">{t('meetings:records.heading')}</SectionHeading>
          <RecordsTable
            records={records}
            caption={t('meetings:records.caption', { number: meeting.number })}
            lang={lang}
          />
        </Panel>
      ) : null}
      <DocumentLinks meeting={meeting} lang={lang} publicOnly />
    </>
  );
}
