/**
 * What the editing forms share: reading amounts and counts typed in the page's language, field
 * errors from problem documents, the conflict notice (what changed since the form was opened, with
 * reload or re-apply) and a record's change history.
 */
import { formatFinnishDate, parseFinnishDate } from '../../../domain/calendar-date.js';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../contracts/api.js';
import { Cell, ColumnHeader, DataTable, RowHeader } from '../../components/data-table.js';
import { ErrorNotice } from '../../components/feedback.js';
import { Button } from '../../components/forms.js';
import { Toolbar } from '../../components/layout.js';
import { Paragraph } from '../../components/typography.js';
import { clockTime, dateTime, euros, integer, partialDate } from '../../format.js';
import type { Language } from '../../i18n.js';
import { keyOf } from '../../labels.js';
import { formatAmountInput, readAmountInput, type AmountInput } from '../../../domain/money.js';
import { readCountInput, readNumberInput, type CountProblem } from '../../../domain/numbers.js';

export type FieldKind =
  | 'money'
  | 'count'
  | 'number'
  | 'date'
  | 'partialDate'
  | 'time'
  | 'text'
  | 'textarea'
  | 'select'
  /** A list of short texts, one a line (a meeting's distribution list). */
  | 'lines';
/**
 * A field of a form. `name` is the record's property, or a path into it for a part of an object
 * (`name.fi`, `name.sv`); a `select` chooses among `options` (stored values with their labels).
 */
export type FieldSpec<N extends string = string> = {
  /** The record's property (RecordOf in contracts/records.ts), or a path into it (`name.fi`). */
  name: N | `${N}.${string}`;
  label: string;
  kind: FieldKind;
  required?: boolean;
  options?: { value: string; label: string }[];
  hint?: string;
};

/** The value at a field's name in a record: `name.fi` reads record.name.fi. */
export function valueAt(record: Record<string, unknown>, name: string): unknown {
  let value: unknown = record;
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/**
 * Values read by field name back into the record's shape: `name.fi` and `name.sv` become one
 * `name` object, laid over what the record has (its `name.en` kept, its key order too, so an
 * unchanged object compares the same).
 */
export function nest(flat: Record<string, unknown>, base: Record<string, unknown> = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(flat)) {
    const [head, ...rest] = name.split('.');
    if (!head) continue;
    if (rest.length === 0) {
      out[head] = value;
      continue;
    }
    const inner = (out[head] ?? { ...((base[head] as Record<string, unknown> | null) ?? {}) }) as Record<
      string,
      unknown
    >;
    inner[rest.join('.')] = value;
    out[head] = inner;
  }
  return out;
}

const group = (lang: Language) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : `${lang}-FI`, { useGrouping: true, maximumFractionDigits: 2 });

/** A stored value as the field shows it: amounts in euros written the language's way, no currency sign. */
export function toInput(kind: FieldKind, value: unknown, lang: Language): string {
  if (value === null || value === undefined) return '';
  if (kind === 'lines' && Array.isArray(value)) return value.join('\n');
  // Groups by spaces in every language: "14,000" would read back as ambiguous in English.
  if (kind === 'money' && typeof value === 'number') return formatAmountInput(value, lang);
  if ((kind === 'count' || kind === 'number') && typeof value === 'number')
    return group(lang)
      .format(value)
      .replace(/[\u202f\u00a0]/g, ' ');
  if (kind === 'time' && typeof value === 'string') return clockTime(value, lang);
  if (kind === 'date' && typeof value === 'string') return formatFinnishDate(value);
  return String(value);
}

/** Why an amount was refused, as a translation key under editing:invalid. */
export const AMOUNT_ERROR: Record<Exclude<AmountInput, { ok: true }>['reason'], string> = {
  empty: 'editing:invalid.required',
  unreadable: 'editing:invalid.money',
  ambiguous: 'editing:invalid.ambiguous',
  decimals: 'editing:invalid.cents',
  too_large: 'editing:invalid.tooLarge',
  negative: 'editing:invalid.negative',
};

/** Why a count or number was refused, as a translation key under editing:invalid. */
export const NUMBER_ERROR: Record<CountProblem, string> = {
  empty: 'editing:invalid.required',
  unreadable: 'editing:invalid.number',
  ambiguous: 'editing:invalid.numberAmbiguous',
  decimals: 'editing:invalid.numberDecimals',
  not_whole: 'editing:invalid.whole',
  too_large: 'editing:invalid.number',
  negative: 'editing:invalid.negative',
};

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

/** Reads a field's text; the error is a translation key under editing:invalid. */
export function fromInput(kind: FieldKind, text: string, lang: Language, required = false): Parsed {
  const trimmed = text.trim();
  // A list: each non-empty line, trimmed; nothing written is the empty list, not a missing value.
  if (kind === 'lines') {
    const lines = trimmed
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    return lines.length === 0 && required
      ? { ok: false, error: 'editing:invalid.required' }
      : { ok: true, value: lines };
  }
  if (trimmed === '') return required ? { ok: false, error: 'editing:invalid.required' } : { ok: true, value: null };
  switch (kind) {
    case 'money': {
      // The domain's one rule: a lone "." or "," with one or two digits is decimals, groups of three
      // by spaces or dots, anything ambiguous refused (so "12500000.5" is never 125 000 005 €).
      const amount = readAmountInput(trimmed);
      return amount.ok ? { ok: true, value: amount.cents } : { ok: false, error: AMOUNT_ERROR[amount.reason] };
    }
    case 'count':
    case 'number': {
      // The domain's one rule for counts and numbers, in every language: "1.5" is never 15, and
      // "1.500" (one and a half, or fifteen hundred?) is refused with the reason.
      const read = kind === 'count' ? readCountInput(trimmed) : readNumberInput(trimmed);
      return read.ok ? { ok: true, value: read.value } : { ok: false, error: NUMBER_ERROR[read.reason] };
    }
    case 'date': {
      // "15.1.2027" as people write it, "15.01.2027", or ISO; a day that does not exist is refused.
      const date = parseFinnishDate(trimmed);
      return date ? { ok: true, value: date } : { ok: false, error: 'editing:invalid.date' };
    }
    case 'partialDate':
      return /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(trimmed)
        ? { ok: true, value: trimmed }
        : { ok: false, error: 'editing:invalid.partialDate' };
    case 'time': {
      // "13.00" as Finns and Swedes write it, or "13:00"; stored as HH:MM.
      const match = /^([01]?\d|2[0-3])[.:]([0-5]\d)$/.exec(trimmed);
      return match
        ? { ok: true, value: `${match[1]!.padStart(2, '0')}:${match[2]}` }
        : { ok: false, error: 'editing:invalid.time' };
    }
    default:
      return { ok: true, value: trimmed };
  }
}

/** A stored value as text for the conflict and history tables. */
export function display(
  kind: FieldKind,
  value: unknown,
  lang: Language,
  empty: string,
  options?: { value: string; label: string }[],
): string {
  if (value === null || value === undefined || value === '') return empty;
  if (kind === 'lines' && Array.isArray(value)) return value.length === 0 ? empty : value.join('; ');
  if (kind === 'select') return options?.find((option) => option.value === value)?.label ?? String(value);
  if (kind === 'money' && typeof value === 'number') return euros(value, lang);
  if ((kind === 'count' || kind === 'number') && typeof value === 'number') return integer(value, lang);
  if ((kind === 'date' || kind === 'partialDate') && typeof value === 'string') return partialDate(value, lang);
  if (kind === 'time' && typeof value === 'string') return clockTime(value, lang);
  if (kind === 'date' && typeof value === 'string') return formatFinnishDate(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Field → reason, from a problem document's `errors` ("body.paid" and "paid" both name paid). */
export function fieldErrors(
  problem: Problem | null,
  fields: string[],
): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const error of problem?.errors ?? []) {
    // The longest field name the error's path starts with: "body.name.fi" is name.fi, "projects.0.code" projects.
    const parts = error.name.replace(/^body\./, '').split('.');
    let name: string | undefined;
    for (let length = parts.length; length > 0 && !name; length--) {
      const candidate = parts.slice(0, length).join('.');
      if (fields.includes(candidate)) name = candidate;
    }
    if (name) byField[name] ??= error.reason;
    else other.push(`${error.name}: ${error.reason}`);
  }
  return { byField, other };
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

type ConflictProps = {
  fields: FieldSpec[];
  /** The record as it was when the form was opened, as it is stored now, and what the user typed. */
  base: Record<string, unknown>;
  current: Record<string, unknown>;
  mine: Record<string, unknown>;
  lang: Language;
  onReload: () => void;
  onReapply: () => void;
};

/** The 409 answer shown as what changed meanwhile, with the two ways on. */
export function ConflictNotice({ fields, base, current, mine, lang, onReload, onReapply }: ConflictProps) {
  const { t } = useTranslation(['editing', 'common']);
  const changed = fields.filter((field) => !same(valueAt(base, field.name), valueAt(current, field.name)));
  const empty = t('editing:empty');
  return (
    <section aria-labelledby="conflict-heading" role="alert">
      <ErrorNotice title={<span id="conflict-heading">{t('editing:conflict.title')}</span>}>
        {t('editing:conflict.text')}
      </ErrorNotice>
      {changed.length > 0 ? (
        <DataTable caption={t('editing:conflict.caption')}>
          <thead>
            <tr>
              <ColumnHeader>{t('editing:conflict.field')}</ColumnHeader>
              <ColumnHeader>{t('editing:conflict.before')}</ColumnHeader>
              <ColumnHeader>{t('editing:conflict.now')}</ColumnHeader>
              <ColumnHeader>{t('editing:conflict.mine')}</ColumnHeader>
            </tr>
          </thead>
          <tbody>
            {changed.map((field) => (
              <tr key={field.name}>
                <RowHeader>{field.label}</RowHeader>
                <Cell>{display(field.kind, valueAt(base, field.name), lang, empty, field.options)}</Cell>
                <Cell>{display(field.kind, valueAt(current, field.name), lang, empty, field.options)}</Cell>
                <Cell>{display(field.kind, valueAt(mine, field.name), lang, empty, field.options)}</Cell>
              </tr>
            ))}
          </tbody>
        </DataTable>
      ) : (
        <Paragraph>{t('editing:conflict.noFieldChanges')}</Paragraph>
      )}
      <Toolbar>
        <Button onClick={onReapply}>{t('editing:conflict.reapply')}</Button>
        <Button variant="secondary" onClick={onReload}>
          {t('editing:conflict.reload')}
        </Button>
      </Toolbar>
    </section>
  );
}

const ACTION_KEYS = {
  create: 'editing:history.action.create',
  update: 'editing:history.action.update',
  archive: 'editing:history.action.archive',
  other: 'editing:history.action.other',
} as const;

export type HistoryEntry = {
  at: string;
  actor: string;
  actorName: string;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
};

/** Who changed the record, when, and which fields from what to what. */
export function HistoryTable({
  entries,
  fields,
  lang,
}: {
  entries: HistoryEntry[];
  fields: FieldSpec[];
  lang: Language;
}) {
  const { t } = useTranslation(['editing']);
  const empty = t('editing:empty');
  if (entries.length === 0) return <Paragraph>{t('editing:history.none')}</Paragraph>;
  return (
    <DataTable caption={t('editing:history.caption')}>
      <thead>
        <tr>
          <ColumnHeader>{t('editing:history.when')}</ColumnHeader>
          <ColumnHeader>{t('editing:history.who')}</ColumnHeader>
          <ColumnHeader>{t('editing:history.what')}</ColumnHeader>
        </tr>
      </thead>
      <tbody>
        {[...entries].reverse().map((entry, index) => {
          const before = (entry.before ?? {}) as Record<string, unknown>;
          const after = (entry.after ?? {}) as Record<string, unknown>;
          const changes = fields.filter((field) => !same(valueAt(before, field.name), valueAt(after, field.name)));
          return (
            <tr key={index}>
              <RowHeader>{dateTime(entry.at, lang)}</RowHeader>
              <Cell>{entry.actorName}</Cell>
              <Cell>
                {entry.action === 'update' && changes.length > 0 ? (
                  <ul>
                    {changes.map((field) => (
                      <li key={field.name}>
                        {t('editing:history.change', {
                          field: field.label,
                          before: display(field.kind, valueAt(before, field.name), lang, empty, field.options),
                          after: display(field.kind, valueAt(after, field.name), lang, empty, field.options),
                        })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  t(keyOf(ACTION_KEYS, entry.action) ?? ACTION_KEYS.other)
                )}
              </Cell>
            </tr>
          );
        })}
      </tbody>
    </DataTable>
  );
}
