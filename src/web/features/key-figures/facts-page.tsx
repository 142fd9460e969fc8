/**
 * The facts behind a theme's key figures, for its finance expert and coordinator: every project
 * entity (ministries and shares, sectors, partners) and every organisation taking part (type,
 * municipality, own county). Each is its own form, saved on its own.
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { KeyFiguresAcrossThemes, PagedOrganisations, PagedProjects, ThemeDetail } from '../../../contracts/api.js';
import { clearApiCache, useApi } from '../../api.js';
import { localizedText } from '../../components/localized.js';
import { Panel } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { PageState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayInTheme, useSession } from '../../shell/session.js';
import { paths } from '../../paths.js';
import { EntityFactsEditor } from './entity-facts-editor.js';
import { OrganisationPlaceEditor } from './organisation-place-editor.js';

export function KeyFigureFactsPage() {
  const { slug = '' } = useParams();
  const lang = useLanguage();
  const theme = useApi<ThemeDetail>(`/api/v1/themes/${encodeURIComponent(slug)}`, lang);
  return <PageState state={theme}>{(data) => <FactsView theme={data} />}</PageState>;
}

function FactsView({ theme }: { theme: ThemeDetail }) {
  const lang = useLanguage();
  const { t } = useTranslation(['keyFigures']);
  const { session } = useSession();
  const name = localizedText(theme.name, lang).text;
  const title = t('keyFigures:facts.title', { theme: name });
  usePageTitle(title);
  const projects = useApi<PagedProjects>(`/api/v1/projects?theme=${encodeURIComponent(theme.slug)}&limit=200`, lang);
  const organisations = useApi<PagedOrganisations>('/api/v1/organisations?limit=200', lang);
  const across = useApi<KeyFiguresAcrossThemes>('/api/v1/key-figures', lang);
  const choices =
    organisations.status === 'ok'
      ? organisations.data.items.map((o) => ({ key: o.key, name: localizedText(o.name, lang).text }))
      : [];
  const counties =
    across.status === 'ok'
      ? across.data.counties
          .map((c) => ({ id: c.id, name: lang === 'sv' ? c.name.sv : c.name.fi }))
          .sort((x, y) => x.name.localeCompare(y.name, lang))
      : [];
  const taking = new Map<string, string>();
  if (projects.status === 'ok') {
    for (const entity of projects.data.items) {
      for (const project of entity.projects)
        taking.set(project.implementer.key, localizedText(project.implementer.name, lang).text);
      for (const partner of entity.partners) taking.set(partner.key, localizedText(partner.name, lang).text);
    }
  }
  const saved = () => clearApiCache();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>{t('keyFigures:facts.lead')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.keyFigures(lang, theme.slug)}>{t('keyFigures:title', { theme: name })}</AppLink>
      </Paragraph>
      {!session ? (
        <Paragraph>
          <AppLink to={paths.signIn(lang)}>{t('keyFigures:facts.signIn')}</AppLink>
        </Paragraph>
      ) : !mayInTheme(session, theme.slug, 'figures.facts.edit') ? (
        <Paragraph>{t('keyFigures:facts.notAllowed')}</Paragraph>
      ) : (
        <>
          <Panel aria-labelledby="ministries">
            <SectionHeading id="ministries">{t('keyFigures:facts.entities')}</SectionHeading>
            <span id="sectors" />
            {projects.status === 'ok'
              ? projects.data.items.map((entity) => (
                  <EntityFactsEditor
                    key={entity.key}
                    entityKey={entity.key}
                    title={localizedText(entity.name, lang).text}
                    organisations={choices}
                    onSaved={saved}
                  />
                ))
              : null}
          </Panel>
          <Panel aria-labelledby="organisations">
            <SectionHeading id="organisations">{t('keyFigures:facts.organisations')}</SectionHeading>
            {[...taking.entries()]
              .sort((x, y) => x[1].localeCompare(y[1], lang))
              .map(([key, organisationName]) => (
                <OrganisationPlaceEditor
                  key={key}
                  organisationKey={key}
                  title={organisationName}
                  counties={counties}
                  onSaved={saved}
                />
              ))}
          </Panel>
        </>
      )}
    </>
  );
}
