/**
 * A meeting document as one self-contained, semantic HTML page: headings for the items (the PDF's
 * bookmarks), a table with header cells for the member/deputy columns, lists, and the font embedded,
 * so the PDF renderer needs nothing from outside. Page numbers sit in the page margin; a heading is
 * kept with what follows it and keeps its spaces where it wraps.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Block, ListItem, MeetingDocument } from './meeting-document.js';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Free text as the secretary writes it: paragraphs split by a blank line, lines starting with "- "
 * a bulleted list, other line breaks kept.
 */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => {
      const lines = paragraph.split('\n');
      const out: string[] = [];
      let list: string[] = [];
      let plain: string[] = [];
      const flushList = () => {
        if (list.length > 0) out.push(`<ul>${list.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`);
        list = [];
      };
      const flushPlain = () => {
        if (plain.length > 0) out.push(`<p>${plain.map(escape).join('<br>')}</p>`);
        plain = [];
      };
      for (const line of lines) {
        if (/^\s*-\s+/.test(line)) {
          flushPlain();
          list.push(line.replace(/^\s*-\s+/, ''));
        } else {
          flushList();
          plain.push(line);
        }
      }
      flushPlain();
      flushList();
      return out.join('');
    })
    .join('\n');
}

let fontCss: string | null = null;
/** Source Sans 3 (regular and bold, Latin and Latin Extended), embedded as data URLs. */
export function embeddedFonts(): string {
  if (fontCss !== null) return fontCss;
  const require = createRequire(import.meta.url);
  const face = (subset: string, weight: number, range: string) => {
    const file = require.resolve(`@fontsource/source-sans-3/files/source-sans-3-${subset}-${weight}-normal.woff2`);
    return `@font-face{font-family:'Source Sans 3';font-weight:${weight};font-style:normal;src:url(data:font/woff2;base64,${readFileSync(file).toString('base64')}) format('woff2');unicode-range:${range};}`;
  };
  const latin =
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
  const latinExt =
    'U+0100-02AF,U+0304,U+0308,U+0329,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';
  fontCss = [
    face('latin', 400, latin),
    face('latin', 700, latin),
    face('latin-ext', 400, latinExt),
    face('latin-ext', 700, latinExt),
  ].join('\n');
  return fontCss;
}

const STYLE = `
body{font-family:'Source Sans 3',sans-serif;font-size:11pt;line-height:1.4;color:#1a1a1a;margin:0}
.kind{text-transform:uppercase;letter-spacing:.05em;font-weight:700;margin:0 0 .2em}
h1{font-size:15pt;margin:0 0 .8em}
h1,h2,h3{white-space:pre-wrap;break-after:avoid}
h2{font-size:12.5pt;margin:0 0 .4em;padding-top:1.4em}
h3{font-size:11pt;margin:0 0 .2em;padding-top:.8em}
.status{border-left:4px solid #b35c00;padding:.2em .6em;font-weight:700}
dl.facts{display:grid;grid-template-columns:7em 1fr;gap:.2em 1em;margin:0 0 1em}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
table{border-collapse:collapse;width:100%;margin:.3em 0 .8em}
caption{text-align:left;font-weight:700;padding:.2em 0}
th,td{text-align:left;vertical-align:top;padding:.15em .5em .15em 0;width:50%}
.field h3{display:inline}
ul{margin:.2em 0 .6em;padding-left:1.4em}
.signatures{display:flex;gap:4em;margin-top:3em;break-inside:avoid}
.signatures p{margin:0}
`;

/** A list line, its text marked with its language where that differs from the document's. */
function listItem(item: ListItem): string {
  if (typeof item === 'string') return escape(item);
  const text = item.lang ? `<span lang="${item.lang}">${escape(item.text)}</span>` : escape(item.text);
  return `${text}${item.after ? escape(item.after) : ''}`;
}

function block(b: Block): string {
  switch (b.type) {
    case 'title':
      return `<header><p class="kind">${escape(b.kind)}</p><h1>${escape(b.text)}</h1></header>`;
    case 'status':
      return `<p class="status">${escape(b.text)}</p>`;
    case 'facts':
      return `<dl class="facts">${b.rows
        .map(
          (r) =>
            `<dt>${escape(r.label)}</dt><dd>${escape(r.value)}${r.link ? ` <a href="${escape(r.link)}">${escape(r.link)}</a>` : ''}</dd>`,
        )
        .join('')}</dl>`;
    case 'heading':
      return `<h2>${escape(b.text)}</h2>`;
    case 'people':
      return `<section><h2>${escape(b.caption)}</h2><table><thead><tr><th scope="col">${escape(b.headers[0])}</th><th scope="col">${escape(b.headers[1])}</th></tr></thead><tbody>${b.rows
        .map((row) => `<tr><td>${escape(row[0])}</td><td>${escape(row[1])}</td></tr>`)
        .join('')}</tbody></table></section>`;
    case 'list':
      return `${b.caption ? `<h3>${escape(b.caption)}</h3>` : ''}<ul>${b.items.map((i) => `<li>${listItem(i)}</li>`).join('')}</ul>`;
    case 'item':
      return `<h2 id="item-${b.number}">${b.number} § ${b.lang ? `<span lang="${b.lang}">${escape(b.title)}</span>` : escape(b.title)}</h2>`;
    case 'field':
      return `<h3>${escape(b.label)}</h3>${b.lang ? `<div lang="${b.lang}">${textToHtml(b.text)}</div>` : textToHtml(b.text)}`;
    case 'signatures':
      return `<section class="signatures" aria-label="${escape(b.people.map((p) => p.role).join(', '))}">${b.people
        .map((p) => `<div><p>${escape(p.name)}</p><p>${escape(p.role)}</p></div>`)
        .join('')}</section>`;
  }
}

/**
 * "sivu 2 / 5" in the page's bottom margin (a CSS margin box, in the embedded font). No `size` here:
 * the renderer sets A4, and a size in CSS makes Chromium write each bookmark's text twice. Headings
 * space themselves with padding, not a top margin, for the same reason: a heading that starts a
 * page has its margin truncated, Chromium lays it out again and its bookmark read "2 § …2 § …".
 */
const pageNumbers = (language: string) =>
  `@page{margin:20mm 20mm 22mm 20mm;@bottom-right{content:"${language === 'sv' ? 'sida' : 'sivu'} " counter(page) " / " counter(pages);font-family:'Source Sans 3',sans-serif;font-size:9pt;color:#333}}`;

export function renderMeetingHtml(document: MeetingDocument): string {
  return `<!doctype html>
<html lang="${document.language}">
<head>
<meta charset="utf-8">
<title>${escape(document.title)}</title>
<style>${embeddedFonts()}${pageNumbers(document.language)}${STYLE}</style>
</head>
<body>
<main>
${document.blocks.map(block).join('\n')}
</main>
</body>
</html>
`;
}
