/** One organisation: who it is, where, and every project it implements or partners in. */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { OrganisationDetail } from '../../../contracts/api.js';
import { useApi } from '../../api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { Fact, FactList, Panel } from '../../components/layout.js';
import { AppLink, Breadcrumbs } from '../../components/links.js';
import { Localized, localizedText } from '../../components/localized.js';
import { PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { ENTITY_KIND_KEYS, keyOf, ORGANISATION_TYPE_KEYS, ROLE_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { PageState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayAnywhere, useSession } from '../../shell/session.js';

export function OrganisationPage() {
  const { key = '' } = useParams();
  const lang = useLanguage();
  const state = useApi<OrganisationDetail>(`/api/v1/organisations/${encodeURIComponent(key)}`, lang);
  return <PageState state={state}>{(organisation) => <OrganisationView organisation={organisation} />}</PageState>;
}

/** Where a shown value came from: a person or the register (YTJ), and the day. */
function SourceNote({
  organisation,
  field,
}: {
  organisation: OrganisationDetail;
  field: keyof OrganisationDetail['sources'];
}) {
  const lang = useLanguage();
  const { t } = useTranslation(['organisations']);
  const source = organisation.sources[field];
  if (!source) return null;
  const date = new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Helsinki', dateStyle: 'short' }).format(
    new Date(source.at),
  );
  return (
    <>
      <br />
      <small>
        {t(source.source === 'register' ? 'organisations:sourceRegister' : 'organisations:sourcePerson', { date })}
      </small>
    </>
  );
}

function OrganisationView({ organisation }: { organisation: OrganisationDetail }) {
  const lang = useLanguage();
  const { t } = useTranslation(['organisations', 'projects', 'common', 'records']);
  const { session } = useSession();
  const name = localizedText(organisation.name, lang);
  usePageTitle(name.text);
  return (
    <>
      <Breadcrumbs
        label={t('common:breadcrumbs')}
        items={[{ to: paths.organisations(lang), label: t('common:nav.organisations') }, { label: name.text }]}
      />
      <PageHeading>
        <Localized value={organisation.name} language={lang} />
      </PageHeading>
      {mayAnywhere(session, 'organisation.edit') ? (
        <Paragraph>
          <AppLink to={paths.organisationForm(lang, organisation.key)}>{t('records:organisation.edit')}</AppLink>
        </Paragraph>
      ) : null}
      <Panel aria-labelledby="organisation-facts">
        <SectionHeading id="organisation-facts">{t('organisations:facts')}</SectionHeading>
        <FactList>
          <Fact label={t('organisations:type')}>
            {t(keyOf(ORGANISATION_TYPE_KEYS, organisation.type) ?? 'common:organisationType.unknown')}
            <SourceNote organisation={organisation} field="type" />
          </Fact>
          <Fact label={t('organisations:businessId')}>
            {organisation.businessId ?? t('common:notKnown')}
            <SourceNote organisation={organisation} field="businessId" />
          </Fact>
          <Fact label={t('organisations:municipality')}>
            {organisation.municipality ? (
              <Localized value={organisation.municipality.name} language={lang} />
            ) : (
              t('common:notKnown')
            )}
            <SourceNote organisation={organisation} field="municipality" />
          </Fact>
          <Fact label={t('organisations:county')}>
            {organisation.county ? (
              <>
                <Localized value={organisation.county.name} language={lang} />
                {organisation.county.basis === 'own' ? ` (${t('organisations:ownCounty')})` : null}
              </>
            ) : (
              t('common:notKnown')
            )}
          </Fact>
        </FactList>
      </Panel>
      <Panel aria-labelledby="organisation-roles">
        <SectionHeading id="organisation-roles">
          {t('organisations:roles', { count: organisation.roles.length })}
        </SectionHeading>
        {organisation.roles.length === 0 ? (
          <Paragraph>{t('organisations:noRoles')}</Paragraph>
        ) : (
          <DataTable caption={t('organisations:rolesCaption', { name: name.text })}>
            <thead>
              <tr>
                <ColumnHeader>{t('organisations:project')}</ColumnHeader>
                <ColumnHeader>{t('organisations:theme')}</ColumnHeader>
                <ColumnHeader>{t('organisations:role')}</ColumnHeader>
                <ColumnHeader>{t('projects:page.code')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {organisation.roles.map((role) => (
                <tr key={`${role.entity.key}-${role.role}`}>
                  <RowHeader>
                    <AppLink to={paths.project(lang, role.entity.key)}>
                      <Localized value={role.entity.name} language={lang} />
                    </AppLink>{' '}
                    ({t(ENTITY_KIND_KEYS[role.entity.kind])})
                  </RowHeader>
                  <Cell>
                    <AppLink to={paths.theme(lang, role.theme.slug)}>
                      <Localized value={role.theme.name} language={lang} />
                    </AppLink>
                  </Cell>
                  <Cell>
                    {t(role.entity.kind === 'single' && role.role === 'main' ? ROLE_KEYS.single : ROLE_KEYS[role.role])}
                  </Cell>
                  <Cell>{role.code ?? t('common:notKnown')}</Cell>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Panel>
    </>
  );
}
