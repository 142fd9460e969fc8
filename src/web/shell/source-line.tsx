/**
 * A record's provenance as people say it: "Lähde: Toteutuskatsaus 2024, teema 9" / "Källa: …".
 * Signed-in staff also get the dataset's own reference (seed file and lines) in a details element,
 * for checking the record against its document; the public never sees it.
 */
import { useTranslation } from 'react-i18next';
import { useSourceWords } from '../components/source-text.js';
import { SmallText } from '../components/typography.js';
import { useSession } from './session.js';

export function SourceLine({ source }: { source: string | null | undefined }) {
  const { t } = useTranslation('common');
  const { session } = useSession();
  const text = useSourceWords().source(source);
  if (!source || !text) return null;
  return (
    <SmallText as="div" data-source="">
      {t('common:source', { source: text })}
      {session ? (
        <details className="no-print">
          <summary>{t('common:sourceTechnical')}</summary>
          <code>{source}</code>
        </details>
      ) : null}
    </SmallText>
  );
}
