/**
 * A name the data gives in Finnish and sometimes Swedish and English. Shown in the page's language,
 * falling back to Finnish, and then marked lang="fi" (so that screen readers pronounce it right and
 * words hyphenate as Finnish) with a visible "(på finska)" / "(in Finnish)" after it, so that a
 * reader of the Swedish service knows the Finnish text is not a mistake.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { styled } from 'styled-components';
import { colors } from './tokens.js';

export type LocalizedValue = { fi: string; sv?: string | null; en?: string | null };
export type PageLanguage = 'fi' | 'sv' | 'en';

export function localizedText(value: LocalizedValue, language: PageLanguage): { text: string; lang: PageLanguage } {
  const own = value[language];
  return own ? { text: own, lang: language } : { text: value.fi, lang: 'fi' };
}

const Marker = styled.span`
  font-size: 0.875em;
  font-weight: inherit;
  color: ${colors.blackBase};
  white-space: nowrap;
`;

/** "(på finska)" after a Finnish text on a Swedish or English page. */
export function InFinnishMarker() {
  const { t } = useTranslation('common');
  // A real space before it, so that copied text and the accessible name read "nimi (på finska)".
  return (
    <>
      {' '}
      <Marker data-in-finnish="">{t('common:inFinnish')}</Marker>
    </>
  );
}

export function Localized({
  value,
  language,
  marker = true,
}: {
  value: LocalizedValue;
  language: PageLanguage;
  /** false where the surrounding text already says the content is in Finnish. */
  marker?: boolean;
}): ReactNode {
  const { text, lang } = localizedText(value, language);
  if (lang === language) return text;
  return (
    <>
      <span lang={lang}>{text}</span>
      {marker ? <InFinnishMarker /> : null}
    </>
  );
}
