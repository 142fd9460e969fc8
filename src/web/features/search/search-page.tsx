/**
 * Search results: the hits of the header's search across themes, projects, organisations, calls
 * and published minutes, best first, the words found marked, a page at a time. The search, the
 * kind shown and the page are in the address.
 */
import { useTranslation } from 'react-i18next';
import { styled } from 'styled-components';
import type { SearchHit, SearchKind, SearchResults } from '../../../contracts/search.js';
import { SEARCH_KINDS } from '../../../contracts/search.js';
import { useApi } from '../../api.js';
import { Select } from '../../components/forms.js';
import { Badge, Toolbar, UnstyledList } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { Highlighted } from '../../components/search-box.js';
import { colors, spacing } from '../../components/tokens.js';
import { Lead, PageHeading, Paragraph, SmallText } from '../../components/typography.js';
import type { Language } from '../../i18n.js';
import { paths } from '../../paths.js';
import { SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { useQueryState } from '../../shell/query-state.js';

const PAGE_SIZE = 20;

const Hit = styled.li`
  padding: ${spacing.s} 0;
  border-bottom: 1px solid ${colors.depthLight1};
  h2 {
    margin: ${spacing.xxs} 0;
    font-size: 1.125rem;
    overflow-wrap: anywhere;
  }
  mark {
    background: ${colors.warningLight1};
    color: inherit;
    font-weight: 600;
  }
`;

const Pager = styled.nav`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.m};
  margin-top: ${spacing.m};
`;

function hitPath(lang: Language, hit: SearchHit): string {
  switch (hit.kind) {
    case 'theme':
      return paths.theme(lang, hit.key);
    case 'project':
      return paths.project(lang, hit.key);
    case 'organisation':
      return paths.organisation(lang, hit.key);
    case 'call':
      return paths.calls(lang);
    case 'minutes':
      return paths.publishedMinutes(lang, hit.key);
  }
}

const isKind = (value: string | null): value is SearchKind => SEARCH_KINDS.includes(value as SearchKind);

export function SearchPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['search', 'common']);
  const [params, setParams] = useQueryState(['q', 'kind', 'offset'] as const);
  const q = (params.q ?? '').trim();
  const kind = isKind(params.kind) ? params.kind : null;
  const offset = Math.max(0, Math.min(1000, Number(params.offset) || 0));
  usePageTitle(q ? t('search:titleWith', { q }) : t('search:title'));
  const query = new URLSearchParams({ q, limit: String(PAGE_SIZE), offset: String(offset) });
  if (kind) query.set('kind', kind);
  const state = useApi<SearchResults>(q ? `/api/v1/search?${query.toString()}` : null, lang);
  return (
    <>
      <PageHeading>{t('search:title')}</PageHeading>
      <Lead>{t('search:lead')}</Lead>
      {!q ? (
        <Paragraph>{t('search:empty')}</Paragraph>
      ) : (
        <>
          <Toolbar>
            <Select
              id="search-kind"
              label={t('search:kindFilter')}
              value={kind}
              anyLabel={t('search:allKinds')}
              options={SEARCH_KINDS.map((value) => ({ value, label: t(`search:kind.${value}`) }))}
              onChange={(value) => setParams({ kind: value, offset: null })}
            />
          </Toolbar>
          <SectionState state={state}>
            {({ items, page }) =>
              items.length === 0 ? (
                <Paragraph>{t('search:none', { q })}</Paragraph>
              ) : (
                <>
                  <p role="status">
                    {t('search:results', { count: page.total, q })}
                    {page.total > items.length
                      ? ` · ${t('search:range', { from: page.offset + 1, to: page.offset + items.length, total: page.total })}`
                      : ''}
                  </p>
                  <UnstyledList>
                    {items.map((hit) => {
                      const swedish = lang === 'sv' && hit.title.sv !== null;
                      const title = swedish && hit.title.sv ? hit.title.sv : hit.title.fi;
                      const titleLang = swedish ? 'sv' : 'fi';
                      return (
                        <Hit key={`${hit.kind}:${hit.key}`}>
                          <Badge $tone="neutral">{t(`search:kind.${hit.kind}`)}</Badge>
                          <h2>
                            <AppLink to={hitPath(lang, hit)}>
                              <Highlighted segments={title} lang={titleLang === lang ? undefined : titleLang} />
                            </AppLink>
                            {titleLang !== lang && lang === 'sv' ? ` ${t('search:inFinnish')}` : ''}
                          </h2>
                          {hit.snippet.length > 0 ? (
                            <SmallText>
                              <Highlighted segments={hit.snippet} />
                            </SmallText>
                          ) : null}
                        </Hit>
                      );
                    })}
                  </UnstyledList>
                  {page.total > PAGE_SIZE ? (
                    <Pager aria-label={t('search:pager')}>
                      {offset > 0 ? (
                        <AppLink to={`${paths.search(lang, q)}${pageQuery(kind, Math.max(0, offset - PAGE_SIZE))}`}>
                          {t('search:previous')}
                        </AppLink>
                      ) : null}
                      {offset + items.length < page.total && offset + PAGE_SIZE <= 1000 ? (
                        <AppLink to={`${paths.search(lang, q)}${pageQuery(kind, offset + PAGE_SIZE)}`}>
                          {t('search:next')}
                        </AppLink>
                      ) : null}
                    </Pager>
                  ) : null}
                </>
              )
            }
          </SectionState>
        </>
      )}
    </>
  );
}

const pageQuery = (kind: SearchKind | null, offset: number) =>
  `${kind ? `&kind=${kind}` : ''}${offset > 0 ? `&offset=${offset}` : ''}`;
