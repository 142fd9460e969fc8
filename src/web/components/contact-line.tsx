/**
 * One contact as a line of a list: name (emphasised where the list is the page's own), title,
 * organisation, role, and the e-mail address as a link.
 */
import { useTranslation } from 'react-i18next';
import { CONTACT_ROLE_KEYS, keyOf } from '../labels.js';

export type ContactLike = {
  name: string;
  title?: string | null;
  organisation?: string | null;
  role: string;
  email?: string | null;
};

export function ContactLine({ contact, emphasised = false }: { contact: ContactLike; emphasised?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <li>
      {emphasised ? <strong>{contact.name}</strong> : contact.name}
      {contact.title ? `, ${contact.title}` : ''}
      {contact.organisation ? `, ${contact.organisation}` : ''} (
      {t(keyOf(CONTACT_ROLE_KEYS, contact.role) ?? 'common:notKnown')})
      {contact.email ? (
        <>
          {' '}
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </>
      ) : null}
    </li>
  );
}
