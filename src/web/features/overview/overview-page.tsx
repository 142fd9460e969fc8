/**
 * The first page: the themes with their four figures, how much of the frame is used and what is
 * left to reserve, the national totals, a chart and the same numbers as a table; filters by ministry
 * and specific objective kept in the address. `/api/v1/overview` sends a page of themes with only
 * what the table shows and the totals over all of them; beyond a page of 100, a link goes on.
 */
import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { Overview, OverviewTheme } from '../../../contracts/api.js';
import { query, useApi } from '../../api.js';
import { Cell, DataTable, RowHeader } from '../../components/data-table.js';
import { DownloadButtons, SortHeaderRow, useTableState, type TableColumn } from '../../components/data-table/index.js';
import { FigureChart } from '../../components/figure-chart.js';
import { Select } from '../../components/forms.js';
import { FilterFold } from '../../components/filter-fold.js';
import { Stat, StatList } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { localizedText, InFinnishMarker } from '../../components/localized.js';
import { Lead, PageHeading, SectionHeading, SmallText } from '../../components/typography.js';
import { decimal, euros, eurosOrUnknown, millions, percent } from '../../format.js';
import type { FigureTotal } from '../../../domain/finance.js';
import { MINISTRY_ABBREVIATION_KEYS, MINISTRY_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useQueryState } from '../../shell/query-state.js';

const MINISTRIES = ['TEM', 'OKM', 'STM'] as const;
/** The programme's specific objectives that have national themes. */
const SPECIFIC_OBJECTIVES = ['4.1', '4.2', '4.3', '5.1'] as const;

/** Themes per page of the table; the totals are always over every matching theme. */
const PAGE_SIZE = 100;
const NO_THEMES: OverviewTheme[] = [];

export function OverviewPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['overview', 'common']);
  usePageTitle(t('overview:title'));
  const [filters, setFilters] = useQueryState(['ministry', 'objective', 'cursor'] as const);
  const state = useApi<Overview>(
    `/api/v1/overview${query({ ministry: filters.ministry, specificObjective: filters.objective, cursor: filters.cursor, limit: PAGE_SIZE })}`,
    lang,
  );

  const columns = useMemo(
    (): TableColumn<OverviewTheme>[] => [
      { key: 'theme', header: t('overview:table.theme'), kind: 'text', value: (r) => localizedText(r.name, lang).text },
      {
        key: 'ministries',
        header: t('overview:table.ministries'),
        kind: 'text',
        value: (r) => r.ministries.map((m) => t(MINISTRY_ABBREVIATION_KEYS[m])).join(' ') || null,
      },
      ...(['frame', 'reserved', 'committed', 'paid'] as const).map((figure): TableColumn<OverviewTheme> => ({
        key: figure,
        header: t(`common:figures.${figure}`),
        kind: 'euros',
        value: (r) => r.finance?.[figure] ?? null,
        rounded: (r) => r.finance?.rounded[figure] ?? false,
      })),
      {
        key: 'reservedOfFrame',
        header: t('overview:table.reservedOfFrame'),
        kind: 'percent',
        value: (r) => r.finance?.reservedOfFrame ?? null,
      },
      {
        key: 'leftToReserve',
        header: t('common:figures.leftToReserve'),
        kind: 'euros',
        value: (r) => r.finance?.leftToReserve ?? null,
      },
    ],
    [t, lang],
  );
  const table = useTableState({ rows: state.data?.items ?? NO_THEMES, columns, language: lang });

  const money = (cents: number | null | undefined, rounded = false) =>
    eurosOrUnknown(cents, lang, t('common:notKnown'), rounded);

  return (
    <>
      <PageHeading>{t('overview:title')}</PageHeading>
      <Lead>{t('overview:lead')}</Lead>

      <form role="search" aria-label={t('overview:filters.label')} onSubmit={(event) => event.preventDefault()}>
        <FilterFold chosen={[filters.ministry, filters.objective].filter(Boolean).length}>
          <Select
            id="filter-ministry"
            label={t('overview:filters.ministry')}
            anyLabel={t('overview:filters.allMinistries')}
            value={filters.ministry}
            options={MINISTRIES.map((m) => ({ value: m, label: t(MINISTRY_KEYS[m]) }))}
            onChange={(value) => setFilters({ ministry: value, cursor: null })}
          />
          <Select
            id="filter-objective"
            label={t('overview:filters.objective')}
            anyLabel={t('overview:filters.allObjectives')}
            value={filters.objective}
            options={SPECIFIC_OBJECTIVES.map((o) => ({
              value: o,
              label: t('overview:filters.objectiveOption', { code: o }),
            }))}
            onChange={(value) => setFilters({ objective: value, cursor: null })}
          />
        </FilterFold>
      </form>

      <SectionState state={state}>
        {({ totals, page }) => {
          const totalText = (total: FigureTotal) => `${total.approximate ? '≈ ' : ''}${millions(total.cents, lang)}`;
          const totalCell = (total: FigureTotal) =>
            [`${total.approximate ? '≈ ' : ''}${euros(total.cents, lang)}`, unknownNote(total)]
              .filter(Boolean)
              .join(' – ');
          const unknownNote = (total: FigureTotal) =>
            total.unknown > 0 ? t('overview:totals.unknown', { count: total.unknown }) : undefined;
          // The chart follows the table's order (the API's, or the column a person sorted by).
          const withFinance = table.rows.filter((theme) => theme.finance);
          return (
            <>
              <p role="status">{t('overview:count', { count: page.total })}</p>
              <SectionHeading>{t('overview:totals.heading')}</SectionHeading>
              <StatList aria-label={t('overview:totals.heading')}>
                <Stat
                  label={t('common:figures.frame')}
                  value={totalText(totals.frame)}
                  detail={unknownNote(totals.frame) ?? euros(totals.frame.cents, lang)}
                />
                <Stat
                  label={t('common:figures.reserved')}
                  value={totalText(totals.reserved)}
                  detail={
                    totals.frame.cents
                      ? t('common:figures.ofFrame', {
                          value: percent(totals.reserved.cents / totals.frame.cents, lang),
                        })
                      : undefined
                  }
                />
                <Stat
                  label={t('common:figures.committed')}
                  value={totalText(totals.committed)}
                  detail={
                    totals.frame.cents
                      ? t('common:figures.ofFrame', {
                          value: percent(totals.committed.cents / totals.frame.cents, lang),
                        })
                      : undefined
                  }
                />
                <Stat
                  label={t('common:figures.paid')}
                  value={totalText(totals.paid)}
                  detail={
                    totals.committed.cents
                      ? t('common:figures.ofCommitted', {
                          value: percent(totals.paid.cents / totals.committed.cents, lang),
                        })
                      : undefined
                  }
                />
                <Stat
                  label={t('common:figures.leftToReserve')}
                  value={totalText({ ...totals.frame, cents: totals.frame.cents - totals.reserved.cents })}
                  detail={
                    unknownNote({
                      ...totals.frame,
                      unknown: Math.max(totals.frame.unknown, totals.reserved.unknown),
                    }) ?? euros(totals.frame.cents - totals.reserved.cents, lang)
                  }
                />
              </StatList>

              <SectionHeading>{t('overview:themes.heading')}</SectionHeading>
              {withFinance.length > 0 ? (
                <FigureChart
                  title={t('overview:chart.title')}
                  summary={t('overview:chart.summary', { count: withFinance.length })}
                  legend={{
                    frame: t('common:figures.frame'),
                    reserved: t('common:figures.reserved'),
                    committed: t('common:figures.committed'),
                    paid: t('common:figures.paid'),
                  }}
                  rows={withFinance.map((theme) => {
                    const name = localizedText(theme.name, lang);
                    return {
                      label: theme.shortName ?? name.text,
                      fullName: name.text,
                      lang: name.lang === lang ? undefined : name.lang,
                      href: paths.theme(lang, theme.slug),
                      frame: theme.finance!.frame,
                      reserved: theme.finance!.reserved,
                      committed: theme.finance!.committed,
                      paid: theme.finance!.paid,
                    };
                  })}
                  format={(cents) => millions(cents, lang)}
                  axisLabel={t('overview:chart.axis')}
                  formatTick={(value) => decimal(value, lang)}
                  unknown={t('common:notKnown')}
                />
              ) : null}
              <DataTable caption={t('overview:table.caption')}>
                <thead>
                  <SortHeaderRow table={table} />
                </thead>
                <tbody>
                  {table.pageRows.map((theme) => {
                    const name = localizedText(theme.name, lang);
                    const f = theme.finance;
                    return (
                      <tr key={theme.slug}>
                        <RowHeader>
                          <AppLink to={paths.theme(lang, theme.slug)} lang={name.lang === lang ? undefined : name.lang}>
                            {name.text}
                          </AppLink>
                          {name.lang === lang ? null : <InFinnishMarker />}
                          {f && f.warnings > 0 ? (
                            <SmallText>{t('overview:table.warnings', { count: f.warnings })}</SmallText>
                          ) : null}
                        </RowHeader>
                        <Cell>
                          {theme.ministries.map((m) => (
                            <abbr key={m} title={t(MINISTRY_KEYS[m])}>
                              {t(MINISTRY_ABBREVIATION_KEYS[m])}{' '}
                            </abbr>
                          ))}
                        </Cell>
                        <Cell numeric>{money(f?.frame, f?.rounded.frame)}</Cell>
                        <Cell numeric>{money(f?.reserved, f?.rounded.reserved)}</Cell>
                        <Cell numeric>{money(f?.committed, f?.rounded.committed)}</Cell>
                        <Cell numeric>{money(f?.paid, f?.rounded.paid)}</Cell>
                        <Cell numeric>
                          {f?.reservedOfFrame == null ? t('common:notKnown') : percent(f.reservedOfFrame, lang)}
                        </Cell>
                        <Cell numeric>{money(f?.leftToReserve)}</Cell>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <RowHeader colSpan={2}>{t('overview:table.total')}</RowHeader>
                    <Cell numeric>{totalCell(totals.frame)}</Cell>
                    <Cell numeric>{totalCell(totals.reserved)}</Cell>
                    <Cell numeric>{totalCell(totals.committed)}</Cell>
                    <Cell numeric>{totalCell(totals.paid)}</Cell>
                    <Cell numeric>
                      {totals.frame.cents
                        ? percent(totals.reserved.cents / totals.frame.cents, lang)
                        : t('common:notKnown')}
                    </Cell>
                    <Cell numeric>{euros(totals.frame.cents - totals.reserved.cents, lang)}</Cell>
                  </tr>
                </tfoot>
              </DataTable>
              <DownloadButtons table={table} fileName={t('overview:table.fileName')} />
              {page.nextCursor || filters.cursor ? (
                <nav aria-label={t('overview:pages.label')}>
                  {filters.cursor ? (
                    <AppLink
                      to={paths.overview(lang) + query({ ministry: filters.ministry, objective: filters.objective })}
                    >
                      {t('overview:pages.first')}
                    </AppLink>
                  ) : null}{' '}
                  {page.nextCursor ? (
                    <AppLink
                      to={
                        paths.overview(lang) +
                        query({ ministry: filters.ministry, objective: filters.objective, cursor: page.nextCursor })
                      }
                    >
                      {t('overview:pages.next')}
                    </AppLink>
                  ) : null}
                </nav>
              ) : null}
              <SmallText>{t('overview:table.roundedNote')}</SmallText>
            </>
          );
        }}
      </SectionState>
    </>
  );
}
