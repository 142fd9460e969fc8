/**
 * What a sortable, downloadable table adds to its markup: a header cell whose name is a button
 * (`aria-sort` on the sorted one), the Suomi.fi pagination, and buttons that download the rows as
 * they are sorted and filtered, as CSV and XLSX. They take a `TableState` (use-table-state.ts), so
 * the plain table of ../data-table.tsx and a card layout can both use them.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pagination } from 'suomifi-ui-components';
import type { SheetData } from 'write-excel-file/browser';
import { styled } from 'styled-components';
import { Button } from '../forms.js';
import { colors, focusRing, spacing, typography } from '../tokens.js';
import { isNumeric, sheetData, tableCsv, type TableColumn } from './table-data.js';
import type { TableState } from './use-table-state.js';

const HeaderButton = styled.button`
  all: unset;
  box-sizing: border-box;
  cursor: pointer;
  display: inline-flex;
  gap: ${spacing.xxs};
  align-items: flex-end;
  /* Headers may wrap (even over numbers), so that the columns stay as narrow as their cells. */
  white-space: normal;
  text-align: inherit;
  color: ${colors.highlightDark1};
  text-decoration: underline;
  text-underline-offset: 2px;
  &:hover {
    color: ${colors.highlightBase};
  }
  &:focus-visible {
    ${focusRing}
  }
`;

/** ▲ ascending, ▼ descending, ↕ sortable: drawn, not read (the header's aria-sort says it). */
const Arrow = styled.span`
  text-decoration: none;
  display: inline-block;
  min-width: 1em;
`;

/** A column header (th scope="col"); sortable ones are a button and carry aria-sort when sorted. */
export function SortHeader<Row>({ table, column }: { table: TableState<Row>; column: TableColumn<Row> }) {
  const numeric = isNumeric(column.kind);
  if (column.sortable === false)
    return (
      <th scope="col" className={numeric ? 'num' : undefined}>
        {column.header}
      </th>
    );
  const sort = table.ariaSort(column.key);
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={sort}>
      <HeaderButton type="button" onClick={() => table.toggleSort(column.key)}>
        {column.header}
        <Arrow aria-hidden="true">{sort === 'ascending' ? '▲' : sort === 'descending' ? '▼' : '↕'}</Arrow>
      </HeaderButton>
    </th>
  );
}

/** The header row of a table from its columns. */
export function SortHeaderRow<Row>({ table }: { table: TableState<Row> }) {
  return (
    <tr>
      {table.columns.map((column) => (
        <SortHeader key={column.key} table={table} column={column} />
      ))}
    </tr>
  );
}

/** Previous, next, "page 2 / 5" and a page number to go to: the design system's pagination. */
export function TablePagination<Row>({ table, label }: { table: TableState<Row>; label: string }) {
  const { t } = useTranslation('common');
  if (table.pages <= 1) return null;
  return (
    <Pagination
      aria-label={label}
      currentPage={table.page}
      lastPage={table.pages}
      onChange={(page) => table.setPage(page)}
      pageIndicatorText={(current, last) => t('table.pageOf', { page: current, pages: last })}
      ariaPageIndicatorText={(current, last) => t('table.pageOfLong', { page: current, pages: last })}
      nextButtonAriaLabel={t('table.next')}
      previousButtonAriaLabel={t('table.previous')}
      pageInputProps={{
        labelText: t('table.goToPage'),
        buttonText: t('table.go'),
        inputPlaceholderText: t('table.pageNumber'),
        invalidValueErrorText: (value) => t('table.invalidPage', { value: String(value ?? '') }),
      }}
    />
  );
}

const Downloads = styled.div`
  display: flex;
  flex-wrap: wrap;
  gap: ${spacing.xs};
  align-items: center;
  margin: ${spacing.xs} 0 ${spacing.m};
  ${typography.bodyTextSmall}
`;

function save(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the address is freed after it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Downloads every row of the table as it is filtered and sorted (all pages, not only the one shown),
 * as CSV or XLSX, with the headers in the page's language. The XLSX writer is the one the open data
 * uses (write-excel-file), loaded only when someone downloads.
 */
export function DownloadButtons<Row>({
  table,
  fileName,
  sheetName,
}: {
  table: TableState<Row>;
  /** Without extension, e.g. "teemat". */
  fileName: string;
  /** Up to 31 characters; defaults to fileName. */
  sheetName?: string;
}) {
  const { t } = useTranslation('common');
  const [failed, setFailed] = useState(false);
  const labelId = useId();
  const xlsx = async () => {
    setFailed(false);
    try {
      const { default: writeXlsxFile } = await import('write-excel-file/browser');
      const data = sheetData(table.rows, table.columns, table.language);
      const blob = await writeXlsxFile([
        {
          data: data as SheetData,
          // Excel refuses a sheet name with : \ / ? * [ ] or longer than 31 characters.
          sheet: (sheetName ?? fileName).replace(/[:\\/?*[\]]/g, ' ').slice(0, 31),
          columns: table.columns.map((c) => ({ width: c.kind === 'text' ? 40 : 16 })),
          stickyRowsCount: 1,
        },
      ]).toBlob();
      save(blob, `${fileName}.xlsx`);
    } catch {
      setFailed(true);
    }
  };
  return (
    <Downloads role="group" aria-labelledby={labelId}>
      <span id={labelId}>{t('table.download', { count: table.rows.length })}</span>
      <Button
        variant="secondary"
        onClick={() =>
          save(new Blob([tableCsv(table.rows, table.columns)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`)
        }
      >
        {t('table.csv')}
      </Button>
      <Button variant="secondary" onClick={() => void xlsx()}>
        {t('table.xlsx')}
      </Button>
      {failed ? <span role="alert">{t('table.downloadFailed')}</span> : null}
    </Downloads>
  );
}
