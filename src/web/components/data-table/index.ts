/** Sorting, paging and downloading a table: see table-data.ts (rules), use-table-state.ts, table-controls.tsx. */
export { DownloadButtons, SortHeader, SortHeaderRow, TablePagination } from './table-controls.js';
export { useTableState, type TableState } from './use-table-state.js';
export type { CellValue, ColumnKind, SortOrder, TableColumn } from './table-data.js';
