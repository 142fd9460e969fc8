/** What the service is, where its data comes from, and the open data and API. */
import { useTranslation } from 'react-i18next';
import { Panel, PlainList } from '../../components/layout.js';
import { AppLink, PlainLink } from '../../components/links.js';
import { Lead, PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';

export function AboutPage() {
  const lang = useLanguage();
  const { t } = useTranslation(['about', 'common']);
  usePageTitle(t('about:title'));
  return (
    <>
      <PageHeading>{t('about:title')}</PageHeading>
      <Lead>{t('about:lead')}</Lead>
      <Panel aria-labelledby="about-what">
        <SectionHeading id="about-what">{t('about:what.heading')}</SectionHeading>
        <Paragraph>{t('about:what.text')}</Paragraph>
        <PlainList>
          <li>{t('about:what.figures')}</li>
          <li>{t('about:what.projects')}</li>
          <li>{t('about:what.keyFigures')}</li>
        </PlainList>
      </Panel>
      <Panel aria-labelledby="about-data">
        <SectionHeading id="about-data">{t('about:data.heading')}</SectionHeading>
        <Paragraph>{t('about:data.text')}</Paragraph>
        <Paragraph>{t('about:data.map')}</Paragraph>
        <PlainList>
          <li>
            <PlainLink href="/api/v1/export">{t('common:footer.openData')}</PlainLink>
          </li>
          <li>
            <PlainLink href="/api/docs">{t('common:footer.api')}</PlainLink>
          </li>
        </PlainList>
      </Panel>
      <Paragraph>
        <AppLink to={paths.accessibility(lang)}>{t('common:footer.accessibility')}</AppLink>
      </Paragraph>
    </>
  );
}
