/**
 * Issue 21, item 2, in Chromium against the real server: a journalist filters the overview's themes
 * to one ministry, sorts them by a money column by pressing its header, and downloads the table as
 * CSV and as XLSX. Both files are read back here and compared row by row, cell by cell, with the
 * table on the page: the same rows in the same order, headers in the page's language, amounts in
 * euros with "≈" where the page shows it, ratios as percentages. The calls' list is sorted by a date
 * and its dates come back as dates (ISO in the CSV, date cells in the XLSX). The sort and the filter
 * are in the address, so a reload keeps them. In Finnish and in Swedish; axe finds nothing.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sheetFormats, sheetRows } from '../helpers/xlsx.js';
import { axeViolations, settled, useBrowser } from './browser.js';
import { parseCsv } from '../helpers/csv.js';

const { newPage } = useBrowser();

type Kind = 'text' | 'euros' | 'percent' | 'integer' | 'date';

const TEXT = {
  fi: {
    ministryFilter: /Vastuuministeriö$/,
    ministry: 'Työ- ja elinkeinoministeriö',
    abbreviation: 'TEM',
    themesCaption: 'Teemojen rahoitus euroina',
    reserved: 'Varaukset',
    themeHeaders: [
      'Teema',
      'Ministeriöt',
      'Rahoituskehys',
      'Varaukset',
      'Sidotut valtuudet',
      'Maksetut kustannukset',
      'Varattu kehyksestä',
      'Varattavissa',
    ],
    notKnown: 'ei tiedossa',
    downloads: /^Lataa taulukko/,
    callsCaption: /^\d+ hakua$/,
    opens: 'Avautuu',
    next: 'Seuraava sivu',
  },
  sv: {
    ministryFilter: /Ansvarigt ministerium$/,
    ministry: 'Arbets- och näringsministeriet',
    abbreviation: 'ANM',
    themesCaption: 'Temanas finansiering i euro',
    reserved: 'Reserveringar',
    themeHeaders: [
      'Tema',
      'Ministerier',
      'Finansieringsram',
      'Reserveringar',
      'Bundna fullmakter',
      'Utbetalda kostnader',
      'Reserverat av ramen',
      'Kan reserveras',
    ],
    notKnown: 'inte känt',
    downloads: /^Ladda ner tabellen/,
    callsCaption: /^\d+ utlysningar$/,
    opens: 'Öppnar',
    next: 'Nästa sida',
  },
} as const;

const THEME_KINDS: Kind[] = ['text', 'text', 'euros', 'euros', 'euros', 'euros', 'percent', 'euros'];
const CALL_KINDS: Kind[] = ['text', 'text', 'text', 'date', 'date', 'text', 'integer', 'integer', 'euros'];

/** The table as a person reads it: the headers (without the sort arrow) and each row's cell texts. */
async function readTable(table: Locator): Promise<{ headers: string[]; rows: string[][]; sorts: (string | null)[] }> {
  return table.evaluate((element) => {
    // "(på finska)" says on the page that a name is Finnish; the downloaded cell is the name itself.
    const text = (node: Element | null) => {
      if (!node) return '';
      const copy = node.cloneNode(true) as Element;
      copy.querySelectorAll('[data-in-finnish]').forEach((marker) => marker.remove());
      return (copy.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ').trim();
    };
    const ths = [...element.querySelectorAll('thead th')];
    return {
      headers: ths.map((th) => text(th).replace(/\s*[▲▼↕]$/, '')),
      sorts: ths.map((th) => th.getAttribute('aria-sort')),
      rows: [...element.querySelectorAll('tbody tr')].map((tr) =>
        [...tr.children].map((cell, i) => (i === 0 ? text(cell.querySelector('a') ?? cell) : text(cell))),
      ),
    };
  });
}

/** "≈ 1 055 410,40 €" → { euros: 1055410.4, rounded: true }. */
function eurosOf(text: string): { euros: number; rounded: boolean } {
  const rounded = text.startsWith('≈');
  const digits = text.replace(/^≈/, '').replace(/[\s€]/g, '').replace(',', '.');
  expect(digits, `an amount: ${text}`).toMatch(/^-?\d+(\.\d+)?$/);
  return { euros: Number(digits), rounded };
}

const numberOf = (text: string) => Number(text.replace(/[\s%]/g, '').replace(',', '.'));

/** "1.6.2024" → "2024-06-01"; dates known only to the month or year are not compared here. */
function isoOf(text: string): string | null {
  const match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  return match ? `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}` : null;
}

/** A spreadsheet's date serial (days since 1899-12-30) as an ISO date. */
const serialDate = (serial: string) =>
  new Date(Date.UTC(1899, 11, 30) + Math.round(Number(serial)) * 86_400_000).toISOString().slice(0, 10);

/** Presses one of the table's download buttons and reads the file the browser saved. */
async function download(page: Page, group: RegExp, name: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('group', { name: group }).getByRole('button', { name, exact: true }).click(),
  ]);
  return readFileSync((await file.path())!);
}

/** Every page of a paged table, read by pressing "next" until it is disabled (or there is one page). */
async function readAllPages(page: Page, table: Locator, next: string) {
  const first = await readTable(table);
  const rows = [...first.rows];
  const button = page.getByRole('button', { name: next, exact: true });
  while ((await button.count()) > 0 && (await button.isEnabled())) {
    const before = JSON.stringify((await readTable(table)).rows[0]);
    await button.click();
    await expect.poll(async () => JSON.stringify((await readTable(table)).rows[0])).not.toBe(before);
    rows.push(...(await readTable(table)).rows);
  }
  return { ...first, rows };
}

/** The CSV says, row by row and cell by cell, what the page's table says. */
function expectCsvMatches(
  csv: string[][],
  table: { headers: string[]; rows: string[][] },
  kinds: Kind[],
  notKnown: string,
) {
  expect(csv[0]).toEqual(
    table.headers.map((h, i) => (kinds[i] === 'euros' ? `${h} (€)` : kinds[i] === 'percent' ? `${h} (%)` : h)),
  );
  expect(csv.slice(1)).toHaveLength(table.rows.length);
  table.rows.forEach((cells, r) => {
    const line = csv[r + 1]!;
    cells.forEach((text, c) => {
      const at = `CSV row ${r + 1}, column ${table.headers[c]}: page shows "${text}"`;
      if (text === notKnown) return expect(line[c], at).toBe('');
      switch (kinds[c]) {
        case 'euros': {
          const { euros, rounded } = eurosOf(text);
          return expect(line[c], at).toBe(`${rounded ? '≈ ' : ''}${euros.toFixed(2)}`);
        }
        case 'percent':
          return expect(Number(line[c]), at).toBeCloseTo(numberOf(text), 1);
        case 'integer':
          return expect(Number(line[c]), at).toBe(numberOf(text));
        case 'date': {
          const iso = isoOf(text);
          return iso ? expect(line[c], at).toBe(iso) : expect(line[c], at).toMatch(/^\d{4}(-\d{2})?$/);
        }
        default:
          return expect(line[c], at).toBe(text);
      }
    });
  });
}

/** The XLSX likewise: numbers as numbers (euros shown with "€", rounded ones with "≈"), dates as date cells. */
function expectXlsxMatches(
  xlsx: Buffer,
  table: { headers: string[]; rows: string[][] },
  kinds: Kind[],
  notKnown: string,
) {
  const values = sheetRows(xlsx, 1);
  const formats = sheetFormats(xlsx, 1);
  expect(values[0]).toEqual(table.headers);
  expect(values.slice(1)).toHaveLength(table.rows.length);
  table.rows.forEach((cells, r) => {
    const line = values[r + 1]!;
    const format = formats[r + 1]!;
    cells.forEach((text, c) => {
      const at = `XLSX row ${r + 1}, column ${table.headers[c]}: page shows "${text}"`;
      if (text === notKnown) return expect(line[c] ?? '', at).toBe('');
      switch (kinds[c]) {
        case 'euros': {
          const { euros, rounded } = eurosOf(text);
          expect(Number(line[c]), at).toBeCloseTo(euros, 2);
          expect(format[c], at).toContain('€');
          return expect(format[c]!.includes('≈'), at).toBe(rounded);
        }
        case 'percent':
          expect(Number(line[c]) * 100, at).toBeCloseTo(numberOf(text), 1);
          return expect(format[c], at).toContain('%');
        case 'integer':
          return expect(Number(line[c]), at).toBe(numberOf(text));
        case 'date': {
          const iso = isoOf(text);
          if (!iso) return expect(line[c], at).toMatch(/^\d{4}(-\d{2})?$/);
          expect(serialDate(line[c]!), at).toBe(iso);
          return expect(format[c], at).toMatch(/d\.m\.yyyy/);
        }
        default:
          return expect(line[c] ?? '', at).toBe(text);
      }
    });
  });
}

describe.each(['fi', 'sv'] as const)('sorting and downloading the public tables (%s)', (lang) => {
  const text = TEXT[lang];

  it('filters the themes to a ministry, sorts by reservations and downloads what is shown', async () => {
    const { page } = await newPage();
    await page.goto(`/${lang}/`);
    await settled(page);
    await page.getByRole('button', { name: text.ministryFilter }).click();
    await page.getByRole('option', { name: text.ministry }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ministry')).toBe('TEM');
    const table = page.getByRole('table', { name: text.themesCaption });

    // Sorting: the header is a button; the first press sorts ascending, the second descending.
    const header = table.getByRole('columnheader', { name: text.reserved });
    expect(await header.getAttribute('aria-sort')).toBeNull();
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('descending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('-reserved');
    const violations = await axeViolations(page, `/${lang}/ (filtered and sorted)`);

    // A reload keeps the filter and the sort: they are in the address.
    await page.reload();
    await settled(page);
    const shown = await readTable(table);
    expect(shown.headers).toEqual(text.themeHeaders);
    expect(shown.sorts).toEqual(shown.headers.map((h) => (h === text.reserved ? 'descending' : null)));
    expect(shown.rows.length).toBeGreaterThan(1);
    // Every theme shown is the ministry's, and the order is by the amount (cents), unknown last.
    for (const row of shown.rows) expect(row[1]!.split(' ')).toContain(text.abbreviation);
    const reserved = shown.rows.map((row) => (row[3] === text.notKnown ? null : eurosOf(row[3]!).euros));
    const known = reserved.filter((v): v is number => v !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(reserved.slice(known.length).every((v) => v === null)).toBe(true);

    const csv = parseCsv((await download(page, text.downloads, 'CSV')).toString('utf8').replace(/^\uFEFF/, ''));
    expectCsvMatches(csv, shown, THEME_KINDS, text.notKnown);
    expectXlsxMatches(await download(page, text.downloads, 'XLSX (Excel)'), shown, THEME_KINDS, text.notKnown);
    expect(violations).toEqual([]);
  });

  it('sorts the calls by the day they open (as dates) and downloads them with dates as dates', async () => {
    const { page } = await newPage();
    await page.goto(`/${lang}/calls`);
    await settled(page);
    const table = page.getByRole('table', { name: text.callsCaption });
    const header = table.getByRole('columnheader', { name: text.opens });
    await header.getByRole('button').click();
    await expect.poll(() => header.getAttribute('aria-sort')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('opens');
    // The list is paged; the downloads carry every call in this order, so read every page.
    const shown = await readAllPages(page, table, text.next);
    expect(new URL(page.url()).searchParams.get('page')).not.toBeNull();
    const opens = shown.rows.map((row) => isoOf(row[3]!)).filter((d): d is string => d !== null);
    expect(opens.length).toBeGreaterThan(1);
    expect(opens).toEqual([...opens].sort());
    const csv = parseCsv((await download(page, text.downloads, 'CSV')).toString('utf8').replace(/^\uFEFF/, ''));
    expectCsvMatches(csv, shown, CALL_KINDS, text.notKnown);
    expectXlsxMatches(await download(page, text.downloads, 'XLSX (Excel)'), shown, CALL_KINDS, text.notKnown);
    expect(await axeViolations(page, `/${lang}/calls (sorted)`)).toEqual([]);
  });
});
