/**
 * Calls for proposals: the open and coming calls first, a calendar of the months of a year with the
 * calls open in each, and the list of every call with its money and counts.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../contracts/api.js';
import { useApi } from '../../api.js';
import { Cell, DataTable, RowHeader } from '../../components/data-table.js';
import {
  DownloadButtons,
  SortHeaderRow,
  TablePagination,
  useTableState,
  type TableColumn,
} from '../../components/data-table/index.js';
import { Select } from '../../components/forms.js';
import { Badge, Panel, PlainList } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { Localized, localizedText } from '../../components/localized.js';
import { Lead, PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { formatAmount } from '../../../domain/money.js';
import { integer, partialDate } from '../../format.js';
import { CALL_KIND_KEYS, keyOf } from '../../labels.js';
import { paths } from '../../paths.js';
import { SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useQueryState } from '../../shell/query-state.js';
import type { Language } from '../../i18n.js';
import { helsinkiDate } from '../../../domain/helsinki-time.js';
import { callStatus, dateBound, openDuring, type CallStatus } from '../../../domain/calls.js';

// Where a call stands today and which months it is open in: the domain's rules, as the API's.
const stateOf = (call: Call, today: string): CallStatus => callStatus(call, today);

const STATE_KEYS: Record<CallStatus, string> = {
  open: 'calls:state.open',
  upcoming: 'calls:state.coming',
  closed: 'calls:state.closed',
  closing_unknown: 'calls:state.closingUnknown',
  unknown: 'calls:state.unknown',
};

/** Calls per page of the list; the download has every call. */
const PAGE_SIZE = 25;
const NO_CALLS: Call[] = [];

export function CallsPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['calls', 'common']);
  usePageTitle(t('calls:title'));
  const state = useApi<{ items: Call[] }>('/api/v1/calls', lang);
  const [params, setParams] = useQueryState(['year'] as const);
  const today = helsinkiDate(new Date());
  const columns = useMemo(
    (): TableColumn<Call>[] => [
      { key: 'name', header: t('calls:list.name'), kind: 'text', value: (c) => localizedText(c.name, lang).text },
      {
        key: 'theme',
        header: t('calls:list.theme'),
        kind: 'text',
        value: (c) => localizedText(c.theme.name, lang).text,
      },
      {
        key: 'kind',
        header: t('calls:list.kind'),
        kind: 'text',
        value: (c) => t(keyOf(CALL_KIND_KEYS, c.kind) ?? 'calls:kind.other'),
      },
      { key: 'opens', header: t('calls:list.opens'), kind: 'date', value: (c) => c.opens },
      { key: 'closes', header: t('calls:list.closes'), kind: 'date', value: (c) => c.closes },
      { key: 'state', header: t('calls:list.state'), kind: 'text', value: (c) => t(STATE_KEYS[stateOf(c, today)]) },
      { key: 'applications', header: t('calls:list.applications'), kind: 'integer', value: (c) => c.applications },
      { key: 'funded', header: t('calls:list.funded'), kind: 'integer', value: (c) => c.fundedEntities },
      {
        key: 'granted',
        header: t('calls:list.granted'),
        kind: 'euros',
        value: (c) => c.granted,
        rounded: (c) => c.precision.granted !== 'exact',
      },
    ],
    [t, lang, today],
  );
  const table = useTableState({ rows: state.data?.items ?? NO_CALLS, columns, language: lang, pageSize: PAGE_SIZE });
  return (
    <>
      <PageHeading>{t('calls:title')}</PageHeading>
      <Lead>{t('calls:lead')}</Lead>
      <SectionState state={state}>
        {({ items }) => {
          const current = items.filter((call) => ['open', 'upcoming'].includes(stateOf(call, today)));
          const years = [
            ...new Set(
              items
                .flatMap((call) => [call.opens, call.closes])
                .filter((d): d is string => !!d)
                .map((d) => d.slice(0, 4)),
            ),
          ].sort();
          const year =
            params.year && years.includes(params.year)
              ? params.year
              : ((years.includes(today.slice(0, 4)) ? today.slice(0, 4) : years.at(-1)) ?? today.slice(0, 4));
          return (
            <>
              <Panel aria-labelledby="calls-current">
                <SectionHeading id="calls-current">{t('calls:current.heading')}</SectionHeading>
                {current.length === 0 ? (
                  <Paragraph>{t('calls:current.none', { date: partialDate(today, lang) })}</Paragraph>
                ) : (
                  <PlainList>
                    {current.map((call) => (
                      <li key={call.key}>
                        <Localized value={call.name} language={lang} />{' '}
                        <Badge $tone="info">{t(STATE_KEYS[stateOf(call, today)])}</Badge> –{' '}
                        {call.opens ? partialDate(call.opens, lang) : ''} –{' '}
                        {call.closes ? partialDate(call.closes, lang) : ''}
                      </li>
                    ))}
                  </PlainList>
                )}
              </Panel>
              <Panel aria-labelledby="calls-calendar">
                <SectionHeading id="calls-calendar">{t('calls:calendar.heading', { year })}</SectionHeading>
                {years.length > 1 ? (
                  <Select
                    id="calendar-year"
                    label={t('calls:calendar.year')}
                    value={year}
                    options={years.map((y) => ({ value: y, label: y }))}
                    onChange={(value) => setParams({ year: value })}
                  />
                ) : null}
                <Calendar calls={items} year={year} lang={lang} />
              </Panel>
              <SectionHeading>{t('calls:list.heading')}</SectionHeading>
              <DataTable caption={t('calls:list.caption', { count: items.length })}>
                <thead>
                  <SortHeaderRow table={table} />
                </thead>
                <tbody>
                  {table.pageRows.map((call) => {
                    const themeName = localizedText(call.theme.name, lang);
                    return (
                      <tr key={call.key}>
                        <RowHeader>
                          <Localized value={call.name} language={lang} />
                        </RowHeader>
                        <Cell>
                          <AppLink
                            to={paths.theme(lang, call.theme.slug)}
                            lang={themeName.lang === lang ? undefined : themeName.lang}
                          >
                            {themeName.text}
                          </AppLink>
                        </Cell>
                        <Cell>{t(keyOf(CALL_KIND_KEYS, call.kind) ?? 'calls:kind.other')}</Cell>
                        <Cell>{call.opens ? partialDate(call.opens, lang) : t('common:notKnown')}</Cell>
                        <Cell>{call.closes ? partialDate(call.closes, lang) : t('common:notKnown')}</Cell>
                        <Cell>{t(STATE_KEYS[stateOf(call, today)])}</Cell>
                        <Cell numeric>
                          {call.applications === null ? t('common:notKnown') : integer(call.applications, lang)}
                        </Cell>
                        <Cell numeric>
                          {call.fundedEntities === null ? t('common:notKnown') : integer(call.fundedEntities, lang)}
                        </Cell>
                        <Cell numeric>
                          {call.granted === null
                            ? t('common:notKnown')
                            : formatAmount(call.granted, lang, call.precision.granted, call.asWritten.granted)}
                        </Cell>
                      </tr>
                    );
                  })}
                </tbody>
              </DataTable>
              <TablePagination table={table} label={t('calls:list.pages')} />
              <DownloadButtons table={table} fileName={t('calls:list.fileName')} />
            </>
          );
        }}
      </SectionState>
    </>
  );
}

/** Twelve months, each with the calls open during it: a list of lists, which reads well aloud. */
function Calendar({ calls, year, lang }: { calls: Call[]; year: string; lang: Language }) {
  const { t } = useTranslation(['calls']);
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : `${lang}-FI`, { month: 'long', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(year), month, 1)),
    );
  return (
    <ol aria-label={t('calls:calendar.heading', { year })}>
      {Array.from({ length: 12 }, (_, month) => {
        const first = `${year}-${String(month + 1).padStart(2, '0')}-01`;
        const last = dateBound(`${year}-${String(month + 1).padStart(2, '0')}`, true)!;
        const open = calls.filter((call) => openDuring(call, first, last));
        return (
          <li key={month}>
            <strong>{monthName(month)}</strong>
            {open.length === 0 ? (
              <span> – {t('calls:calendar.none')}</span>
            ) : (
              <ul>
                {open.map((call) => (
                  <li key={call.key}>
                    <Localized value={call.name} language={lang} />
                    {call.opens && call.opens >= first && call.opens <= last
                      ? ` (${t('calls:calendar.opens', { date: partialDate(call.opens, lang) })})`
                      : ''}
                    {call.closes && call.closes >= first && call.closes <= last
                      ? ` (${t('calls:calendar.closes', { date: partialDate(call.closes, lang) })})`
                      : ''}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
