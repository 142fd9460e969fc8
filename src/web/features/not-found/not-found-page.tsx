/** The page for an address that leads nowhere, and for records that do not exist. */
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../components/links.js';
import { Paragraph, PageHeading } from '../../components/typography.js';
import { paths } from '../../paths.js';
import { useLanguage } from '../../shell/language.js';
import { usePageTitle } from '../../shell/page-title.js';

export function NotFoundPage({ detail }: { detail?: string }) {
  const lang = useLanguage();
  const { t } = useTranslation('common');
  usePageTitle(t('common:notFound.title'));
  return (
    <>
      <PageHeading>{t('common:notFound.title')}</PageHeading>
      <Paragraph>{detail ?? t('common:notFound.text')}</Paragraph>
      <Paragraph>
        <AppLink to={paths.overview(lang)}>{t('common:notFound.home')}</AppLink>
      </Paragraph>
    </>
  );
}
