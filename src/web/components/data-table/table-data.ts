/**
 * The rules of a sortable, downloadable table with no React in them: a column says what its cells
 * are (text, a count, euros in cents, a ratio, a date), how the page words a cell, and the value the
 * table sorts and downloads by. Sorting uses the value, never the worded text: amounts by cents,
 * dates by date, names by the page language's collation (Finnish or Swedish å, ä, ö order).
 * Unknown values come last in either direction, as in the API's sorts.
 */
import { helsinkiDate, helsinkiTime } from '../../../domain/helsinki-time.js';
import type { Language } from '../../i18n.js';

/** `date`: ISO date, possibly year or month only; `datetime`: an ISO instant, shown and written in Helsinki time. */
export type ColumnKind = 'text' | 'integer' | 'number' | 'percent' | 'euros' | 'date' | 'datetime';

/** Columns of numbers are right-aligned (and their header too). */
export const isNumeric = (kind: ColumnKind) => kind !== 'text' && kind !== 'date' && kind !== 'datetime';

/** A cell's value: text, a number (cents for euros, a ratio for percent), an ISO date; null when unknown. */
export type CellValue = string | number | null;

export type TableColumn<Row> = {
  /** The column's name in the address (`?sort=-reserved`); also its React key. */
  key: string;
  /** The header in the page's language, as the table shows it and the downloads write it. */
  header: string;
  kind: ColumnKind;
  value: (row: Row) => CellValue;
  /** Euros given only rounded in the source: the downloads mark them with "≈", as the page does. */
  rounded?: (row: Row) => boolean;
  /** Default true. */
  sortable?: boolean;
};

export type SortOrder = { key: string; descending: boolean };

/** `?sort=-reserved` → { key: 'reserved', descending: true }; an unknown column gives the fallback. */
export function parseSort<Row>(
  text: string | null,
  columns: readonly TableColumn<Row>[],
  fallback: SortOrder | null,
): SortOrder | null {
  if (!text) return fallback;
  const descending = text.startsWith('-');
  const key = descending ? text.slice(1) : text;
  const column = columns.find((c) => c.key === key);
  return column && column.sortable !== false ? { key, descending } : fallback;
}

export const sortParam = (order: SortOrder) => `${order.descending ? '-' : ''}${order.key}`;

const collators = new Map<string, Intl.Collator>();
/** The page language's alphabet: Finnish and Swedish put å, ä and ö after z (in their own order). */
export function collator(language: Language): Intl.Collator {
  let c = collators.get(language);
  if (!c) {
    c = new Intl.Collator(language, { sensitivity: 'base', numeric: true });
    collators.set(language, c);
  }
  return c;
}

/**
 * Rows in the given order; ties keep the order they came in (the API's), unknown values last.
 * Dates are ISO text of full or reduced precision ("2024", "2024-06", "2024-06-01"), which sort
 * as dates when compared as code points.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  order: SortOrder | null,
  language: Language,
): Row[] {
  const column = order && columns.find((c) => c.key === order.key);
  if (!order || !column) return [...rows];
  const compareText = collator(language).compare;
  const sign = order.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value === b.value) return a.index - b.index;
        return a.value === null ? 1 : -1;
      }
      let result: number;
      if (typeof a.value === 'number' && typeof b.value === 'number') result = a.value - b.value;
      else if (column.kind === 'date') result = codePoints(String(a.value), String(b.value));
      else if (column.kind === 'datetime') result = Date.parse(String(a.value)) - Date.parse(String(b.value));
      else result = compareText(String(a.value), String(b.value));
      return result === 0 ? a.index - b.index : sign * result;
    })
    .map((entry) => entry.row);
}

/** The rows of one page (pages count from 1) and how many pages there are (at least one). */
export function pageOf<Row>(rows: readonly Row[], page: number, pageSize: number) {
  if (!Number.isFinite(pageSize)) return { rows: [...rows], page: 1, pages: 1 };
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  return { rows: rows.slice((current - 1) * pageSize, current * pageSize), page: current, pages };
}

const codePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const ROUNDED = '≈ ';

/** An instant as Helsinki's wall clock: "2025-02-01 09:05" (null when unreadable). */
export function helsinkiWallClock(iso: string): { date: string; time: string } | null {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? null : { date: helsinkiDate(instant), time: helsinkiTime(instant) };
}

/**
 * A CSV field, as the open data writes them: RFC 4180 quoting, text a spreadsheet would run as a
 * formula gets a leading apostrophe (OWASP), euros with two decimals and a point, ratios as
 * percentages with the point, dates in ISO 8601. A rounded amount keeps the page's "≈ " marker.
 */
export function csvCell<Row>(column: TableColumn<Row>, row: Row): string {
  const value = column.value(row);
  if (value === null) return '';
  let text: string;
  if (typeof value === 'number') {
    if (column.kind === 'euros') text = `${column.rounded?.(row) ? ROUNDED : ''}${(value / 100).toFixed(2)}`;
    else if (column.kind === 'percent') text = String(Math.round(value * 1000) / 10);
    else text = String(value);
  } else if (column.kind === 'datetime') {
    const local = helsinkiWallClock(value);
    text = local ? `${local.date} ${local.time}` : value;
  } else text = /^[=+@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The CSV header of a column: units where the cells are bare numbers ("Rahoituskehys (€)"). */
export const csvHeader = <Row>(column: TableColumn<Row>) =>
  column.kind === 'euros' ? `${column.header} (€)` : column.kind === 'percent' ? `${column.header} (%)` : column.header;

/** The whole table as CSV: a byte order mark (so spreadsheets read ä and å right), a header row, CRLF lines. */
export function tableCsv<Row>(rows: readonly Row[], columns: readonly TableColumn<Row>[]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [columns.map((c) => quote(csvHeader(c))).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c, row)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An XLSX cell as write-excel-file takes it (kept structural so that this file loads without the library). */
export type SheetCell =
  | null
  | { value: string; type: StringConstructor; fontWeight?: 'bold' }
  | { value: number; type: NumberConstructor; format?: string }
  | { value: Date; type: DateConstructor; format: string };

/**
 * The table as sheet rows: a bold header row in the page's language; euros as numbers with two
 * decimals (a rounded one shown with "≈" by its number format, so it still sums); ratios as
 * percentages; full dates as date cells in the page's order (d.m.yyyy, English d mmm yyyy), dates
 * known only to the month or year as their ISO text.
 */
export function sheetData<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  language: Language,
): SheetCell[][] {
  const dateFormat = language === 'en' ? 'd mmm yyyy' : 'd.m.yyyy';
  const header: SheetCell[] = columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }));
  return [
    header,
    ...rows.map((row) =>
      columns.map((column): SheetCell => {
        const value = column.value(row);
        if (value === null) return null;
        if (typeof value === 'number') {
          if (column.kind === 'euros')
            return {
              value: value / 100,
              type: Number,
              format: column.rounded?.(row) ? '"≈ "#,##0.00 "€"' : '#,##0.00 "€"',
            };
          if (column.kind === 'percent') return { value, type: Number, format: '0.0 %' };
          return { value, type: Number };
        }
        if (column.kind === 'datetime') {
          const local = helsinkiWallClock(value);
          if (local) {
            // A spreadsheet's date has no time zone: the cell holds Helsinki's wall clock.
            const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
            const [h, min] = local.time.split(':').map(Number) as [number, number];
            return { value: new Date(Date.UTC(y, m - 1, d, h, min)), type: Date, format: `${dateFormat} h:mm` };
          }
        }
        const date = column.kind === 'date' ? FULL_DATE.exec(value) : null;
        if (date)
          return {
            value: new Date(Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3]))),
            type: Date,
            format: dateFormat,
          };
        return { value, type: String };
      }),
    ),
  ];
}
