/** Searching organisations by name or business ID, and by type; the search is in the address. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation, PagedOrganisations } from '../../../contracts/api.js';
import { query, useApi } from '../../api.js';
import { Cell, DataTable, RowHeader } from '../../components/data-table.js';
import { DownloadButtons, SortHeaderRow, useTableState, type TableColumn } from '../../components/data-table/index.js';
import { SearchField, Select } from '../../components/forms.js';
import { FilterFold } from '../../components/filter-fold.js';
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
import { RegisterUpdatePanel } from './register-update-panel.js';

const PAGE_SIZE = 25;
const NO_ORGANISATIONS: Organisation[] = [];

export function OrganisationsPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['organisations', 'projects', 'common']);
  usePageTitle(t('organisations:title'));
  const [filters, setFilters] = useQueryState(['q', 'type', 'cursor', 'page'] as const);
  const { cursor, page, ...criteria } = filters;
  const pageNumber = Number(page ?? '1');
  const state = useApi<PagedOrganisations>(
    `/api/v1/organisations${query({ ...criteria, cursor, limit: PAGE_SIZE })}`,
    lang,
  );
  // The API pages the organisations in name order and has no other order, so the headers do not
  // sort (sorting one page of many would mislead); the download is the page shown.
  const columns = useMemo(
    (): TableColumn<Organisation>[] => [
      {
        key: 'name',
        header: t('organisations:name'),
        kind: 'text',
        sortable: false,
        value: (o) => localizedText(o.name, lang).text,
      },
      {
        key: 'type',
        header: t('organisations:type'),
        kind: 'text',
        sortable: false,
        value: (o) => t(keyOf(ORGANISATION_TYPE_KEYS, o.type) ?? 'common:organisationType.unknown'),
      },
      {
        key: 'businessId',
        header: t('organisations:businessId'),
        kind: 'text',
        sortable: false,
        value: (o) => o.businessId,
      },
      {
        key: 'county',
        header: t('organisations:county'),
        kind: 'text',
        sortable: false,
        value: (o) => (o.county ? localizedText(o.county.name, lang).text : null),
      },
    ],
    [t, lang],
  );
  const table = useTableState({
    rows: state.data?.items ?? NO_ORGANISATIONS,
    columns,
    language: lang,
    sortedBy: 'server',
  });
  const filter = (changes: Partial<Record<'q' | 'type', string | null>>) =>
    setFilters({ ...changes, cursor: null, page: null });
  return (
    <>
      <PageHeading>{t('organisations:title')}</PageHeading>
      <Lead>{t('organisations:lead')}</Lead>
      <RegisterUpdatePanel />
      <form role="search" aria-label={t('organisations:filters.label')} onSubmit={(event) => event.preventDefault()}>
        <FilterFold chosen={Object.values(criteria).filter(Boolean).length}>
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
        </FilterFold>
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
                  <SortHeaderRow table={table} />
                </thead>
                <tbody>
                  {table.pageRows.map((organisation) => {
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
            {items.length > 0 ? <DownloadButtons table={table} fileName={t('organisations:fileName')} /> : null}
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
