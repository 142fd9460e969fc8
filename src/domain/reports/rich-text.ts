/**
 * Rich text of the report sections: paragraphs, lists and links, nothing else. Whatever HTML an
 * editor sends is reduced to this structure on the server (tags outside it are removed, their text
 * kept; script-like elements are removed with their content; only http, https and mailto links
 * survive), so what is stored and later compiled into the review cannot carry markup or code.
 *
 * Length is counted in UTF-16 code units of the plain text, blocks and list items separated by one
 * line break: the count a browser's `maxLength`/characterLimit shows for the same text in a textarea.
 */

export type Inline = { type: 'text'; text: string } | { type: 'link'; href: string; text: string };
export type Block = { type: 'paragraph'; content: Inline[] } | { type: 'list'; ordered: boolean; items: Inline[][] };
export type RichText = Block[];

/** Elements removed together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'template',
  'iframe',
  'object',
  'embed',
  'noscript',
  'textarea',
  'title',
  'head',
  'svg',
  'math',
  'select',
  'button',
]);
/** Elements that end the current paragraph (their text becomes a paragraph of its own). */
const BLOCK_BREAK = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'table',
  'tr',
  'td',
  'th',
  'figure',
  'hr',
  'br',
  'address',
  'dl',
  'dt',
  'dd',
]);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  euro: '€',
  shy: '',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code =
        entity[1] === 'x' || entity[1] === 'X'
          ? Number.parseInt(entity.slice(2), 16)
          : Number.parseInt(entity.slice(1), 10);
      // Surrogates and out-of-range code points are not characters; drop them rather than throw.
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** http, https and mailto only; anything else (javascript:, data:, relative paths) is not a link. */
export function safeHref(raw: string): string | null {
  const href = decodeEntities(raw)
    .trim()
    // Control characters are what this strips: browsers skip them inside a scheme ("java\0script:").
    // eslint-disable-next-line no-control-regex -- matching them is the point, not a mistake
    .replace(/[\u0000-\u001f\u007f\s]/g, (c) => (c === ' ' ? '%20' : ''));
  if (href.length > 2000) return null;
  if (/^mailto:[^\s@<>"]+@[^\s@<>"]+$/i.test(href)) return href;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function attribute(attributes: string, name: string): string | null {
  const match = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : null;
}

// No part of a tag may run past the next "<", so a malformed document costs linear time.
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>|([^<]+)|</g;

/** Reduces any HTML to paragraphs, lists and links. Never throws. */
export function sanitizeHtml(html: string): RichText {
  const blocks: RichText = [];
  let inline: Inline[] = [];
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  let listDepth = 0;
  let inItem = false;
  let link: { href: string | null; text: string } | null = null;
  let dropping: string | null = null;
  let dropDepth = 0;

  const pushText = (text: string) => {
    if (text === '') return;
    if (link) {
      link.text += text;
      return;
    }
    const last = inline.at(-1);
    if (last?.type === 'text') last.text += text;
    else inline.push({ type: 'text', text });
  };
  const closeLink = () => {
    if (!link) return;
    const { href, text } = link;
    link = null;
    if (href && normalizeSpace(text) !== '') inline.push({ type: 'link', href, text });
    else pushText(text);
  };
  const flushInline = () => {
    closeLink();
    const content = tidy(inline);
    inline = [];
    if (content.length === 0) return;
    if (list) list.items.push(content);
    else blocks.push({ type: 'paragraph', content });
  };
  const closeList = () => {
    flushInline();
    if (list && list.items.length > 0) blocks.push({ type: 'list', ordered: list.ordered, items: list.items });
    list = null;
    inItem = false;
  };

  for (const match of html.matchAll(TOKEN)) {
    const [whole, closing, rawName, attributes = '', text] = match;
    if (dropping) {
      const name = rawName?.toLowerCase();
      if (name === dropping) dropDepth += closing ? -1 : 1;
      if (dropDepth === 0) dropping = null;
      continue;
    }
    if (text !== undefined) {
      pushText(decodeEntities(text));
      continue;
    }
    if (!rawName) {
      // A lone "<" is text; comments, doctypes and processing instructions are dropped.
      if (whole === '<') pushText('<');
      continue;
    }
    const name = rawName.toLowerCase();
    const selfClosing = /\/\s*$/.test(attributes);
    if (DROP_WITH_CONTENT.has(name)) {
      if (!closing && !selfClosing) {
        dropping = name;
        dropDepth = 1;
      }
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      if (closing) {
        listDepth = Math.max(0, listDepth - 1);
        if (listDepth === 0) closeList();
        else flushInline();
      } else {
        // Nested lists are flattened into the outer one: the template has one level of list.
        if (listDepth === 0) {
          flushInline();
          list = { ordered: name === 'ol', items: [] };
        } else flushInline();
        listDepth++;
      }
      continue;
    }
    if (name === 'li') {
      if (!list) {
        // An item outside a list starts an unordered list of its own.
        flushInline();
        list = { ordered: false, items: [] };
        listDepth = Math.max(listDepth, 0);
      }
      flushInline();
      inItem = !closing;
      continue;
    }
    if (name === 'a') {
      if (closing) closeLink();
      else {
        closeLink();
        const href = attribute(attributes, 'href');
        link = { href: href === null ? null : safeHref(href), text: '' };
      }
      continue;
    }
    if (BLOCK_BREAK.has(name)) {
      flushInline();
      // Text after a block inside a list item stays in the list; outside lists a list that was
      // opened by a stray <li> ends here.
      if (list && listDepth === 0 && !inItem) closeList();
      continue;
    }
    // Any other element (strong, em, span, u, font…) is removed and its text kept.
  }
  closeList();
  return blocks;
}

function normalizeSpace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Collapses white space as HTML renders it and drops empty pieces. */
function tidy(content: Inline[]): Inline[] {
  const result: Inline[] = [];
  for (const piece of content) {
    const text = piece.text.replace(/[\t\n\r\f ]+/g, ' ');
    if (text === '') continue;
    const last = result.at(-1);
    if (piece.type === 'text' && last?.type === 'text') last.text += text;
    else result.push({ ...piece, text });
  }
  const first = result[0];
  if (first) first.text = first.text.replace(/^[ \u00a0]+/, '');
  const last = result.at(-1);
  if (last) last.text = last.text.replace(/[ \u00a0]+$/, '');
  return result.filter((piece) => piece.text !== '');
}

const inlineText = (content: Inline[]) => content.map((piece) => piece.text).join('');

/** The text a reader sees, blocks and list items on lines of their own. */
export function plainText(blocks: RichText): string {
  return blocks
    .map((block) => (block.type === 'paragraph' ? inlineText(block.content) : block.items.map(inlineText).join('\n')))
    .join('\n');
}

/** UTF-16 code units, like `textarea.value.length` and suomifi's characterLimit. */
export function countCharacters(blocks: RichText): number {
  return plainText(blocks).length;
}

function inlineHtml(content: Inline[]): string {
  return content
    .map((piece) =>
      piece.type === 'link'
        ? `<a href="${escapeHtml(piece.href)}">${escapeHtml(piece.text)}</a>`
        : escapeHtml(piece.text),
    )
    .join('');
}

/** The only HTML the system writes for rich text. */
export function toHtml(blocks: RichText): string {
  return blocks
    .map((block) => {
      if (block.type === 'paragraph') return `<p>${inlineHtml(block.content)}</p>`;
      const tag = block.ordered ? 'ol' : 'ul';
      return `<${tag}>${block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}

/** Plain text (paragraphs separated by blank lines, "- " items) to rich text; for imports and tests. */
export function fromPlainText(text: string): RichText {
  const blocks: RichText = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((line) => /^[-•*]\s+/.test(line))) {
      blocks.push({
        type: 'list',
        ordered: false,
        items: lines.map((line) => [{ type: 'text', text: line.replace(/^[-•*]\s+/, '') }]),
      });
    } else {
      blocks.push({ type: 'paragraph', content: [{ type: 'text', text: lines.join(' ') }] });
    }
  }
  return blocks;
}

// ---- The web editor's plain-text form ---------------------------------------------------------
// The report editor is a textarea (suomifi's, with its character counter). A section shows there as
// one line per paragraph and per list item; list items start with "• " (ordered ones with "1. "),
// and a link whose text is not its address shows as "text (address)". Typed back, lines starting
// with "- ", "* " or "• " become list items, "1. " or "1) " ordered ones, and bare http(s) addresses
// become links. What the textarea counts is never less than what the server counts for the text
// it saves (markers and blank lines are not counted there), so text the counter accepts is accepted.

const BULLET = /^[-*•]\s+/;
const NUMBERED = /^\d{1,3}[.)]\s+/;
/** An http(s) address in running text; trailing punctuation belongs to the sentence. */
const ADDRESS = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)'\]]/g;

function inlineEditorText(content: Inline[]): string {
  // A link written as its own address shows as that address; any other link keeps its address in brackets.
  return content
    .map((piece) =>
      piece.type === 'link' && safeHref(piece.text) !== piece.href ? `${piece.text} (${piece.href})` : piece.text,
    )
    .join('');
}

/** A section as the editor's textarea shows it. */
export function toEditorText(blocks: RichText): string {
  return blocks
    .map((block) =>
      block.type === 'paragraph'
        ? inlineEditorText(block.content)
        : block.items
            .map((item, index) => `${block.ordered ? `${index + 1}. ` : '• '}${inlineEditorText(item)}`)
            .join('\n'),
    )
    .join('\n');
}

function linkify(line: string): Inline[] {
  const content: Inline[] = [];
  let at = 0;
  for (const match of line.matchAll(ADDRESS)) {
    const href = safeHref(match[0]);
    if (!href) continue;
    if (match.index > at) content.push({ type: 'text', text: line.slice(at, match.index) });
    content.push({ type: 'link', href, text: match[0] });
    at = match.index + match[0].length;
  }
  if (at < line.length) content.push({ type: 'text', text: line.slice(at) });
  return content;
}

/** What the editor's textarea holds, as rich text (then sent as HTML with `toHtml`). */
export function fromEditorText(text: string): RichText {
  const blocks: RichText = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line === '') continue;
    const ordered = NUMBERED.test(line);
    const item = ordered || BULLET.test(line);
    if (!item) {
      blocks.push({ type: 'paragraph', content: linkify(line) });
      continue;
    }
    const content = linkify(line.replace(ordered ? NUMBERED : BULLET, ''));
    const last = blocks.at(-1);
    if (last?.type === 'list' && last.ordered === ordered) last.items.push(content);
    else blocks.push({ type: 'list', ordered, items: [content] });
  }
  return blocks;
}
