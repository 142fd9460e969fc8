/**
 * The accessibility statement (saavutettavuusseloste) required of public-sector web services, in
 * the page's language, with the feedback channel and the supervisory authority.
 */
import { useTranslation } from 'react-i18next';
import { Panel, PlainList } from '../../components/layout.js';
import { PlainLink } from '../../components/links.js';
import { Lead, PageHeading, Paragraph, SectionHeading } from '../../components/typography.js';
import { usePageTitle } from '../../shell/page-title.js';

export const FEEDBACK_EMAIL = 'kirjaamo.tem@gov.fi';

export function AccessibilityPage() {
  const { t } = useTranslation(['accessibility', 'common']);
  usePageTitle(t('accessibility:title'));
  return (
    <>
      <PageHeading>{t('accessibility:title')}</PageHeading>
      <Lead>{t('accessibility:lead')}</Lead>
      <Panel aria-labelledby="a11y-status">
        <SectionHeading id="a11y-status">{t('accessibility:status.heading')}</SectionHeading>
        <Paragraph>{t('accessibility:status.text')}</Paragraph>
        <PlainList>
          <li>{t('accessibility:status.keyboard')}</li>
          <li>{t('accessibility:status.charts')}</li>
          <li>{t('accessibility:status.map')}</li>
          <li>{t('accessibility:status.languages')}</li>
        </PlainList>
      </Panel>
      <Panel aria-labelledby="a11y-gaps">
        <SectionHeading id="a11y-gaps">{t('accessibility:gaps.heading')}</SectionHeading>
        <PlainList>
          <li>{t('accessibility:gaps.sourceTexts')}</li>
          <li>{t('accessibility:gaps.names')}</li>
        </PlainList>
      </Panel>
      <Panel aria-labelledby="a11y-how">
        <SectionHeading id="a11y-how">{t('accessibility:how.heading')}</SectionHeading>
        <Paragraph>{t('accessibility:how.text')}</Paragraph>
      </Panel>
      <Panel aria-labelledby="a11y-feedback">
        <SectionHeading id="a11y-feedback">{t('accessibility:feedback.heading')}</SectionHeading>
        <Paragraph>{t('accessibility:feedback.text')}</Paragraph>
        <Paragraph>
          <PlainLink
            href={`mailto:${FEEDBACK_EMAIL}?subject=${encodeURIComponent(t('accessibility:feedback.subject'))}`}
          >
            {t('accessibility:feedback.link', { email: FEEDBACK_EMAIL })}
          </PlainLink>
        </Paragraph>
        <Paragraph>{t('accessibility:feedback.time')}</Paragraph>
      </Panel>
      <Panel aria-labelledby="a11y-authority">
        <SectionHeading id="a11y-authority">{t('accessibility:authority.heading')}</SectionHeading>
        <Paragraph>{t('accessibility:authority.text')}</Paragraph>
        <Paragraph>
          <PlainLink href="https://www.saavutettavuusvaatimukset.fi/">{t('accessibility:authority.link')}</PlainLink>
        </Paragraph>
      </Panel>
    </>
  );
}
