/**
 * i18next with one JSON file per language and feature (locales/{fi,sv,en}/<feature>.json). Finnish is
 * the fallback. Each feature's file is its own chunk, loaded when a page first asks for it, so the
 * first page carries only what it shows.
 */
import i18next, { type BackendModule, type ReadCallback } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fi';

export const NAMESPACES = [
  'common',
  'overview',
  'themes',
  'projects',
  'organisations',
  'calls',
  'about',
  'accessibility',
  'editing',
  'meetings',
  'reports',
  'users',
  'tasks',
  'admin',
  'records',
  'keyFigures',
  'search',
] as const;
export type Namespace = (typeof NAMESPACES)[number];

export const isLanguage = (value: string | undefined): value is Language => LANGUAGES.includes(value as Language);

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

const localeBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = loaders[`./locales/${language}/${namespace}.json`];
    if (!load) {
      callback(new Error(`No translations for ${language}/${namespace}`), false);
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export async function initI18n(language: Language): Promise<typeof i18next> {
  await i18next
    .use(localeBackend)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      ns: ['common'],
      defaultNS: 'common',
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
  return i18next;
}
