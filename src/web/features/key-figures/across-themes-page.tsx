/**
 * Every theme's key figures side by side for the managing authority, with the national figures
 * (each organisation once however many themes it takes part in) and the national map.
 */
import { useTranslation } from 'react-i18next';
import type { KeyFiguresAcrossThemes, ThemeFigures } from '../../../contracts/api.js';
import { useApi } from '../../api.js';
import { CountyMap } from '../../components/county-map.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { Columns, Panel } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { PageState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { paths } from '../../paths.js';

export function KeyFiguresAcrossThemesPage() {
  const lang = useLanguage();
  const state = useApi<KeyFiguresAcrossThemes>('/api/v1/key-figures', lang);
  return <PageState state={state}>{(data) => <AcrossView data={data} />}</PageState>;
}

function AcrossView({ data }: { data: KeyFiguresAcrossThemes }) {
  const lang = useLanguage();
  const { t } = useTranslation(['keyFigures']);
  usePageTitle(t('keyFigures:across.title'));
  const number = (value: number) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : lang).format(value);
  const cells = (f: ThemeFigures) => (
    <>
      <Cell numeric>{number(f.projectEntities)}</Cell>
      <Cell numeric>{`${f.singleImplementerEntities}+${f.groupProjects}`}</Cell>
      <Cell numeric>{number(f.projects)}</Cell>
      <Cell numeric>{number(f.implementers)}</Cell>
      <Cell numeric>{number(f.partners)}</Cell>
      <Cell numeric>{number(f.byMinistry.unknown ?? 0)}</Cell>
      <Cell numeric>{number(f.entitiesWithoutSector)}</Cell>
    </>
  );
  const countyName = (id: string) => {
    const county = data.counties.find((c) => c.id === id);
    return county ? (lang === 'sv' ? county.name.sv : county.name.fi) : id;
  };
  const known = Object.entries(data.national.byCounty).filter(([id]) => id !== 'unknown');
  return (
    <>
      <PageHeading>{t('keyFigures:across.title')}</PageHeading>
      <Paragraph>{t('keyFigures:across.lead')}</Paragraph>
      <DataTable caption={t('keyFigures:across.caption')}>
        <thead>
          <tr>
            <ColumnHeader>{t('keyFigures:across.theme')}</ColumnHeader>
            <ColumnHeader numeric>{t('keyFigures:across.entities')}</ColumnHeader>
            <ColumnHeader numeric>{t('keyFigures:across.split')}</ColumnHeader>
            <ColumnHeader numeric>{t('keyFigures:across.projects')}</ColumnHeader>
            <ColumnHeader numeric>{t('keyFigures:across.implementers')}</ColumnHeader>
            <ColumnHeader numeric>{t('keyFigures:across.partners')}</ColumnHeader>
            <ColumnHeader numeric>{t('keyFigures:across.noMinistry')}</ColumnHeader>
            <ColumnHeader numeric>{t('keyFigures:across.noSector')}</ColumnHeader>
          </tr>
        </thead>
        <tbody>
          {data.themes.map((theme) => (
            <tr key={theme.slug}>
              <RowHeader lang="fi">
                <AppLink to={paths.keyFigures(lang, theme.slug)}>{theme.shortName ?? theme.name}</AppLink>
              </RowHeader>
              {cells(theme.figures)}
            </tr>
          ))}
          <tr>
            <RowHeader>{t('keyFigures:across.national')}</RowHeader>
            {cells(data.national)}
          </tr>
        </tbody>
      </DataTable>
      <Panel aria-labelledby="national-map">
        <SectionHeading id="national-map">{t('keyFigures:across.mapHeading')}</SectionHeading>
        <Columns>
          <CountyMap
            title={t('keyFigures:across.mapTitle')}
            summary={t('keyFigures:map.summary', {
              with: known.length,
              without: data.national.countiesWithoutImplementers.length,
            })}
            attribution={t('common:geoAttribution')}
            implementers={Object.fromEntries(known.map(([id, c]) => [id, c.implementers]))}
            loadingText="…"
            errorText={t('keyFigures:across.mapTitle')}
          />
          <DataTable caption={t('keyFigures:across.countyCaption')}>
            <thead>
              <tr>
                <ColumnHeader>{t('keyFigures:across.county')}</ColumnHeader>
                <ColumnHeader numeric>{t('keyFigures:across.implementers')}</ColumnHeader>
                <ColumnHeader numeric>{t('keyFigures:across.partners')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {known.map(([id, count]) => (
                <tr key={id}>
                  <RowHeader>{countyName(id)}</RowHeader>
                  <Cell numeric>{number(count.implementers)}</Cell>
                  <Cell numeric>{number(count.partners)}</Cell>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Columns>
      </Panel>
    </>
  );
}
