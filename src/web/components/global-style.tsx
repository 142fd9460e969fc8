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
  /*
   * Long words (Finnish compounds, Swedish too) hyphenate by the language of the element (lang on
   * <html> and on every fragment in another language) instead of running off a phone's screen;
   * breaking inside a word without a hyphen is the last resort, for what no dictionary knows.
   */
  html { -webkit-text-size-adjust: 100%; -webkit-hyphens: auto; hyphens: auto; }
  body { overflow-wrap: break-word; }
  /* Codes, addresses and numbers are not words. */
  code, kbd, samp, pre, input, [inputmode='numeric'], .num { -webkit-hyphens: manual; hyphens: manual; }
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
