/**
 * Data tables, built to the design system's tokens: the system's own Table takes rows as data and
 * has neither row headers (scope="row") nor a footer for totals, which these tables need.
 * Usage: <DataTable caption=…><thead>…</thead><tbody>…</tbody></DataTable> with ColumnHeader,
 * RowHeader and Cell.
 *
 * Reflow (WCAG 1.4.10): on a phone every table becomes a list of cards, one per row, each cell
 * labelled with its column's header (the row header is the card's title), so nothing sits off
 * screen. The labels are read from the header row whenever the rows change, so a table needs no
 * extra markup (what is marked aria-hidden, such as a sort arrow, is left out); a header whose text
 * is not a good label gives one with `label`, or data-label on its own th. Controls in the header
 * row (sort buttons) stay visible above the cards, as a row of buttons. On a wide screen
 * a table wider than the page scrolls inside its own named, focusable region, with a visible hint.
 */
import { useEffect, useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { styled } from 'styled-components';
import { colors, smallScreen, spacing, typography } from './tokens.js';

/** Wide tables scroll sideways in a region the keyboard can reach and that has a name. */
const Scroll = styled.div`
  overflow-x: auto;
  background: ${colors.whiteBase};
  border: 1px solid ${colors.depthLight1};
  ${smallScreen} {
    overflow-x: visible;
    background: none;
    border: 0;
  }
`;

const Frame = styled.div`
  margin-bottom: ${spacing.m};
  .scroll-hint {
    ${typography.bodyTextSmall}
    margin: 0 0 ${spacing.xxs};
  }
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
  /*
   * The design system's text breaks words anywhere (word-break: break-word), which lets a table
   * squeeze a column until names break mid-word even on a wide screen: in tables words stay whole
   * (and hyphenate by their language); on a phone the cards below give them the width.
   */
  th,
  td,
  th *,
  td * {
    word-break: normal;
  }
  th,
  td {
    /* Narrow side padding: eight columns of figures fit a 1366 px screen without scrolling. */
    padding: ${spacing.insetM} ${spacing.insetL};
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

  /* Cards: the row's cells one under another, each with its column's name. */
  ${smallScreen} {
    &,
    tbody,
    tfoot,
    tr,
    th,
    td {
      display: block;
    }
    caption {
      display: block;
      padding: 0 0 ${spacing.xs};
    }
    thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    /* A header row with controls (sort buttons) stays in view: the controls wrap above the cards. */
    thead:has(button, a, input, select) {
      position: static;
      display: block;
      width: auto;
      height: auto;
      overflow: visible;
      clip-path: none;
      white-space: normal;
      margin-bottom: ${spacing.xs};
      tr {
        display: flex;
        flex-wrap: wrap;
        gap: ${spacing.xxs} ${spacing.xs};
      }
      th {
        display: block;
        padding: 0;
        border: 0;
        background: none;
      }
      th:empty {
        display: none;
      }
    }
    tbody tr,
    tfoot tr {
      background: ${colors.whiteBase};
      border: 1px solid ${colors.depthLight1};
      margin-bottom: ${spacing.xs};
      padding: ${spacing.xs} ${spacing.s};
    }
    tfoot tr {
      border-top: 2px solid ${colors.depthBase};
    }
    th,
    td,
    tfoot th,
    tfoot td {
      border: 0;
      padding: ${spacing.xxs} 0;
      text-align: left;
    }
    .num {
      text-align: left;
      white-space: normal;
    }
    tbody th[scope='row'] {
      ${typography.bodySemiBold}
    }
    td:empty {
      display: none;
    }
    /* The label before its value, in the same flow: a value of several parts stays together. */
    :is(tbody, tfoot) :is(td, th)[data-label]::before {
      content: attr(data-label) ': ';
      /* Screen readers hear the column's header from the table itself: the label is for the eye. */
      content: attr(data-label) ': ' / '';
      font-weight: 600;
    }
  }
`;

/** A header's text without what is drawn for the eye only (a sort arrow marked aria-hidden). */
function spokenText(cell: HTMLElement): string {
  const copy = cell.cloneNode(true) as HTMLElement;
  for (const hidden of Array.from(copy.querySelectorAll('[aria-hidden="true"]'))) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ');
}

/**
 * Writes each body and footer cell's column name into data-label (shown before it on phones).
 * A cell spanning columns, and the row header (the card's title), get none.
 */
function labelCells(table: HTMLTableElement): void {
  const headerRow = table.tHead?.rows[table.tHead.rows.length - 1];
  const names: string[] = [];
  for (const cell of Array.from(headerRow?.cells ?? [])) {
    const name = (cell.dataset.label ?? spokenText(cell)).trim();
    for (let i = 0; i < cell.colSpan; i++) names.push(cell.colSpan > 1 ? '' : name);
  }
  const bodies = [...Array.from(table.tBodies), ...(table.tFoot ? [table.tFoot] : [])];
  for (const body of bodies) {
    for (const row of Array.from(body.rows)) {
      let column = 0;
      for (const cell of Array.from(row.cells)) {
        const isRowHeader = cell.tagName === 'TH' && cell.getAttribute('scope') === 'row';
        const name = cell.colSpan > 1 || isRowHeader ? '' : (names[column] ?? '');
        if (name) {
          if (cell.dataset.label !== name) cell.dataset.label = name;
        } else if (cell.hasAttribute('data-label')) cell.removeAttribute('data-label');
        column += cell.colSpan;
      }
    }
  }
}

/** Labels the cells now and whenever rows or headers change; says whether the table overflows. */
function useReflow(table: RefObject<HTMLTableElement | null>, region: RefObject<HTMLDivElement | null>) {
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const element = table.current;
    const frame = region.current;
    if (!element || !frame) return;
    labelCells(element);
    const mutations = new MutationObserver(() => labelCells(element));
    mutations.observe(element, { childList: true, subtree: true, characterData: true });
    const measure = () => setOverflows(frame.scrollWidth > frame.clientWidth + 1);
    measure();
    const sizes = new ResizeObserver(measure);
    sizes.observe(frame);
    sizes.observe(element);
    return () => {
      mutations.disconnect();
      sizes.disconnect();
    };
  }, [table, region]);
  return overflows;
}

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
  const hintId = useId();
  const { t } = useTranslation('common');
  const table = useRef<HTMLTableElement>(null);
  const region = useRef<HTMLDivElement>(null);
  const overflows = useReflow(table, region);
  return (
    <Frame>
      {overflows ? (
        <p className="scroll-hint" id={hintId}>
          {t('common:table.scrollHint')}
        </p>
      ) : null}
      <Scroll
        ref={region}
        role="region"
        aria-labelledby={id}
        aria-describedby={overflows ? hintId : undefined}
        tabIndex={0}
      >
        <Table ref={table}>
          <caption id={id} lang={captionLang}>
            {caption}
          </caption>
          {children}
        </Table>
      </Scroll>
    </Frame>
  );
}

type CellProps = { children?: ReactNode; numeric?: boolean; lang?: string | undefined; colSpan?: number };

/** A column's header. `label`: the column's name on the phone's cards, when its text is not one. */
export function ColumnHeader({ children, numeric, label }: CellProps & { label?: string }) {
  return (
    <th scope="col" className={numeric ? 'num' : undefined} data-label={label}>
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
