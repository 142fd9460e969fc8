/** Searching organisations by name or business ID, and by type; the search is in the address. */
import { useTranslation } from 'react-i18next';
import type { PagedOrganisations } from '../../../contracts/api.js';
import { query, useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { FilterGrid, SearchField, Select } from '../../components/forms.js';
import { Toolbar } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { Localized, localizedText, InFinnishMarker } from '../../components/localized.js';
import { Lead, PageHeading, Paragraph } from '../../components/typography.js';
import { keyOf, ORGANISATION_TYPE_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useQueryState } from '../../shell/query-state.js';

const PAGE_SIZE = 25;

export function OrganisationsPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['organisations', 'common']);
  usePageTitle(t('organisations:title'));
  const [filters, setFilters] = useQueryState(['q', 'type', 'cursor', 'page'] as const);
  const { cursor, page, ...criteria } = filters;
  const pageNumber = Number(page ?? '1');
  const state = useApi<PagedOrganisations>(
    `/api/v1/organisations${query({ ...criteria, cursor, limit: PAGE_SIZE })}`,
    lang,
  );
  const filter = (changes: Partial<Record<'q' | 'type', string | null>>) =>
    setFilters({ ...changes, cursor: null, page: null });
  return (
    <>
      <PageHeading>{t('organisations:title')}</PageHeading>
      <Lead>{t('organisations:lead')}</Lead>
      <form role="search" aria-label={t('organisations:filters.label')} onSubmit={(event) => event.preventDefault()}>
        <FilterGrid>
          <SearchField
            id="organisation-search"
            label={t('organisations:filters.q')}
            value={filters.q ?? ''}
            onSearch={(value) => filter({ q: value })}
            clearLabel={t('common:search.clear')}
            searchLabel={t('common:search.search')}
          />
          <Select
            id="filter-type"
            label={t('organisations:filters.type')}
            anyLabel={t('organisations:filters.any')}
            value={filters.type}
            options={Object.entries(ORGANISATION_TYPE_KEYS)
              .filter(([value]) => value !== 'unknown')
              .map(([value, key]) => ({ value, label: t(key) }))}
            onChange={(value) => filter({ type: value })}
          />
        </FilterGrid>
      </form>
      <SectionState state={state}>
        {({ items, page: info }) => (
          <>
            <p role="status">{t('organisations:count', { count: info.total })}</p>
            {items.length === 0 ? (
              <Paragraph>{t('organisations:none')}</Paragraph>
            ) : (
              <DataTable caption={t('organisations:caption')}>
                <thead>
                  <tr>
                    <ColumnHeader>{t('organisations:name')}</ColumnHeader>
                    <ColumnHeader>{t('organisations:type')}</ColumnHeader>
                    <ColumnHeader>{t('organisations:businessId')}</ColumnHeader>
                    <ColumnHeader>{t('organisations:county')}</ColumnHeader>
                  </tr>
                </thead>
                <tbody>
                  {items.map((organisation) => {
                    const name = localizedText(organisation.name, lang);
                    return (
                      <tr key={organisation.key}>
                        <RowHeader>
                          <AppLink
                            to={paths.organisation(lang, organisation.key)}
                            lang={name.lang === lang ? undefined : name.lang}
                          >
                            {name.text}
                          </AppLink>
                          {name.lang === lang ? null : <InFinnishMarker />}
                        </RowHeader>
                        <Cell>
                          {t(keyOf(ORGANISATION_TYPE_KEYS, organisation.type) ?? 'common:organisationType.unknown')}
                        </Cell>
                        <Cell>{organisation.businessId ?? t('common:notKnown')}</Cell>
                        <Cell>
                          {organisation.county ? (
                            <Localized value={organisation.county.name} language={lang} />
                          ) : (
                            t('common:notKnown')
                          )}
                        </Cell>
                      </tr>
                    );
                  })}
                </tbody>
              </DataTable>
            )}
            <nav aria-label={t('organisations:pages')}>
              <Toolbar>
                {pageNumber > 1 ? (
                  <AppLink to={paths.organisations(lang, query(criteria))}>{t('projects:pages.first')}</AppLink>
                ) : null}
                <span>
                  {t('projects:pages.current', {
                    page: pageNumber,
                    pages: Math.max(1, Math.ceil(info.total / PAGE_SIZE)),
                  })}
                </span>
                {info.nextCursor ? (
                  <AppLink
                    to={paths.organisations(
                      lang,
                      query({ ...criteria, cursor: info.nextCursor, page: pageNumber + 1 }),
                    )}
                  >
                    {t('projects:pages.next')}
                  </AppLink>
                ) : null}
              </Toolbar>
            </nav>
          </>
        )}
      </SectionState>
    </>
  );
}
