/** The page's language, taken from the first segment of the address. */
import { createContext, useContext } from 'react';
import { DEFAULT_LANGUAGE, type Language } from '../i18n.js';

export const LanguageContext = createContext<Language>(DEFAULT_LANGUAGE);

export const useLanguage = (): Language => useContext(LanguageContext);
