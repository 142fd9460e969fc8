/**
 * A name the data gives in Finnish and sometimes Swedish and English. Shown in the page's language,
 * falling back to Finnish, and then marked lang="fi" (so that screen readers pronounce it right and
 * words hyphenate as Finnish) with a visible "(på finska)" / "(in Finnish)" after it, so that a
 * reader of the Swedish service knows the Finnish text is not a mistake.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { styled } from 'styled-components';
import { officialSwedishName } from '../../domain/official-names.js';
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

/**
 * A body's name as the sources write it in Finnish (free text: a contact's organisation, a theme's
 * intermediate body): on a Swedish page its official Swedish name where it has one
 * (domain/official-names.ts), otherwise the Finnish text marked lang="fi".
 */
export function OfficialName({ finnish, language }: { finnish: string; language: PageLanguage }): ReactNode {
  if (language === 'fi') return finnish;
  const swedish = language === 'sv' ? officialSwedishName(finnish) : null;
  return swedish ?? <span lang="fi">{finnish}</span>;
}

/** Text the sources give in Finnish only (a contact's title), marked so on other pages. */
export function FinnishText({ text, language }: { text: string; language: PageLanguage }): ReactNode {
  return language === 'fi' ? text : <span lang="fi">{text}</span>;
}
