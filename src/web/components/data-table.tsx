/**
 * Data tables, built to the design system's tokens: the system's own Table takes rows as data and
 * has neither row headers (scope="row") nor a footer for totals, which these tables need.
 * Usage: <DataTable caption=…><thead>…</thead><tbody>…</tbody></DataTable> with Th/Td cells.
 */
import { useId, type ReactNode } from 'react';
import { styled } from 'styled-components';
import { colors, spacing, typography } from './tokens.js';

/** Wide tables scroll sideways in a region the keyboard can reach and that has a name. */
const Scroll = styled.div`
  overflow-x: auto;
  margin-bottom: ${spacing.m};
  background: ${colors.whiteBase};
  border: 1px solid ${colors.depthLight1};
`;

const Table = styled.table`
  border-collapse: collapse;
  width: 100%;
  ${typography.bodyTextSmall}

  caption {
    ${typography.bodySemiBold}
    text-align: left;
    padding: ${spacing.s} ${spacing.s} ${spacing.xs};
  }
  th,
  td {
    padding: ${spacing.insetM} ${spacing.insetXl};
    border-bottom: 1px solid ${colors.depthLight1};
    text-align: left;
    vertical-align: top;
  }
  thead th {
    ${typography.bodySemiBoldSmall}
    background: ${colors.depthSecondary};
    border-bottom: 2px solid ${colors.depthBase};
    vertical-align: bottom;
  }
  tbody th {
    font-weight: 600;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
    border-top: 2px solid ${colors.depthBase};
    border-bottom: 0;
  }
  .num {
    text-align: right;
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
`;

export function DataTable({
  caption,
  children,
  captionLang,
}: {
  caption: ReactNode;
  children: ReactNode;
  captionLang?: string;
}) {
  const id = useId();
  return (
    <Scroll role="region" aria-labelledby={id} tabIndex={0}>
      <Table>
        <caption id={id} lang={captionLang}>
          {caption}
        </caption>
        {children}
      </Table>
    </Scroll>
  );
}

type CellProps = { children?: ReactNode; numeric?: boolean; lang?: string | undefined; colSpan?: number };

export function ColumnHeader({ children, numeric }: CellProps) {
  return (
    <th scope="col" className={numeric ? 'num' : undefined}>
      {children}
    </th>
  );
}

export function RowHeader({ children, numeric, lang, colSpan }: CellProps) {
  return (
    <th scope="row" className={numeric ? 'num' : undefined} lang={lang} colSpan={colSpan}>
      {children}
    </th>
  );
}

export function Cell({ children, numeric, lang, colSpan }: CellProps) {
  return (
    <td className={numeric ? 'num' : undefined} lang={lang} colSpan={colSpan}>
      {children}
    </td>
  );
}
