/**
 * Project entities as a sortable, downloadable table: the projects page (the API sorts and pages)
 * and a theme's page (all of the theme's projects, sorted and paged here) show the same columns,
 * worded the same, and download the same cells.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectEntity } from '../../../contracts/api.js';
import { Cell, DataTable, RowHeader } from '../../components/data-table.js';
import { SortHeaderRow, type TableColumn, type TableState } from '../../components/data-table/index.js';
import { AppLink } from '../../components/links.js';
import { InFinnishMarker, Localized, localizedText } from '../../components/localized.js';
import { euros, partialDate } from '../../format.js';
import type { Language } from '../../i18n.js';
import { ENTITY_KIND_KEYS, keyOf, STATUS_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';

const mainProject = (entity: ProjectEntity) => entity.projects.find((p) => p.role === 'main') ?? entity.projects[0];

/**
 * The columns; `sortable` names the ones that sort (all when omitted: the page sorts), so that
 * where the API sorts only its orders (name, cost, start) are offered.
 */
export function useProjectColumns(
  lang: Language,
  { withTheme, sortable }: { withTheme: boolean; sortable?: readonly string[] },
): TableColumn<ProjectEntity>[] {
  const { t } = useTranslation(['projects', 'common']);
  const sortableKey = sortable?.join(',');
  return useMemo(() => {
    const sorts = sortableKey === undefined ? null : new Set(sortableKey.split(','));
    const columns: TableColumn<ProjectEntity>[] = [
      { key: 'name', header: t('projects:results.name'), kind: 'text', value: (e) => localizedText(e.name, lang).text },
      { key: 'kind', header: t('projects:results.kind'), kind: 'text', value: (e) => t(ENTITY_KIND_KEYS[e.kind]) },
      ...(withTheme
        ? [
            {
              key: 'theme',
              header: t('projects:results.theme'),
              kind: 'text',
              value: (e) => localizedText(e.theme.name, lang).text,
            } satisfies TableColumn<ProjectEntity>,
          ]
        : []),
      {
        key: 'implementers',
        header: t('projects:results.implementers'),
        kind: 'text',
        value: (e) => {
          const main = mainProject(e);
          if (!main) return null;
          const more = e.projects.length > 1 ? ` ${t('projects:results.more', { count: e.projects.length - 1 })}` : '';
          return `${localizedText(main.implementer.name, lang).text}${more}`;
        },
      },
      {
        key: 'status',
        header: t('projects:results.status'),
        kind: 'text',
        value: (e) => (e.status ? t(keyOf(STATUS_KEYS, e.status) ?? 'common:notKnown') : null),
      },
      { key: 'start', header: t('projects:results.start'), kind: 'date', value: (e) => e.period.start },
      { key: 'end', header: t('projects:results.end'), kind: 'date', value: (e) => e.period.end },
      {
        key: 'cost',
        header: t('projects:results.cost'),
        kind: 'euros',
        value: (e) => e.costEstimate,
        rounded: (e) => e.costEstimateRounded,
      },
    ];
    return columns.map((column) => (sorts && !sorts.has(column.key) ? { ...column, sortable: false } : column));
  }, [t, lang, withTheme, sortableKey]);
}

export function ProjectTable({
  table,
  caption,
  withTheme,
}: {
  table: TableState<ProjectEntity>;
  caption: string;
  withTheme: boolean;
}) {
  const { t } = useTranslation(['projects', 'common']);
  const lang = table.language;
  const notKnown = t('common:notKnown');
  return (
    <DataTable caption={caption}>
      <thead>
        <SortHeaderRow table={table} />
      </thead>
      <tbody>
        {table.pageRows.map((entity) => {
          const name = localizedText(entity.name, lang);
          const main = mainProject(entity);
          return (
            <tr key={entity.key}>
              <RowHeader>
                <AppLink to={paths.project(lang, entity.key)} lang={name.lang === lang ? undefined : name.lang}>
                  {name.text}
                </AppLink>
                {name.lang === lang ? null : <InFinnishMarker />}
              </RowHeader>
              <Cell>{t(ENTITY_KIND_KEYS[entity.kind])}</Cell>
              {withTheme ? (
                <Cell>
                  <Localized value={entity.theme.name} language={lang} />
                </Cell>
              ) : null}
              <Cell>
                {main ? <Localized value={main.implementer.name} language={lang} /> : notKnown}
                {entity.projects.length > 1
                  ? ` ${t('projects:results.more', { count: entity.projects.length - 1 })}`
                  : ''}
              </Cell>
              <Cell>{entity.status ? t(keyOf(STATUS_KEYS, entity.status) ?? 'common:notKnown') : notKnown}</Cell>
              <Cell>{entity.period.start ? partialDate(entity.period.start, lang) : notKnown}</Cell>
              <Cell>{entity.period.end ? partialDate(entity.period.end, lang) : notKnown}</Cell>
              <Cell numeric>
                {entity.costEstimate === null
                  ? notKnown
                  : `${entity.costEstimateRounded ? '≈ ' : ''}${euros(entity.costEstimate, lang)}`}
              </Cell>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
