/**
 * The steering groups the signed-in user works in (their secretary's or member's role), or every
 * group for the managing authority and the ministries. Signed out: a way to sign in and the
 * published minutes.
 */
import { useTranslation } from 'react-i18next';
import type { ThemeSummary } from '../../../contracts/api.js';
import { useApi } from '../../api.js';
import { Loading } from '../../components/feedback.js';
import { PlainList } from '../../components/layout.js';
import { AppLink } from '../../components/links.js';
import { Localized } from '../../components/localized.js';
import { Lead, PageHeading, Paragraph } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { SectionState } from '../../shell/api-state.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';
import { readableGroupKeys, useSession } from '../../shell/session.js';
import type { SteeringGroupSummary } from '../../../contracts/meetings.js';

export function SteeringGroupsPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['meetings', 'common']);
  const { session, known } = useSession();
  usePageTitle(t('meetings:groups.title'));
  const groups = useApi<{ items: SteeringGroupSummary[] }>('/api/v1/steering-groups', lang);
  const themes = useApi<{ items: ThemeSummary[] }>('/api/v1/themes', lang);
  const readable = readableGroupKeys(session);
  if (!known) return <Loading text={t('common:loading')} />;
  return (
    <>
      <PageHeading>{t('meetings:groups.title')}</PageHeading>
      <Lead>{t('meetings:groups.lead')}</Lead>
      {!session ? (
        <Paragraph>
          {t('meetings:groups.signedOut')}{' '}
          <AppLink to={`${paths.signIn(lang)}?next=${encodeURIComponent(paths.steeringGroups(lang))}`}>
            {t('common:nav.signIn')}
          </AppLink>
        </Paragraph>
      ) : null}
      <SectionState state={groups}>
        {({ items }) => {
          const shown = session ? items.filter((group) => readable.includes(group.key)) : [];
          if (session && shown.length === 0) return <Paragraph>{t('meetings:groups.none')}</Paragraph>;
          const themeName = (slug: string) => themes.data?.items.find((theme) => theme.slug === slug);
          return shown.length > 0 ? (
            <PlainList aria-label={t('meetings:groups.listLabel')}>
              {shown.map((group) => (
                <li key={group.key}>
                  <AppLink to={paths.steeringGroup(lang, group.key)}>
                    <Localized value={group.name} language={lang} />
                  </AppLink>
                  {group.themes.length > 0 ? (
                    <>
                      {' – '}
                      {group.themes.map((slug) => themeName(slug)?.shortName ?? slug).join(', ')}
                    </>
                  ) : null}
                </li>
              ))}
            </PlainList>
          ) : null;
        }}
      </SectionState>
      <Paragraph>
        <AppLink to={paths.publishedMinutesList(lang)}>{t('meetings:published.title')}</AppLink>
      </Paragraph>
    </>
  );
}
