/**
 * How every page prints: the content alone, black on white. The header, navigation, search, skip
 * link, footer and every button stay off paper (a button does nothing there); a link prints its
 * address after its text, since paper cannot be clicked (addresses inside the service print as
 * written, e.g. "/fi/themes/…"); a table row, a figure or a heading with what follows is not cut
 * across pages. Anything marked `.no-print` stays on screen only; `.print-only` the other way round.
 */
import { createGlobalStyle } from 'styled-components';

export const PrintStyle = createGlobalStyle`
  .print-only { display: none; }
  @media print {
    @page { margin: 15mm 12mm; }
    html, body { background: #fff !important; color: #000 !important; }
    body { font-size: 11pt; }
    /* Text black; panels lose their tints and shadows. Charts keep their colours (they carry meaning). */
    p, li, td, th, dt, dd, h1, h2, h3, h4, h5, a, span, strong, small, caption, label, legend {
      color: #000 !important;
    }
    main, main section, main article, main aside, main table, main tr, main th, main td {
      background-color: transparent !important;
      box-shadow: none !important;
    }
    svg, [data-chart] { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    header:not(main header), footer:not(main footer), nav, button, [role='search'], .no-print,
    a[href='#main'], dialog { display: none !important; }
    .print-only { display: block !important; }
    main { padding: 0 !important; margin: 0 !important; }
    /* A wide table scrolls inside its region on screen; paper cannot scroll, so nothing is cut off. */
    main div, main section { overflow: visible !important; }
    main a[href]::after {
      content: ' (' attr(href) ')';
      font-size: 90%;
      word-break: break-all;
    }
    main a[href^='#']::after, main a[href^='javascript:']::after { content: ''; }
    table { border-collapse: collapse; width: 100% !important; }
    thead { display: table-header-group; }
    tr, td, th, figure, img, svg, blockquote, pre, li { break-inside: avoid; page-break-inside: avoid; }
    th, td { border: 1px solid #000 !important; }
    h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
    /* Regions that scroll on screen print whole. */
    [role='region'], div { overflow: visible !important; max-height: none !important; }
    details { display: block; }
  }
`;
