/**
 * The history of a theme's four figures: every entry, corrected and withdrawn ones too, each with its
 * status (current, corrected, withdrawn, a correction of an earlier one), the precision of each
 * amount ("≈" where rounded or approximate, "0 € (ei vielä)" with the source's words), who recorded
 * it, when and why, and any check they confirmed with their reason. Used by the theme page and,
 * with actions to correct or withdraw an entry, by the finance form.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Finance, ThemeDetail } from '../../../contracts/api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { Badge } from '../../components/layout.js';
import { SmallText } from '../../components/typography.js';
import { dateTime, partialDate } from '../../format.js';
import type { Language } from '../../i18n.js';
import { formatAmount } from '../../../domain/money.js';
import { readProvenance } from '../../../domain/provenance.js';
import { SourceLine } from '../../shell/source-line.js';

export type FinanceEntry = ThemeDetail['financeHistory'][number];

export const FIGURES = ['frame', 'reserved', 'committed', 'paid'] as const;
export type Figure = (typeof FIGURES)[number];

/** Written out so the locale test sees each key. */
export const FIGURE_KEYS: Record<Figure, string> = {
  frame: 'common:figures.frame',
  reserved: 'common:figures.reserved',
  committed: 'common:figures.committed',
  paid: 'common:figures.paid',
};

export const CHECK_KEYS: Record<string, string> = {
  reserved_exceeds_frame: 'themes:money.check.reserved_exceeds_frame',
  committed_exceeds_reserved: 'themes:money.check.committed_exceeds_reserved',
  paid_exceeds_committed: 'themes:money.check.paid_exceeds_committed',
  large_change: 'themes:money.check.large_change',
};

/** One figure as shown: unknown, "≈ 14 000 000 €", "0 € (ei vielä)" or exact. */
export function figureText(finance: Finance, figure: Figure, lang: Language, unknown: string): string {
  const cents = finance[figure];
  if (cents === null) return unknown;
  return formatAmount(cents, lang, finance.precision[figure], finance.asWritten[figure]);
}

export function FinanceHistory({
  entries,
  lang,
  actions,
}: {
  entries: FinanceEntry[];
  lang: Language;
  /** What may be done with an entry that still counts (correct, withdraw); none on public pages. */
  actions?: (entry: FinanceEntry) => ReactNode;
}) {
  const { t } = useTranslation(['themes', 'common']);
  const unknown = t('common:notKnown');
  const dateOf = new Map(entries.map((entry) => [entry.id, entry.asOf]));
  const status = (entry: FinanceEntry) => {
    if (entry.kind === 'withdrawal')
      return t('themes:money.status.withdrawal', { date: partialDate(dateOf.get(entry.supersedes!) ?? '', lang) });
    const replacedBy = entries.find((other) => other.id === entry.supersededBy);
    if (replacedBy?.kind === 'withdrawal') return t('themes:money.status.withdrawn');
    if (replacedBy) return t('themes:money.status.corrected');
    if (entry.current) return t('themes:money.status.current');
    return entry.kind === 'correction' ? t('themes:money.status.correction') : t('themes:money.status.earlier');
  };
  return (
    <DataTable caption={t('themes:money.history')}>
      <thead>
        <tr>
          <ColumnHeader>{t('themes:money.asOfColumn')}</ColumnHeader>
          <ColumnHeader>{t('themes:money.statusColumn')}</ColumnHeader>
          {FIGURES.map((figure) => (
            <ColumnHeader key={figure} numeric>
              {t(FIGURE_KEYS[figure])}
            </ColumnHeader>
          ))}
          <ColumnHeader>{t('themes:money.reason')}</ColumnHeader>
          {actions ? <ColumnHeader>{t('themes:money.actions')}</ColumnHeader> : null}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => {
          const counts = entry.kind !== 'withdrawal' && entry.supersededBy === null;
          return (
            <tr key={entry.id}>
              <RowHeader>{partialDate(entry.asOf, lang)}</RowHeader>
              <Cell>
                <Badge $tone={entry.current ? 'success' : counts ? 'neutral' : 'warning'}>{status(entry)}</Badge>
              </Cell>
              {FIGURES.map((figure) => (
                <Cell key={figure} numeric>
                  {entry.kind === 'withdrawal' ? '–' : figureText(entry, figure, lang, unknown)}
                </Cell>
              ))}
              <Cell>
                {entry.reason}
                {/* An entry loaded from the dataset says which document it is from, not "recorded by dataset". */}
                {readProvenance(entry.source) ? (
                  <SourceLine source={entry.source} />
                ) : (
                  <SmallText>
                    {t('themes:money.recordedBy', { who: entry.recordedBy, when: dateTime(entry.recordedAt, lang) })}
                  </SmallText>
                )}
                {entry.confirmation ? (
                  <SmallText>
                    {t('themes:money.confirmed', {
                      checks: entry.confirmation.checks
                        .map((check) => {
                          const [code = '', field = ''] = check.split(':');
                          return t(CHECK_KEYS[code] ?? code, { field: t(FIGURE_KEYS[field as Figure] ?? field) });
                        })
                        .join('; '),
                      reason: entry.confirmation.reason,
                    })}
                  </SmallText>
                ) : null}
              </Cell>
              {actions ? <Cell>{counts ? actions(entry) : null}</Cell> : null}
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
