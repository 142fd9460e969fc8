/**
 * A name the data gives in Finnish and sometimes Swedish and English. Shown in the page's language,
 * falling back to Finnish, and then marked lang="fi" so that screen readers pronounce it right.
 */
import type { ReactNode } from 'react';

export type LocalizedValue = { fi: string; sv?: string | null; en?: string | null };
export type PageLanguage = 'fi' | 'sv' | 'en';

export function localizedText(value: LocalizedValue, language: PageLanguage): { text: string; lang: PageLanguage } {
  const own = value[language];
  return own ? { text: own, lang: language } : { text: value.fi, lang: 'fi' };
}

export function Localized({ value, language }: { value: LocalizedValue; language: PageLanguage }): ReactNode {
  const { text, lang } = localizedText(value, language);
  return lang === language ? text : <span lang={lang}>{text}</span>;
}
