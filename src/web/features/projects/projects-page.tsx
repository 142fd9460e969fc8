/**
 * Searching project entities: free text and filters (theme, status, ministry, organisation, county,
 * sector, year), a sort order and pages, all kept in the address so that a search can be shared.
 */
import { useTranslation } from 'react-i18next';
import type { PagedOrganisations, PagedProjects, ThemeSummary } from '../../../contracts/api.js';
import { SECTORS } from '../../../domain/sectors.js';
import { query, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { useCountyNames } from '../../components/county-map.js';
import { Button, FilterGrid, SearchField, Select, WideCell } from '../../components/forms.js';
import { Badge, Toolbar } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { Localized, localizedText, InFinnishMarker } from '../../components/localized.js';
import { Lead, PageHeading, Paragraph } from '../../components/typography.js';
import { euros, period } from '../../format.js';
import { ENTITY_KIND_KEYS, keyOf, MINISTRY_KEYS, STATUS_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useQueryState } from '../../shell/query-state.js';

const FILTERS = [
  'q',
  'theme',
  'status',
  'ministry',
  'organisation',
  'county',
  'sector',
  'year',
  'sort',
  'cursor',
  'page',
] as const;
const PAGE_SIZE = 20;
const YEARS = ['2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029'];
// The sort orders of ZProjectQuery; written here so that the page does not pull Zod into the bundle.
const SORT_KEYS = {
  name: 'projects:sort.name',
  '-name': 'projects:sort.-name',
  cost: 'projects:sort.cost',
  '-cost': 'projects:sort.-cost',
  start: 'projects:sort.start',
  '-start': 'projects:sort.-start',
} as const;

export function ProjectsPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['projects', 'common']);
  usePageTitle(t('projects:title'));
  const [filters, setFilters] = useQueryState(FILTERS);
  const themes = useApi<{ items: ThemeSummary[] }>('/api/v1/themes', lang);
  const organisations = useApi<PagedOrganisations>('/api/v1/organisations?limit=200', lang);
  const countyNames = useCountyNames();
  const { cursor, page, ...criteria } = filters;
  const results = useApi<PagedProjects>(`/api/v1/projects${query({ ...criteria, cursor, limit: PAGE_SIZE })}`, lang);
  // A new criterion starts again from the first page.
  const filter = (changes: Partial<Record<(typeof FILTERS)[number], string | null>>) =>
    setFilters({ ...changes, cursor: null, page: null });
  const pageNumber = Number(page ?? '1');

  return (
    <>
      <PageHeading>{t('projects:title')}</PageHeading>
      <Lead>{t('projects:lead')}</Lead>
      <form role="search" aria-label={t('projects:filters.label')} onSubmit={(event) => event.preventDefault()}>
        <FilterGrid>
          <WideCell>
            <SearchField
              id="project-search"
              label={t('projects:filters.q')}
              value={filters.q ?? ''}
              onSearch={(value) => filter({ q: value })}
              clearLabel={t('common:search.clear')}
              searchLabel={t('common:search.search')}
            />
          </WideCell>
          <Select
            id="filter-theme"
            label={t('projects:filters.theme')}
            anyLabel={t('projects:filters.any')}
            value={filters.theme}
            options={(themes.data?.items ?? []).map((theme) => {
              const name = localizedText(theme.name, lang);
              return {
                value: theme.slug,
                label: theme.shortName ?? name.text,
                lang: theme.shortName || name.lang === lang ? undefined : name.lang,
              };
            })}
            onChange={(value) => filter({ theme: value })}
          />
          <Select
            id="filter-status"
            label={t('projects:filters.status')}
            anyLabel={t('projects:filters.any')}
            value={filters.status}
            options={Object.entries(STATUS_KEYS).map(([value, key]) => ({ value, label: t(key) }))}
            onChange={(value) => filter({ status: value })}
          />
          <Select
            id="filter-ministry"
            label={t('projects:filters.ministry')}
            anyLabel={t('projects:filters.any')}
            value={filters.ministry}
            options={(['TEM', 'OKM', 'STM'] as const).map((m) => ({ value: m, label: t(MINISTRY_KEYS[m]) }))}
            onChange={(value) => filter({ ministry: value })}
          />
          <Select
            id="filter-organisation"
            label={t('projects:filters.organisation')}
            anyLabel={t('projects:filters.any')}
            value={filters.organisation}
            options={(organisations.data?.items ?? []).map((o) => {
              const name = localizedText(o.name, lang);
              return { value: o.key, label: name.text, lang: name.lang === lang ? undefined : name.lang };
            })}
            onChange={(value) => filter({ organisation: value })}
          />
          <Select
            id="filter-county"
            label={t('projects:filters.county')}
            anyLabel={t('projects:filters.any')}
            value={filters.county}
            options={[...(countyNames ?? new Map<string, { fi: string; sv: string }>()).entries()]
              .map(([value, name]) => ({
                value,
                label: lang === 'sv' ? name.sv : name.fi,
                lang: lang === 'en' ? 'fi' : undefined,
              }))
              .sort((a, b) => a.label.localeCompare(b.label, lang))}
            onChange={(value) => filter({ county: value })}
          />
          <Select
            id="filter-sector"
            label={t('projects:filters.sector')}
            anyLabel={t('projects:filters.any')}
            value={filters.sector}
            options={SECTORS.flatMap((sector) => [
              { value: sector.key, label: sector.name[lang] },
              ...sector.services.map((service) => ({
                value: service.key,
                label: `${sector.name[lang]}: ${service.name[lang]}`,
              })),
            ])}
            onChange={(value) => filter({ sector: value })}
          />
          <Select
            id="filter-year"
            label={t('projects:filters.year')}
            anyLabel={t('projects:filters.any')}
            value={filters.year}
            options={YEARS.map((year) => ({ value: year, label: year }))}
            onChange={(value) => filter({ year: value })}
          />
          <Select
            id="sort"
            label={t('projects:sort.label')}
            value={filters.sort ?? 'name'}
            options={(Object.keys(SORT_KEYS) as (keyof typeof SORT_KEYS)[]).map((sort) => ({
              value: sort,
              label: t(SORT_KEYS[sort]),
            }))}
            onChange={(value) => filter({ sort: value === 'name' ? null : value })}
          />
        </FilterGrid>
      </form>

      <SectionState state={results}>
        {({ items, page: info }) => (
          <>
            <p role="status">{t('projects:results.count', { count: info.total })}</p>
            {items.length === 0 ? (
              <Paragraph>{t('projects:results.none')}</Paragraph>
            ) : (
              <DataTable
                caption={t('projects:results.caption', {
                  page: pageNumber,
                  pages: Math.max(1, Math.ceil(info.total / PAGE_SIZE)),
                })}
              >
                <thead>
                  <tr>
                    <ColumnHeader>{t('projects:results.name')}</ColumnHeader>
                    <ColumnHeader>{t('projects:results.theme')}</ColumnHeader>
                    <ColumnHeader>{t('projects:results.implementers')}</ColumnHeader>
                    <ColumnHeader>{t('projects:results.status')}</ColumnHeader>
                    <ColumnHeader>{t('projects:results.period')}</ColumnHeader>
                    <ColumnHeader numeric>{t('projects:results.cost')}</ColumnHeader>
                  </tr>
                </thead>
                <tbody>
                  {items.map((entity) => {
                    const name = localizedText(entity.name, lang);
                    const main = entity.projects.find((p) => p.role === 'main') ?? entity.projects[0];
                    return (
                      <tr key={entity.key}>
                        <RowHeader>
                          <AppLink
                            to={paths.project(lang, entity.key)}
                            lang={name.lang === lang ? undefined : name.lang}
                          >
                            {name.text}
                          </AppLink>
                          {name.lang === lang ? null : <InFinnishMarker />}{' '}
                          <Badge $tone={entity.kind === 'group' ? 'info' : 'neutral'}>
                            {t(ENTITY_KIND_KEYS[entity.kind])}
                          </Badge>
                        </RowHeader>
                        <Cell>
                          <Localized value={entity.theme.name} language={lang} />
                        </Cell>
                        <Cell>
                          {main ? <Localized value={main.implementer.name} language={lang} /> : t('common:notKnown')}
                          {entity.projects.length > 1
                            ? ` ${t('projects:results.more', { count: entity.projects.length - 1 })}`
                            : ''}
                        </Cell>
                        <Cell>
                          {entity.status
                            ? t(keyOf(STATUS_KEYS, entity.status) ?? 'common:notKnown')
                            : t('common:notKnown')}
                        </Cell>
                        <Cell>{period(entity.period, lang) ?? t('common:notKnown')}</Cell>
                        <Cell numeric>
                          {entity.costEstimate === null
                            ? t('common:notKnown')
                            : `${entity.costEstimateRounded ? '≈ ' : ''}${euros(entity.costEstimate, lang)}`}
                        </Cell>
                      </tr>
                    );
                  })}
                </tbody>
              </DataTable>
            )}
            <nav aria-label={t('projects:pages.label')}>
              <Toolbar>
                {pageNumber > 1 ? (
                  <AppLink to={paths.projects(lang, query({ ...criteria }))}>{t('projects:pages.first')}</AppLink>
                ) : null}
                <span>
                  {t('projects:pages.current', {
                    page: pageNumber,
                    pages: Math.max(1, Math.ceil(info.total / PAGE_SIZE)),
                  })}
                </span>
                {info.nextCursor ? (
                  <AppLink
                    to={paths.projects(lang, query({ ...criteria, cursor: info.nextCursor, page: pageNumber + 1 }))}
                  >
                    {t('projects:pages.next')}
                  </AppLink>
                ) : null}
                {Object.values(criteria).some(Boolean) ? (
                  <Button
                    variant="secondaryNoBorder"
                    onClick={() => setFilters(Object.fromEntries(FILTERS.map((name) => [name, null])))}
                  >
                    {t('projects:filters.clear')}
                  </Button>
                ) : null}
              </Toolbar>
            </nav>
          </>
        )}
      </SectionState>
    </>
  );
}
