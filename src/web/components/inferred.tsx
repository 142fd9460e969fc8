/**
 * A value no source states but that was inferred: marked "päätelty" / "härledd" / "inferred" next to
 * it, with the reasoning readable on the page (not only in a tooltip), so it is never taken for a
 * stated fact.
 */
import { useTranslation } from 'react-i18next';
import { SmallText } from './typography.js';

export function InferredNote({ reason }: { reason: string }) {
  const { t } = useTranslation('common');
  return (
    <SmallText>
      <span data-inferred="">
        <strong>{t('common:inferred.marker')}</strong>: {reason}
      </span>
    </SmallText>
  );
}
