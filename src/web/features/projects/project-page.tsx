/** One project entity: a single project, or a group project with its main and sub implementers. */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProjectEntityDetail } from '../../../contracts/api.js';
import { sectorLabel } from '../../../domain/sectors.js';
import { useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { Fact, FactList, Panel, PlainList } from '../../components/layout.js';
import { AppLink, Breadcrumbs, ExternalLink } from '../../components/links.js';
import { Localized, localizedText, InFinnishMarker } from '../../components/localized.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { InferredNote } from '../../components/inferred.js';
import { eurosOrUnknown, partialDate, period } from '../../format.js';
import { ENTITY_KIND_KEYS, keyOf, MINISTRY_KEYS, PROJECT_TYPE_KEYS, ROLE_KEYS, STATUS_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { PageState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayInTheme, useSession } from '../../shell/session.js';
import { SourceLine } from '../../shell/source-line.js';

export function ProjectPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const state = useApi<ProjectEntityDetail>(`/api/v1/projects/${encodeURIComponent(key)}`, lang);
  return <PageState state={state}>{(entity) => <ProjectView entity={entity} />}</PageState>;
}

function ProjectView({ entity }: { entity: ProjectEntityDetail }) {
  const lang = useLanguage();
  const { t } = useTranslation(['projects', 'common', 'records']);
  const { session } = useSession();
  const name = localizedText(entity.name, lang);
  const themeName = localizedText(entity.theme.name, lang);
  usePageTitle(name.text);
  const money = (cents: number | null | undefined, rounded = false) =>
    eurosOrUnknown(cents, lang, t('common:notKnown'), rounded);
  const sectorNames = entity.sectors.map((key) => sectorLabel(key, lang));
  return (
    <>
      <Breadcrumbs
        label={t('common:breadcrumbs')}
        items={[
          { to: paths.overview(lang), label: t('common:nav.themes') },
          { to: paths.theme(lang, entity.theme.slug), label: themeName.text },
          { label: name.text },
        ]}
      />
      <PageHeading>
        <Localized value={entity.name} language={lang} />
      </PageHeading>
      {mayInTheme(session, entity.theme.slug, 'project.edit') ? (
        <Paragraph>
          <AppLink to={paths.projectForm(lang, entity.key)}>{t('records:project.edit')}</AppLink>
        </Paragraph>
      ) : null}
      <Panel aria-labelledby="project-facts">
        <SectionHeading id="project-facts">{t('projects:page.facts')}</SectionHeading>
        <FactList>
          <Fact label={t('projects:page.kind')}>{t(ENTITY_KIND_KEYS[entity.kind])}</Fact>
          {entity.groupCode ? <Fact label={t('projects:page.groupCode')}>{entity.groupCode}</Fact> : null}
          <Fact label={t('projects:page.codes')}>{entity.codes.join(', ') || t('common:notKnown')}</Fact>
          <Fact label={t('projects:page.theme')}>
            <AppLink
              to={paths.theme(lang, entity.theme.slug)}
              lang={themeName.lang === lang ? undefined : themeName.lang}
            >
              {themeName.text}
            </AppLink>
            {themeName.lang === lang ? null : <InFinnishMarker />}
          </Fact>
          <Fact label={t('projects:page.status')}>
            {entity.status ? t(keyOf(STATUS_KEYS, entity.status) ?? 'common:notKnown') : t('common:notKnown')}
          </Fact>
          <Fact label={t('projects:page.type')}>
            {entity.type ? t(keyOf(PROJECT_TYPE_KEYS, entity.type) ?? 'common:notKnown') : t('common:notKnown')}
          </Fact>
          <Fact label={t('projects:page.period')}>
            {period(entity.period, lang) ?? t('common:notKnown')}
            {entity.period.inferred?.start ? <InferredNote reason={entity.period.inferred.start.reason} /> : null}
            {entity.period.inferred?.end ? <InferredNote reason={entity.period.inferred.end.reason} /> : null}
          </Fact>
          {entity.decidedOn ? (
            <Fact label={t('projects:page.decidedOn')}>{partialDate(entity.decidedOn, lang)}</Fact>
          ) : null}
          <Fact label={t('projects:page.cost')}>{money(entity.costEstimate, entity.costEstimateRounded)}</Fact>
          <Fact label={t('projects:page.ministries')}>
            {entity.ministries.map((m) => t(MINISTRY_KEYS[m])).join(', ') || t('common:notKnown')}
          </Fact>
          <Fact label={t('projects:page.call')}>
            {entity.call ? <Localized value={entity.call.name} language={lang} /> : t('common:notKnown')}
          </Fact>
          <Fact label={t('projects:page.contentArea')}>
            {entity.contentArea ? <Localized value={entity.contentArea.name} language={lang} /> : t('common:notKnown')}
          </Fact>
          <Fact label={t('projects:page.website')}>
            {entity.website ? (
              <ExternalLink href={entity.website} newWindowLabel={t('common:newWindow')}>
                {entity.website}
              </ExternalLink>
            ) : (
              t('common:notKnown')
            )}
          </Fact>
        </FactList>
        {sectorNames.length > 0 ? (
          <>
            <SectionHeading level={3}>{t('projects:page.sectors')}</SectionHeading>
            <PlainList>
              {sectorNames.map((sector) => (
                <li key={sector}>{sector}</li>
              ))}
            </PlainList>
          </>
        ) : null}
      </Panel>
      <Panel aria-labelledby="project-implementers">
        <SectionHeading id="project-implementers">{t('projects:page.implementers')}</SectionHeading>
        <DataTable caption={t('projects:page.implementersCaption', { count: entity.projects.length })}>
          <thead>
            <tr>
              <ColumnHeader>{t('projects:page.organisation')}</ColumnHeader>
              <ColumnHeader>{t('projects:page.role')}</ColumnHeader>
              <ColumnHeader>{t('projects:page.code')}</ColumnHeader>
              <ColumnHeader numeric>{t('projects:page.cost')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {entity.projects.map((project) => (
              <tr key={project.implementer.key + project.role}>
                <RowHeader>
                  <AppLink to={paths.organisation(lang, project.implementer.key)}>
                    <Localized value={project.implementer.name} language={lang} />
                  </AppLink>
                </RowHeader>
                <Cell>{t(entity.kind === 'single' ? ROLE_KEYS.single : ROLE_KEYS[project.role])}</Cell>
                <Cell>{project.code ?? t('common:notKnown')}</Cell>
                <Cell numeric>{money(project.costEstimate)}</Cell>
              </tr>
            ))}
          </tbody>
        </DataTable>
        {entity.partners.length > 0 ? (
          <>
            <SectionHeading level={3}>{t('projects:page.partners')}</SectionHeading>
            <PlainList>
              {entity.partners.map((partner) => (
                <li key={partner.key}>
                  <AppLink to={paths.organisation(lang, partner.key)}>
                    <Localized value={partner.name} language={lang} />
                  </AppLink>
                </li>
              ))}
            </PlainList>
          </>
        ) : (
          <Paragraph>{t('projects:page.noPartners')}</Paragraph>
        )}
      </Panel>
      <SourceLine source={entity.source} />
    </>
  );
}
