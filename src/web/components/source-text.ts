/** The dataset's source references in people's words: "Toteutuskatsaus 2024, teema 9" (domain/provenance.ts). */
import { useTranslation } from 'react-i18next';
import { readProvenance, wordCitations, type Provenance, type SourceDocument } from '../../domain/provenance.js';

const DOCUMENT_KEYS: Record<SourceDocument, string> = {
  review2024: 'common:sourceDocument.review2024',
  minutes2023_1: 'common:sourceDocument.minutes2023_1',
  lanupeDescription: 'common:sourceDocument.lanupeDescription',
  stmThemes: 'common:sourceDocument.stmThemes',
};

export function useSourceWords(): {
  /** The document's name (and the review's theme chapter), or null for text that is no dataset source. */
  source: (stored: string | null | undefined) => string | null;
  /** A text with the citations inside it worded so (an inference's reasoning, a note). */
  within: (text: string) => string;
} {
  const { t } = useTranslation('common');
  const word = (provenance: Provenance) => {
    const document = t(DOCUMENT_KEYS[provenance.document]);
    return provenance.theme === null ? document : t('common:sourceChapter', { document, theme: provenance.theme });
  };
  return {
    source: (stored) => {
      const provenance = readProvenance(stored);
      return provenance ? word(provenance) : null;
    },
    within: (text) => wordCitations(text, word),
  };
}
