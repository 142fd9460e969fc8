/**
 * A value no source states but that was inferred: marked "päätelty" / "härledd" / "inferred" next to
 * it, with the reasoning readable on the page (not only in a tooltip), so it is never taken for a
 * stated fact.
 */
import { useTranslation } from 'react-i18next';
import { useSourceWords } from './source-text.js';
import { SmallText } from './typography.js';

export function InferredNote({ reason }: { reason: string }) {
  const { t } = useTranslation('common');
  // The reasoning cites its source as the dataset stores it; the page says which document.
  const { within } = useSourceWords();
  return (
    <SmallText>
      <span data-inferred="">
        <strong>{t('common:inferred.marker')}</strong>: {within(reason)}
      </span>
    </SmallText>
  );
}
