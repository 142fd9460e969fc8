/**
 * The first page: every theme with its four figures, how much of the frame is used and what is
 * left to reserve, the totals, a chart and the same numbers as a table; filters by ministry and
 * specific objective kept in the address.
 */
import { useTranslation } from 'react-i18next';
import type { ThemeSummary } from '../../../contracts/api.js';
import { query, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { FigureChart } from '../../components/figure-chart.js';
import { FilterGrid, Select } from '../../components/forms.js';
import { Stat, StatList } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { localizedText } from '../../components/localized.js';
import { Lead, PageHeading, SectionHeading, SmallText } from '../../components/typography.js';
import { euros, eurosOrUnknown, millions, percent } from '../../format.js';
import { MINISTRY_ABBREVIATION_KEYS, MINISTRY_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useQueryState } from '../../shell/query-state.js';

const MINISTRIES = ['TEM', 'OKM', 'STM'] as const;
/** The programme's specific objectives that have national themes. */
const SPECIFIC_OBJECTIVES = ['4.1', '4.2', '4.3', '5.1'] as const;

type Totals = { frame: number; reserved: number; committed: number; paid: number; leftToReserve: number };

function totalsOf(themes: ThemeSummary[]): Totals {
  const totals: Totals = { frame: 0, reserved: 0, committed: 0, paid: 0, leftToReserve: 0 };
  for (const theme of themes) {
    const f = theme.finance;
    if (!f) continue;
    totals.frame += f.frame ?? 0;
    totals.reserved += f.reserved ?? 0;
    totals.committed += f.committed ?? 0;
    totals.paid += f.paid ?? 0;
    totals.leftToReserve += f.utilisation.leftToReserve ?? 0;
  }
  return totals;
}

export function OverviewPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['overview', 'common']);
  usePageTitle(t('overview:title'));
  const [filters, setFilters] = useQueryState(['ministry', 'objective'] as const);
  const state = useApi<{ items: ThemeSummary[] }>(
    `/api/v1/themes${query({ ministry: filters.ministry, specificObjective: filters.objective })}`,
    lang,
  );

  const money = (cents: number | null | undefined, rounded = false) =>
    eurosOrUnknown(cents, lang, t('common:notKnown'), rounded);

  return (
    <>
      <PageHeading>{t('overview:title')}</PageHeading>
      <Lead>{t('overview:lead')}</Lead>

      <form role="search" aria-label={t('overview:filters.label')} onSubmit={(event) => event.preventDefault()}>
        <FilterGrid>
          <Select
            id="filter-ministry"
            label={t('overview:filters.ministry')}
            anyLabel={t('overview:filters.allMinistries')}
            value={filters.ministry}
            options={MINISTRIES.map((m) => ({ value: m, label: t(MINISTRY_KEYS[m]) }))}
            onChange={(value) => setFilters({ ministry: value })}
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
            onChange={(value) => setFilters({ objective: value })}
          />
        </FilterGrid>
      </form>

      <SectionState state={state}>
        {({ items }) => {
          const totals = totalsOf(items);
          const withFinance = items.filter((theme) => theme.finance);
          return (
            <>
              <p role="status">{t('overview:count', { count: items.length })}</p>
              <SectionHeading>{t('overview:totals.heading')}</SectionHeading>
              <StatList aria-label={t('overview:totals.heading')}>
                <Stat
                  label={t('common:figures.frame')}
                  value={millions(totals.frame, lang)}
                  detail={euros(totals.frame, lang)}
                />
                <Stat
                  label={t('common:figures.reserved')}
                  value={millions(totals.reserved, lang)}
                  detail={
                    totals.frame
                      ? t('common:figures.ofFrame', { value: percent(totals.reserved / totals.frame, lang) })
                      : undefined
                  }
                />
                <Stat
                  label={t('common:figures.committed')}
                  value={millions(totals.committed, lang)}
                  detail={
                    totals.frame
                      ? t('common:figures.ofFrame', { value: percent(totals.committed / totals.frame, lang) })
                      : undefined
                  }
                />
                <Stat
                  label={t('common:figures.paid')}
                  value={millions(totals.paid, lang)}
                  detail={
                    totals.committed
                      ? t('common:figures.ofCommitted', { value: percent(totals.paid / totals.committed, lang) })
                      : undefined
                  }
                />
                <Stat
                  label={t('common:figures.leftToReserve')}
                  value={millions(totals.leftToReserve, lang)}
                  detail={euros(totals.leftToReserve, lang)}
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
                  rows={withFinance.map((theme) => ({
                    label: theme.shortName ?? localizedText(theme.name, lang).text,
                    frame: theme.finance!.frame,
                    reserved: theme.finance!.reserved,
                    committed: theme.finance!.committed,
                    paid: theme.finance!.paid,
                  }))}
                />
              ) : null}
              <DataTable caption={t('overview:table.caption')}>
                <thead>
                  <tr>
                    <ColumnHeader>{t('overview:table.theme')}</ColumnHeader>
                    <ColumnHeader>{t('overview:table.ministries')}</ColumnHeader>
                    <ColumnHeader numeric>{t('common:figures.frame')}</ColumnHeader>
                    <ColumnHeader numeric>{t('common:figures.reserved')}</ColumnHeader>
                    <ColumnHeader numeric>{t('common:figures.committed')}</ColumnHeader>
                    <ColumnHeader numeric>{t('common:figures.paid')}</ColumnHeader>
                    <ColumnHeader numeric>{t('overview:table.reservedOfFrame')}</ColumnHeader>
                    <ColumnHeader numeric>{t('common:figures.leftToReserve')}</ColumnHeader>
                  </tr>
                </thead>
                <tbody>
                  {items.map((theme) => {
                    const name = localizedText(theme.name, lang);
                    const f = theme.finance;
                    return (
                      <tr key={theme.slug}>
                        <RowHeader>
                          <AppLink to={paths.theme(lang, theme.slug)} lang={name.lang === lang ? undefined : name.lang}>
                            {name.text}
                          </AppLink>
                          {f && f.warnings.length > 0 ? (
                            <SmallText>{t('overview:table.warnings', { count: f.warnings.length })}</SmallText>
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
                          {f?.utilisation.reservedOfFrame == null
                            ? t('common:notKnown')
                            : percent(f.utilisation.reservedOfFrame, lang)}
                        </Cell>
                        <Cell numeric>{money(f?.utilisation.leftToReserve)}</Cell>
                      </tr>
                    );
                  })}
                </tbody>
                <tfoot>
                  <tr>
                    <RowHeader colSpan={2}>{t('overview:table.total')}</RowHeader>
                    <Cell numeric>{euros(totals.frame, lang)}</Cell>
                    <Cell numeric>{euros(totals.reserved, lang)}</Cell>
                    <Cell numeric>{euros(totals.committed, lang)}</Cell>
                    <Cell numeric>{euros(totals.paid, lang)}</Cell>
                    <Cell numeric>
                      {totals.frame ? percent(totals.reserved / totals.frame, lang) : t('common:notKnown')}
                    </Cell>
                    <Cell numeric>{euros(totals.leftToReserve, lang)}</Cell>
                  </tr>
                </tfoot>
              </DataTable>
              <SmallText>{t('overview:table.roundedNote')}</SmallText>
            </>
          );
        }}
      </SectionState>
    </>
  );
}
