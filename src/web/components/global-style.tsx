/** Page-wide styles and the bundled Source Sans 3 font (nothing is loaded from the web). */
import '@fontsource/source-sans-3/latin-300.css';
import '@fontsource/source-sans-3/latin-400.css';
import '@fontsource/source-sans-3/latin-600.css';
import '@fontsource/source-sans-3/latin-ext-400.css';
import '@fontsource/source-sans-3/latin-ext-600.css';
import { createGlobalStyle } from 'styled-components';
import { colors, focusRing, typography } from './tokens.js';

export const GlobalStyle = createGlobalStyle`
  *, *::before, *::after { box-sizing: border-box; }
  html { -webkit-text-size-adjust: 100%; }
  body {
    margin: 0;
    ${typography.bodyText}
    color: ${colors.blackBase};
    background: ${colors.depthLight3};
  }
  /* Every focusable thing shows where the keyboard is; headings focused after navigation too. */
  a:focus-visible, button:focus-visible, input:focus-visible, [tabindex]:focus-visible, summary:focus-visible {
    outline: 3px solid transparent; /* shows in Windows high-contrast mode */
    ${focusRing}
  }
  h1[tabindex='-1']:focus { outline: none; }
  h1[tabindex='-1']:focus-visible { ${focusRing} }
  abbr[title] { text-decoration: underline dotted; }
`;
