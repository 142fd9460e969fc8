/**
 * A .docx document as the lines the review and description importers read: one line per paragraph,
 * heading and list item, list items marked as the text extracted from a PDF marks them ("• ", or
 * "1) " in a numbered list) and hyperlinks kept with their text as `[text](address)`, which the
 * importers turn back into links. mammoth gives the document as simple HTML; only its paragraphs,
 * lists, line breaks and links are read, everything else keeps its text.
 */
import { decodeEntities } from '../domain/reports/rich-text.js';

export async function docxToText(buffer: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const { value } = await mammoth.convertToHtml({ buffer });
  return htmlToLines(value);
}

/** mammoth's HTML (well formed, no attributes but href) into lines. */
export function htmlToLines(html: string): string {
  const lines: string[] = [];
  let line = '';
  const lists: { ordered: boolean; count: number }[] = [];
  let link: { href: string; text: string } | null = null;
  const end = () => {
    // A list item's marker waits for the item's text (an item may hold a paragraph).
    if (/^(?:•|\d+\))\s*$/.test(line)) return;
    if (line.trim() !== '') lines.push(line.replace(/\s+/g, ' ').trim());
    line = '';
  };
  for (const token of html.split(/(<[^>]+>)/)) {
    if (token === '') continue;
    if (!token.startsWith('<')) {
      const text = decodeEntities(token);
      if (link) link.text += text;
      else line += text;
      continue;
    }
    const tag = /^<\/?([a-z0-9]+)/i.exec(token)?.[1]?.toLowerCase() ?? '';
    const closing = token.startsWith('</');
    if (tag === 'ul' || tag === 'ol') {
      if (closing) lists.pop();
      else lists.push({ ordered: tag === 'ol', count: 0 });
      end();
    } else if (tag === 'li' && !closing) {
      end();
      const list = lists.at(-1);
      if (list) {
        list.count++;
        line = list.ordered ? `${list.count}) ` : '• ';
      }
    } else if (/^(p|h[1-6]|li|tr|td|th|table)$/.test(tag)) end();
    else if (tag === 'br') end();
    else if (tag === 'a' && !closing) {
      const href = /href="([^"]*)"/.exec(token)?.[1];
      link = href && /^(https?:|mailto:)/i.test(decodeEntities(href)) ? { href: decodeEntities(href), text: '' } : null;
    } else if (tag === 'a' && closing && link) {
      const text = link.text.trim();
      // An address linked to itself ("https://…", or "etunimi@…" to "mailto:etunimi@…") stays as it is.
      const bare = link.href.replace(/^mailto:/i, '');
      line += text === '' ? bare : text === link.href || text === bare ? text : `[${text}](${link.href})`;
      link = null;
    }
  }
  end();
  return lines.join('\n');
}
