/**
 * The rules of the sortable, downloadable tables (web/components/data-table/table-data.ts): rows
 * sort by value, not by the worded text (cents, dates, the page language's alphabet), unknown
 * values last in either direction, ties in the order they came; the CSV and the sheet write euros,
 * the rounded marker, percentages and dates as the issue asks.
 */
import { describe, expect, it } from 'vitest';
import {
  csvCell,
  pageOf,
  parseSort,
  sheetData,
  sortRows,
  tableCsv,
  type TableColumn,
} from '../../src/web/components/data-table/table-data.js';

type Row = { name: string; cents: number | null; rounded?: boolean; date: string | null; at?: string | null };

const columns: TableColumn<Row>[] = [
  { key: 'name', header: 'Nimi', kind: 'text', value: (r) => r.name },
  { key: 'cents', header: 'Kehys', kind: 'euros', value: (r) => r.cents, rounded: (r) => r.rounded ?? false },
  { key: 'date', header: 'Alkaa', kind: 'date', value: (r) => r.date },
  { key: 'at', header: 'Julkaistu', kind: 'datetime', value: (r) => r.at ?? null },
];
const names = (rows: Row[]) => rows.map((r) => r.name);

describe('sortRows', () => {
  const rows: Row[] = [
    { name: 'Öljy', cents: 99_999, date: '2024-06-01' },
    { name: 'Åland', cents: null, date: '2024' },
    { name: 'Zeta', cents: 100_000_000, date: null },
    { name: 'Äes', cents: 5, date: '2023-12-31' },
    { name: 'aapo', cents: 99_999, date: '2024-05' },
  ];

  it.each(['fi', 'sv'] as const)('orders names by the %s alphabet: å, ä, ö after z', (lang) => {
    expect(names(sortRows(rows, columns, { key: 'name', descending: false }, lang))).toEqual([
      'aapo',
      'Zeta',
      'Åland',
      'Äes',
      'Öljy',
    ]);
  });

  it('orders amounts by cents (1 000 000,00 € after 999,99 €), unknown last both ways, ties as they came', () => {
    expect(names(sortRows(rows, columns, { key: 'cents', descending: false }, 'fi'))).toEqual([
      'Äes',
      'Öljy',
      'aapo',
      'Zeta',
      'Åland',
    ]);
    expect(names(sortRows(rows, columns, { key: 'cents', descending: true }, 'fi'))).toEqual([
      'Zeta',
      'Öljy',
      'aapo',
      'Äes',
      'Åland',
    ]);
  });

  it('orders dates as dates, whatever their precision, unknown last', () => {
    expect(names(sortRows(rows, columns, { key: 'date', descending: false }, 'fi'))).toEqual([
      'Äes',
      'Åland',
      'aapo',
      'Öljy',
      'Zeta',
    ]);
  });

  it('leaves the order as it came without a sort, and ignores a column the table does not have', () => {
    expect(names(sortRows(rows, columns, null, 'fi'))).toEqual(names(rows));
    expect(parseSort('-nope', columns, null)).toBeNull();
    expect(parseSort('-cents', columns, null)).toEqual({ key: 'cents', descending: true });
    expect(parseSort(null, columns, { key: 'date', descending: true })).toEqual({ key: 'date', descending: true });
  });
});

describe('pageOf', () => {
  it('cuts pages from 1 and keeps an out-of-range page inside the table', () => {
    const rows = Array.from({ length: 30 }, (_, i) => i);
    expect(pageOf(rows, 2, 25)).toEqual({ rows: [25, 26, 27, 28, 29], page: 2, pages: 2 });
    expect(pageOf(rows, 9, 25).page).toBe(2);
    expect(pageOf(rows, Number.NaN, 25).page).toBe(1);
    expect(pageOf([], 1, 25)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});

describe('the CSV', () => {
  it('writes euros with two decimals, the rounded marker, ISO dates, Helsinki times and a safe header', () => {
    const csv = tableCsv(
      [
        { name: 'Teema, "uusi"', cents: 1_055_410_40, date: '2024-06-01', at: '2025-02-01T07:05:00.000Z' },
        { name: '=HYPERLINK("x")', cents: 14_000_000_00, rounded: true, date: '2024-06', at: null },
        { name: 'Tuntematon', cents: null, date: null },
      ],
      columns,
    );
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFNimi,Kehys (€),Alkaa,Julkaistu',
      '"Teema, ""uusi""",1055410.40,2024-06-01,2025-02-01 09:05',
      `"'=HYPERLINK(""x"")",≈ 14000000.00,2024-06,`,
      'Tuntematon,,,',
      '',
    ]);
  });

  it('writes a ratio as a percentage with one decimal', () => {
    const percent: TableColumn<{ r: number }> = { key: 'r', header: 'Osuus', kind: 'percent', value: (x) => x.r };
    expect(csvCell(percent, { r: 0.2484 })).toBe('24.8');
  });
});

describe('the sheet', () => {
  it('has a bold header, euros as numbers shown with € (≈ when rounded) and full dates as date cells', () => {
    const [header, first, second] = sheetData(
      [
        { name: 'A', cents: 1_055_410_40, date: '2024-06-01', at: '2025-02-01T07:05:00.000Z' },
        { name: 'B', cents: 14_000_000_00, rounded: true, date: '2024-06' },
      ],
      columns,
      'fi',
    );
    expect(header).toEqual(columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' })));
    expect(first![1]).toEqual({ value: 1_055_410.4, type: Number, format: '#,##0.00 "€"' });
    expect(second![1]).toEqual({ value: 14_000_000, type: Number, format: '"≈ "#,##0.00 "€"' });
    expect(first![2]).toEqual({ value: new Date(Date.UTC(2024, 5, 1)), type: Date, format: 'd.m.yyyy' });
    expect(second![2]).toEqual({ value: '2024-06', type: String });
    // Helsinki's wall clock (UTC+2 in February): the spreadsheet shows 9.05, as the page does.
    expect(first![3]).toEqual({ value: new Date(Date.UTC(2025, 1, 1, 9, 5)), type: Date, format: 'd.m.yyyy h:mm' });
    expect(second![3]).toBeNull();
  });
});
