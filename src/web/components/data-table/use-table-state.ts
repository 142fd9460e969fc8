/**
 * A table's sort order and page, kept in the address (`?sort=-reserved&page=2`, or with a prefix
 * where a page has several tables) beside the page's own filters, so that a sorted view can be
 * shared and the back button undoes a sort. The rows come in filtered (by the API or the page); this
 * sorts them by value and cuts the page. Markup-agnostic: any table or card list can use it.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { Language } from '../../i18n.js';
import { pageOf, parseSort, sortParam, sortRows, type SortOrder, type TableColumn } from './table-data.js';

export type TableState<Row> = {
  columns: readonly TableColumn<Row>[];
  /** Every row, sorted: what the downloads write. */
  rows: Row[];
  /** The rows of the current page, sorted: what the table shows. */
  pageRows: Row[];
  sort: SortOrder | null;
  /** `aria-sort` of a column header: only the sorted column carries one. */
  ariaSort: (key: string) => 'ascending' | 'descending' | undefined;
  /** Sorts by the column; a second press on the sorted column reverses it. Goes back to page 1. */
  toggleSort: (key: string) => void;
  page: number;
  pages: number;
  setPage: (page: number) => void;
  language: Language;
};

export function useTableState<Row>({
  rows,
  columns,
  language,
  defaultSort = null,
  pageSize = Number.POSITIVE_INFINITY,
  prefix = '',
  sortedBy = 'page',
  resetOnSort = [],
}: {
  rows: readonly Row[];
  columns: readonly TableColumn<Row>[];
  language: Language;
  /** The order the rows come in is kept when null. */
  defaultSort?: SortOrder | null;
  pageSize?: number;
  /** For a second table on one page: its parameters are `${prefix}sort` and `${prefix}page`. */
  prefix?: string;
  /**
   * 'server': the API sorts and pages (the rows come sorted by `sort`); the headers only write the
   * order into the address. Only columns the API can sort by should then be sortable.
   */
  sortedBy?: 'page' | 'server';
  /** Parameters a new order makes stale, e.g. the API's `cursor`. */
  resetOnSort?: readonly string[];
}): TableState<Row> {
  const [params, setParams] = useSearchParams();
  const sortName = `${prefix}sort`;
  const pageName = `${prefix}page`;
  const sort = parseSort(params.get(sortName), columns, defaultSort);
  const sortKey = sort?.key;
  const descending = sort?.descending ?? false;
  const sorted = useMemo(
    () =>
      sortedBy === 'server'
        ? [...rows]
        : sortRows(rows, columns, sortKey === undefined ? null : { key: sortKey, descending }, language),
    [rows, columns, sortKey, descending, language, sortedBy],
  );
  const { rows: pageRows, page, pages } = pageOf(sorted, Number(params.get(pageName) ?? '1'), pageSize);

  const toggleSort = useCallback(
    (key: string) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        const current = parseSort(previous.get(sortName), columns, defaultSort);
        // A new column starts ascending (A–Ö, smallest, earliest), as people expect of a table.
        const order: SortOrder = { key, descending: current?.key === key ? !current.descending : false };
        const isDefault = defaultSort && order.key === defaultSort.key && order.descending === defaultSort.descending;
        if (isDefault) next.delete(sortName);
        else next.set(sortName, sortParam(order));
        next.delete(pageName);
        for (const name of resetOnSort) next.delete(name);
        return next;
      });
    },
    [setParams, sortName, pageName, columns, defaultSort, resetOnSort],
  );

  const setPage = useCallback(
    (value: number) => {
      setParams((previous) => {
        const next = new URLSearchParams(previous);
        if (value <= 1) next.delete(pageName);
        else next.set(pageName, String(value));
        return next;
      });
    },
    [setParams, pageName],
  );

  return {
    columns,
    rows: sorted,
    pageRows,
    sort,
    ariaSort: (key) => (sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined),
    toggleSort,
    page,
    pages,
    setPage,
    language,
  };
}
