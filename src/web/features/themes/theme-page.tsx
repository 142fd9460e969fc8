/**
 * One theme on one page: who runs it, its money and the history of its figures, its calls with
 * their funnel, its project entities (group projects opened to their implementers), the key figures
 * coordination projects draw by hand, and the map of implementers by wellbeing services county.
 */
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Call, PagedProjects, ProjectEntity, ThemeDetail, ThemeFigures } from '../../../contracts/api.js';
import type { ZReportingPeriod } from '../../../contracts/reports.js';
import type { z } from 'zod';
import { query, useApi } from '../../api.js';
import { CallFunnel, type FunnelStep } from '../../components/call-funnel.js';
import { DownloadButtons, TablePagination, useTableState } from '../../components/data-table/index.js';
import { ProjectTable, useProjectColumns } from '../projects/project-table.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { ContactLine } from '../../components/contact-line.js';
import { CountyMap, useCountyNames } from '../../components/county-map.js';
import { Warning } from '../../components/feedback.js';
import { FinanceHistory, figureText } from './finance-history.js';
import { Columns, Fact, FactList, Panel, PlainList, Stat, StatList } from '../../components/layout.js';
import { AppLink, Breadcrumbs, ExternalLink } from '../../components/links.js';
import { Localized, localizedText, OfficialName } from '../../components/localized.js';
import { PageContents } from '../../components/page-contents.js';
import { useSourceWords } from '../../components/source-text.js';
import { PageHeading, Paragraph, SectionHeading, SmallText } from '../../components/typography.js';
import { InferredNote } from '../../components/inferred.js';
import { euros, eurosOrUnknown, integer, partialDate, percent, period } from '../../format.js';
import { CALL_KIND_KEYS, keyOf, MINISTRY_KEYS, ORGANISATION_TYPE_KEYS } from '../../labels.js';
import { paths } from '../../paths.js';
import { PageState, SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { mayAnywhere, mayInTheme, useSession } from '../../shell/session.js';
import { sectorLabel } from '../../../domain/sectors.js';
import type { Language } from '../../i18n.js';
import type { TFunction } from 'i18next';

export function ThemePage() {
  const { slug = '' } = useParams();
  const lang = useLanguage();
  const state = useApi<ThemeDetail>(`/api/v1/themes/${encodeURIComponent(slug)}`, lang);
  return <PageState state={state}>{(theme) => <ThemeView theme={theme} />}</PageState>;
}

function ThemeView({ theme }: { theme: ThemeDetail }) {
  const lang = useLanguage();
  const { t } = useTranslation(['themes', 'common', 'records', 'keyFigures']);
  const { session } = useSession();
  const name = localizedText(theme.name, lang);
  // Notes cite the review's lines; the page names the document instead.
  const sourceWords = useSourceWords();
  usePageTitle(theme.shortName ?? name.text);
  const figures = useApi<ThemeFigures>(`/api/v1/themes/${encodeURIComponent(theme.slug)}/figures`, lang);
  const calls = useApi<{ items: Call[] }>(`/api/v1/calls${query({ theme: theme.slug })}`, lang);
  const projects = useApi<PagedProjects>(`/api/v1/projects${query({ theme: theme.slug, limit: 200 })}`, lang);
  const f = theme.finance;
  // Who keeps what of the theme's own records (the server checks again on every write).
  const editContacts = mayInTheme(session, theme.slug, 'contact.edit');
  const editContent = mayInTheme(session, theme.slug, 'content_area.edit');
  const money = (cents: number | null | undefined, rounded = false) =>
    eurosOrUnknown(cents, lang, t('common:notKnown'), rounded);

  return (
    <>
      <Breadcrumbs
        label={t('common:breadcrumbs')}
        items={[{ to: paths.overview(lang), label: t('common:nav.themes') }, { label: theme.shortName ?? name.text }]}
      />
      <PageHeading>
        <Localized value={theme.name} language={lang} />
      </PageHeading>
      {theme.shortName ? <Paragraph>{theme.shortName}</Paragraph> : null}
      <PageContents
        label={t('themes:contents')}
        items={[
          { id: 'theme-basics', label: t('themes:basics.heading') },
          { id: 'theme-contacts', label: t('themes:contacts.heading') },
          { id: 'theme-content', label: t('themes:content.heading') },
          { id: 'theme-money', label: t('themes:money.heading') },
          { id: 'theme-calls', label: t('themes:calls.heading') },
          { id: 'theme-figures', label: t('themes:figures.heading') },
          { id: 'theme-projects', label: t('themes:projects.heading') },
          ...(theme.activityFigures.length > 0 ? [{ id: 'theme-activity', label: t('themes:activity.heading') }] : []),
        ]}
      />
      {mayAnywhere(session, 'review.read') || mayInTheme(session, theme.slug, 'theme.read_internal') ? (
        <ThemeReports slug={theme.slug} />
      ) : null}

      <Columns>
        <Panel aria-labelledby="theme-basics">
          <SectionHeading id="theme-basics">{t('themes:basics.heading')}</SectionHeading>
          <FactList>
            <Fact label={t('themes:basics.ministries')}>
              {theme.ministryRoles.length === 0 ? t('common:notKnown') : null}
              {theme.ministryRoles.map((m, index) => (
                <span key={m.ministry}>
                  {index > 0 ? ', ' : ''}
                  {t(MINISTRY_KEYS[m.ministry])}
                  {m.role ? ` (${t(`themes:basics.role.${m.role}`)})` : ''}
                  {m.inferred ? <InferredNote reason={m.inferred.reason} /> : null}
                </span>
              ))}
            </Fact>
            <Fact label={t('themes:basics.period')}>{period(theme.period, lang) ?? t('common:notKnown')}</Fact>
            <Fact label={t('themes:basics.intermediateBody')}>
              {theme.intermediateBody ? (
                <OfficialName finnish={theme.intermediateBody} language={lang} />
              ) : (
                t('common:notKnown')
              )}
            </Fact>
            <Fact label={t('themes:basics.specificObjectives')}>
              {theme.specificObjectives.join(', ') || t('common:notKnown')}
            </Fact>
            {theme.statedProjectCount !== null ? (
              <Fact label={t('themes:basics.statedProjectCount')}>{integer(theme.statedProjectCount, lang)}</Fact>
            ) : null}
          </FactList>
        </Panel>
        <Panel aria-labelledby="theme-contacts">
          <SectionHeading id="theme-contacts">{t('themes:contacts.heading')}</SectionHeading>
          {theme.contacts.length === 0 ? <Paragraph>{t('themes:contacts.none')}</Paragraph> : null}
          <PlainList>
            {theme.contacts.map((contact) => (
              <ContactLine
                key={contact.id}
                contact={contact}
                emphasised
                action={
                  editContacts ? (
                    <AppLink to={paths.contactForm(lang, contact.id)}>
                      {t('common:editThis', { name: contact.name })}
                    </AppLink>
                  ) : undefined
                }
              />
            ))}
          </PlainList>
          {editContacts ? (
            <Paragraph>
              <AppLink to={paths.newContact(lang, theme.slug)}>{t('records:contact.new')}</AppLink>
            </Paragraph>
          ) : null}
        </Panel>
      </Columns>

      <Panel aria-labelledby="theme-content">
        <SectionHeading id="theme-content">{t('themes:content.heading')}</SectionHeading>
        <PlainList>
          {theme.contentAreas.map((area) => (
            <li key={area.key}>
              <Localized value={area.name} language={lang} />
              {editContent ? (
                <>
                  {' – '}
                  <AppLink to={paths.contentAreaForm(lang, area.id)}>
                    {t('common:editThis', { name: localizedText(area.name, lang).text })}
                  </AppLink>
                </>
              ) : null}
            </li>
          ))}
        </PlainList>
        {editContent ? (
          <Paragraph>
            <AppLink to={paths.newContentArea(lang, theme.slug)}>{t('records:contentArea.new')}</AppLink>
          </Paragraph>
        ) : null}
        {theme.links.length > 0 || editContent ? (
          <>
            <SectionHeading level={3}>{t('themes:content.links')}</SectionHeading>
            <PlainList>
              {theme.links.map((link) => (
                <li key={link.id}>
                  <ExternalLink href={link.url} newWindowLabel={t('common:newWindow')}>
                    {link.title ?? link.url}
                  </ExternalLink>
                  {editContent ? (
                    <>
                      {' – '}
                      <AppLink to={paths.themeLinkForm(lang, link.id)}>
                        {/* A bare address would not wrap at 320 px: its site names the link. */}
                        {t('common:editThis', { name: link.title ?? siteOf(link.url) })}
                      </AppLink>
                    </>
                  ) : null}
                </li>
              ))}
            </PlainList>
            {editContent ? (
              <Paragraph>
                <AppLink to={paths.newThemeLink(lang, theme.slug)}>{t('records:themeLink.new')}</AppLink>
              </Paragraph>
            ) : null}
          </>
        ) : null}
      </Panel>

      <Panel aria-labelledby="theme-money">
        <SectionHeading id="theme-money">{t('themes:money.heading')}</SectionHeading>
        {f ? (
          <>
            <Paragraph>{t('themes:money.asOf', { date: partialDate(f.asOf, lang) })}</Paragraph>
            {f.warnings.map((warning) => (
              <Warning key={warning.code + warning.field} title={t('themes:money.warning')}>
                {warning.message}
              </Warning>
            ))}
            <StatList aria-label={t('themes:money.heading')}>
              <Stat label={t('common:figures.frame')} value={figureText(f, 'frame', lang, t('common:notKnown'))} />
              <Stat
                label={t('common:figures.reserved')}
                value={figureText(f, 'reserved', lang, t('common:notKnown'))}
                detail={
                  f.utilisation.reservedOfFrame === null
                    ? undefined
                    : t('common:figures.ofFrame', { value: percent(f.utilisation.reservedOfFrame, lang) })
                }
              />
              <Stat
                label={t('common:figures.committed')}
                value={figureText(f, 'committed', lang, t('common:notKnown'))}
                detail={
                  f.utilisation.committedOfFrame === null
                    ? undefined
                    : t('common:figures.ofFrame', { value: percent(f.utilisation.committedOfFrame, lang) })
                }
              />
              <Stat
                label={t('common:figures.paid')}
                value={figureText(f, 'paid', lang, t('common:notKnown'))}
                detail={
                  f.utilisation.paidOfCommitted === null
                    ? undefined
                    : t('common:figures.ofCommitted', { value: percent(f.utilisation.paidOfCommitted, lang) })
                }
              />
              <Stat label={t('common:figures.leftToReserve')} value={money(f.utilisation.leftToReserve)} />
            </StatList>
            {f.frameByMinistry.length > 0 ? (
              <DataTable caption={t('themes:money.byMinistry')}>
                <thead>
                  <tr>
                    <ColumnHeader>{t('themes:money.ministry')}</ColumnHeader>
                    <ColumnHeader numeric>{t('common:figures.frame')}</ColumnHeader>
                    <ColumnHeader numeric>{t('themes:money.share')}</ColumnHeader>
                  </tr>
                </thead>
                <tbody>
                  {f.frameByMinistry.map((split) => (
                    <tr key={split.ministry}>
                      <RowHeader>{t(MINISTRY_KEYS[split.ministry])}</RowHeader>
                      <Cell numeric>{money(split.amount, split.rounded)}</Cell>
                      <Cell numeric>{f.frame ? percent(split.amount / f.frame, lang) : t('common:notKnown')}</Cell>
                    </tr>
                  ))}
                </tbody>
              </DataTable>
            ) : null}
            {f.note ? <SmallText lang="fi">{sourceWords.within(f.note)}</SmallText> : null}
          </>
        ) : (
          <Paragraph>{t('themes:money.none')}</Paragraph>
        )}
        {mayInTheme(session, theme.slug, 'finance.record') ? (
          <Paragraph>
            <AppLink to={paths.financeForm(lang, theme.slug)}>{t('themes:money.record')}</AppLink>
          </Paragraph>
        ) : null}
        <FinanceHistory entries={theme.financeHistory} lang={lang} />
      </Panel>

      <Panel aria-labelledby="theme-calls">
        <SectionHeading id="theme-calls">{t('themes:calls.heading')}</SectionHeading>
        <SectionState state={calls}>
          {({ items }) =>
            items.length === 0 ? (
              <Paragraph>{t('themes:calls.none')}</Paragraph>
            ) : (
              <CallFunnels calls={items} canEdit={mayInTheme(session, theme.slug, 'call.edit')} />
            )
          }
        </SectionState>
        {mayInTheme(session, theme.slug, 'call.edit') ? (
          <Paragraph>
            <AppLink to={paths.newCall(lang, theme.slug)}>{t('records:call.new')}</AppLink>
          </Paragraph>
        ) : null}
      </Panel>

      <Panel aria-labelledby="theme-figures">
        <SectionHeading id="theme-figures">{t('themes:figures.heading')}</SectionHeading>
        <Paragraph>
          <AppLink to={paths.keyFigures(lang, theme.slug)}>{t('keyFigures:link')}</AppLink>
        </Paragraph>
        <SectionState state={figures}>{(data) => <KeyFigures figures={data} t={t} lang={lang} />}</SectionState>
      </Panel>

      <Panel aria-labelledby="theme-projects">
        <SectionHeading id="theme-projects">{t('themes:projects.heading')}</SectionHeading>
        <SectionState state={projects}>
          {({ items }) => (
            <>
              <Paragraph>{t('themes:projects.count', { count: items.length })}</Paragraph>
              <ThemeProjects items={items} slug={theme.slug} />
              <Paragraph>
                <AppLink to={paths.projects(lang, query({ theme: theme.slug }))}>{t('themes:projects.search')}</AppLink>
              </Paragraph>
            </>
          )}
        </SectionState>
      </Panel>

      {theme.activityFigures.length > 0 ? (
        <Panel aria-labelledby="theme-activity">
          <SectionHeading id="theme-activity">{t('themes:activity.heading')}</SectionHeading>
          <DataTable caption={t('themes:activity.heading')}>
            <thead>
              <tr>
                <ColumnHeader>{t('themes:activity.what')}</ColumnHeader>
                <ColumnHeader numeric>{t('themes:activity.value')}</ColumnHeader>
                <ColumnHeader>{t('themes:activity.period')}</ColumnHeader>
                {mayInTheme(session, theme.slug, 'activity.edit') ? (
                  <ColumnHeader>{t('common:edit')}</ColumnHeader>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {theme.activityFigures.map((figure) => (
                <tr key={figure.key}>
                  <RowHeader>
                    <Localized value={figure.label} language={lang} />
                  </RowHeader>
                  <Cell numeric>
                    {integer(figure.value, lang)} {figure.unit ?? ''}
                  </Cell>
                  <Cell>{period(figure.period, lang) ?? t('common:notKnown')}</Cell>
                  {mayInTheme(session, theme.slug, 'activity.edit') ? (
                    <Cell>
                      <AppLink to={paths.activityFigureForm(lang, figure.id)}>
                        {t('common:editThis', { name: localizedText(figure.label, lang).text })}
                      </AppLink>
                    </Cell>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Panel>
      ) : null}
    </>
  );
}

/** The site of a web address ("thl.fi"), or the address itself where it cannot be read. */
function siteOf(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname.replace(/^www\./, '') : url;
}

/** Links to the theme's reports the signed-in user may open (the server says which). */
function ThemeReports({ slug }: { slug: string }) {
  const lang = useLanguage();
  const { t } = useTranslation(['themes']);
  const periods = useApi<{ items: z.infer<typeof ZReportingPeriod>[] }>('/api/v1/reporting-periods', lang);
  const reports = (periods.data?.items ?? []).filter((period) =>
    period.themes.some((theme) => theme.slug === slug && theme.reportId !== null),
  );
  if (reports.length === 0) return null;
  return (
    <Panel aria-labelledby="theme-reports">
      <SectionHeading id="theme-reports">{t('themes:reports.heading')}</SectionHeading>
      <PlainList>
        {reports.map((period) => (
          <li key={period.key}>
            <AppLink to={paths.report(lang, period.key, slug)}>
              {t('themes:reports.open', { period: localizedText(period.title, lang).text })}
            </AppLink>
          </li>
        ))}
      </PlainList>
    </Panel>
  );
}

/** All of a theme's projects, sorted and paged here (their order and page in the address). */
function ThemeProjects({ items, slug }: { items: ProjectEntity[]; slug: string }) {
  const lang = useLanguage();
  const { t } = useTranslation(['themes', 'projects']);
  const columns = useProjectColumns(lang, { withTheme: false });
  const table = useTableState({
    rows: items,
    columns,
    language: lang,
    pageSize: 25,
    prefix: 'projects-',
  });
  return (
    <>
      <ProjectTable table={table} caption={t('themes:projects.caption')} withTheme={false} />
      <TablePagination table={table} label={t('themes:projects.pages')} />
      <DownloadButtons table={table} fileName={`${slug}-${t('projects:results.fileName')}`} />
    </>
  );
}

function CallFunnels({ calls, canEdit }: { calls: Call[]; canEdit: boolean }) {
  const lang = useLanguage();
  const { t } = useTranslation(['themes', 'calls', 'common']);
  const count = (value: number | null) => (value === null ? t('common:notKnown') : integer(value, lang));
  const money = (value: number | null) => eurosOrUnknown(value, lang, t('common:notKnown'));
  return (
    <>
      <SmallText>{t('themes:calls.scale')}</SmallText>
      {calls.map((call) => {
        const callName = localizedText(call.name, lang);
        // Money and counts are drawn each to its own scale: the money from the budget, the counts
        // (in project entities, where the source gives them) from the applications.
        const parts: FunnelStep[][] = [
          [
            { label: t('themes:calls.budget'), text: money(call.budget), value: call.budget },
            { label: t('themes:calls.granted'), text: money(call.granted), value: call.granted },
          ],
          [
            {
              label: t('themes:calls.applications'),
              text:
                call.applicationEntities === null
                  ? count(call.applications)
                  : t('themes:calls.applicationsWithEntities', {
                      applications: count(call.applications),
                      entities: count(call.applicationEntities),
                    }),
              value: call.applicationEntities ?? call.applications,
            },
            { label: t('themes:calls.eligible'), text: count(call.eligibleEntities), value: call.eligibleEntities },
            { label: t('themes:calls.funded'), text: count(call.fundedEntities), value: call.fundedEntities },
          ],
        ];
        return (
          <section key={call.key} aria-labelledby={`call-${call.key}`}>
            <SectionHeading level={3} id={`call-${call.key}`}>
              <Localized value={call.name} language={lang} />
            </SectionHeading>
            <SmallText>
              {t(keyOf(CALL_KIND_KEYS, call.kind) ?? 'calls:kind.other')} ·{' '}
              {call.opens || call.closes
                ? `${call.opens ? partialDate(call.opens, lang) : ''} – ${call.closes ? partialDate(call.closes, lang) : ''}`
                : t('common:notKnown')}
            </SmallText>
            <CallFunnel
              label={t('themes:calls.funnel')}
              parts={parts}
              notDrawn={(step) => t('themes:calls.notDrawn', { step })}
            />
            {call.leftOver !== null ? (
              <SmallText>{t('themes:calls.leftOver', { amount: euros(call.leftOver, lang) })}</SmallText>
            ) : null}
            {canEdit ? (
              <Paragraph>
                <AppLink to={paths.callForm(lang, call.key)}>{t('common:editThis', { name: callName.text })}</AppLink>
              </Paragraph>
            ) : null}
          </section>
        );
      })}
    </>
  );
}

function CountTable({
  caption,
  heading,
  rows,
  lang,
}: {
  caption: string;
  heading: string;
  rows: { key: string; label: string; value: number }[];
  lang: Language;
}) {
  const { t } = useTranslation('common');
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <ColumnHeader>{heading}</ColumnHeader>
          <ColumnHeader numeric>{t('common:count')}</ColumnHeader>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <RowHeader>{row.label}</RowHeader>
            <Cell numeric>{integer(row.value, lang)}</Cell>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function KeyFigures({ figures, t, lang }: { figures: ThemeFigures; t: TFunction; lang: Language }) {
  const implementersByCounty = Object.fromEntries(
    Object.entries(figures.byCounty).map(([id, count]) => [id, count.implementers]),
  );
  const knownCounties = Object.entries(figures.byCounty).filter(([id]) => id !== 'unknown');
  const unknownCounty = figures.byCounty.unknown;
  const countyNames = useCountyNames();
  const without = figures.countiesWithoutImplementers.map((c) => localizedText(c.name, lang));
  return (
    <>
      <StatList aria-label={t('themes:figures.heading')}>
        <Stat label={t('themes:figures.entities')} value={integer(figures.projectEntities, lang)} />
        <Stat
          label={t('themes:figures.split')}
          value={`${figures.singleImplementerEntities}+${figures.groupProjects}`}
          detail={t('themes:figures.splitDetail', {
            single: figures.singleImplementerEntities,
            group: figures.groupProjects,
          })}
        />
        <Stat label={t('themes:figures.projects')} value={integer(figures.projects, lang)} />
        <Stat label={t('themes:figures.implementers')} value={integer(figures.implementers, lang)} />
      </StatList>
      <Columns>
        <CountTable
          lang={lang}
          caption={t('themes:figures.byMinistry')}
          heading={t('themes:money.ministry')}
          rows={Object.entries(figures.byMinistry).map(([key, value]) => ({
            key,
            label: t(keyOf(MINISTRY_KEYS, key) ?? 'common:ministry.unknown'),
            value,
          }))}
        />
        <CountTable
          lang={lang}
          caption={t('themes:figures.byOrganisationType')}
          heading={t('themes:figures.organisationType')}
          rows={Object.entries(figures.byOrganisationType).map(([key, value]) => ({
            key,
            label: t(keyOf(ORGANISATION_TYPE_KEYS, key) ?? 'common:organisationType.unknown'),
            value,
          }))}
        />
      </Columns>
      {Object.keys(figures.bySector).length > 0 ? (
        <CountTable
          lang={lang}
          caption={t('themes:figures.bySector')}
          heading={t('themes:figures.sector')}
          rows={Object.entries(figures.bySector).map(([key, value]) => ({ key, label: sectorLabel(key, lang), value }))}
        />
      ) : (
        <Paragraph>{t('themes:figures.noSectors')}</Paragraph>
      )}

      <SectionHeading level={3} id="theme-map">
        {t('themes:map.heading')}
      </SectionHeading>
      <Columns>
        <CountyMap
          title={t('themes:map.title')}
          summary={t('themes:map.summary', { with: knownCounties.length, without: without.length })}
          attribution={t('common:geoAttribution')}
          implementers={implementersByCounty}
          loadingText={t('common:loading')}
          errorText={t('themes:map.error')}
        />
        <div>
          <SectionHeading level={4}>{t('themes:map.withoutHeading', { count: without.length })}</SectionHeading>
          <PlainList aria-label={t('themes:map.withoutHeading', { count: without.length })}>
            {without.map((name) => (
              <li key={name.text} lang={name.lang === lang ? undefined : name.lang}>
                {name.text}
              </li>
            ))}
          </PlainList>
          <DataTable caption={t('themes:map.tableCaption')}>
            <thead>
              <tr>
                <ColumnHeader>{t('themes:map.county')}</ColumnHeader>
                <ColumnHeader numeric>{t('themes:map.implementers')}</ColumnHeader>
                <ColumnHeader numeric>{t('themes:map.partners')}</ColumnHeader>
              </tr>
            </thead>
            <tbody>
              {knownCounties.map(([id, count]) => {
                const known = countyNames?.get(id);
                return (
                  <tr key={id}>
                    <RowHeader>{known ? (lang === 'sv' ? known.sv : known.fi) : id}</RowHeader>
                    <Cell numeric>{integer(count.implementers, lang)}</Cell>
                    <Cell numeric>{integer(count.partners, lang)}</Cell>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
          {unknownCounty ? (
            <SmallText>
              {t('themes:map.unknown', { implementers: unknownCounty.implementers, partners: unknownCounty.partners })}
            </SmallText>
          ) : null}
        </div>
      </Columns>
    </>
  );
}
