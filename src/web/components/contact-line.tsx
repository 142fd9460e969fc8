/**
 * One contact as a line of a list: name (emphasised where the list is the page's own), title,
 * organisation, role, and the e-mail address as a link.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { partialDate } from '../format.js';
import { useLanguage } from '../shell/language.js';
import { CONTACT_ROLE_KEYS, keyOf } from '../labels.js';
import { FinnishText, OfficialName } from './localized.js';

export type ContactLike = {
  name: string;
  title?: string | null;
  organisation?: string | null;
  role: string;
  email?: string | null;
  /** "31.3.2025 saakka", "1.4.2025 lähtien", "virkavapaalla", where the sources say so. */
  validFrom?: string | null;
  validTo?: string | null;
  absence?: 'on_leave' | null;
};

export function ContactLine({
  contact,
  emphasised = false,
  action,
}: {
  contact: ContactLike;
  emphasised?: boolean;
  /** What the reader may do with the contact (its edit link), after the details. */
  action?: ReactNode;
}) {
  const { t } = useTranslation('common');
  const language = useLanguage();
  return (
    <li>
      {emphasised ? <strong>{contact.name}</strong> : contact.name}
      {contact.title ? (
        <>
          , <FinnishText text={contact.title} language={language} />
        </>
      ) : null}
      {contact.organisation ? (
        <>
          , <OfficialName finnish={contact.organisation} language={language} />
        </>
      ) : null}{' '}
      ({t(keyOf(CONTACT_ROLE_KEYS, contact.role) ?? 'common:notKnown')})
      {contact.validFrom
        ? `, ${t('common:contact.validFrom', { date: partialDate(contact.validFrom, language) })}`
        : ''}
      {contact.validTo ? `, ${t('common:contact.validTo', { date: partialDate(contact.validTo, language) })}` : ''}
      {contact.absence === 'on_leave' ? `, ${t('common:contact.onLeave')}` : ''}
      {contact.email ? (
        <>
          {' '}
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      ) : null}
      {action ? <> – {action}</> : null}
    </li>
  );
}
