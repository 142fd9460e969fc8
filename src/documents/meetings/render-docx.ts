/**
 * A meeting document as a Word file (DOCX), from the same blocks as the HTML: real headings (the
 * navigation pane and screen readers use them), a table with a repeating header row for the
 * member/deputy columns, real bulleted lists.
 */
import {
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DocumentLanguage } from '../../domain/meetings.js';
import type { Block, ListItem, MeetingDocument } from './meeting-document.js';

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
};

const WORD_LANG: Record<DocumentLanguage, string> = { fi: 'fi-FI', sv: 'sv-FI' };
/** A run's language where it differs from the document's (Finnish text in Swedish minutes). */
const langOf = (lang: DocumentLanguage | undefined) => (lang ? { language: { value: WORD_LANG[lang] } } : {});

/** Free text: paragraphs by blank lines, "- " lines as bullets, other line breaks kept. */
function textParagraphs(text: string, lang?: DocumentLanguage): Paragraph[] {
  const result: Paragraph[] = [];
  for (const paragraph of text.split(/\n\s*\n/)) {
    let plain: string[] = [];
    const flush = () => {
      if (plain.length === 0) return;
      result.push(
        new Paragraph({
          children: plain.map((line, i) => new TextRun({ text: line, break: i === 0 ? 0 : 1, ...langOf(lang) })),
          spacing: { after: 120 },
        }),
      );
      plain = [];
    };
    for (const line of paragraph.split('\n')) {
      if (/^\s*-\s+/.test(line)) {
        flush();
        result.push(
          new Paragraph({
            children: [new TextRun({ text: line.replace(/^\s*-\s+/, ''), ...langOf(lang) })],
            bullet: { level: 0 },
          }),
        );
      } else {
        plain.push(line);
      }
    }
    flush();
  }
  return result;
}

const cell = (text: string, header = false) =>
  new TableCell({
    width: { size: 50, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })],
  });

function listRuns(item: ListItem): TextRun[] {
  if (typeof item === 'string') return [new TextRun(item)];
  return [new TextRun({ text: item.text, ...langOf(item.lang) }), ...(item.after ? [new TextRun(item.after)] : [])];
}

function blockContent(b: Block): (Paragraph | Table)[] {
  switch (b.type) {
    case 'title':
      return [
        new Paragraph({ children: [new TextRun({ text: b.kind.toUpperCase(), bold: true })] }),
        new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_1 }),
      ];
    case 'status':
      return [
        new Paragraph({ children: [new TextRun({ text: b.text, bold: true })], spacing: { before: 120, after: 120 } }),
      ];
    case 'facts':
      return b.rows.map(
        (r) =>
          new Paragraph({
            children: [
              new TextRun({ text: `${r.label}\t`, bold: true }),
              new TextRun(r.value),
              ...(r.link ? [new TextRun({ text: ` ${r.link}` })] : []),
            ],
            tabStops: [{ type: 'left', position: 1600 }],
            spacing: { after: 80 },
          }),
      );
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HeadingLevel.HEADING_2 })];
    case 'people':
      return [
        new Paragraph({ text: b.caption, heading: HeadingLevel.HEADING_2 }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ tableHeader: true, children: [cell(b.headers[0], true), cell(b.headers[1], true)] }),
            ...b.rows.map((row) => new TableRow({ children: [cell(row[0]), cell(row[1])] })),
          ],
        }),
      ];
    case 'list':
      return [
        ...(b.caption ? [new Paragraph({ text: b.caption, heading: HeadingLevel.HEADING_3 })] : []),
        ...b.items.map((item) => new Paragraph({ children: listRuns(item), bullet: { level: 0 } })),
      ];
    case 'item':
      return [
        new Paragraph({
          children: [new TextRun(`${b.number} § `), new TextRun({ text: b.title, ...langOf(b.lang) })],
          heading: HeadingLevel.HEADING_2,
        }),
      ];
    case 'field':
      return [new Paragraph({ text: b.label, heading: HeadingLevel.HEADING_3 }), ...textParagraphs(b.text, b.lang)];
    case 'signatures':
      return [
        new Paragraph({ text: '', spacing: { before: 600 } }),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [
            new TableRow({ children: b.people.map((p) => cell(p.name)) }),
            new TableRow({ children: b.people.map((p) => cell(p.role)) }),
          ],
        }),
      ];
  }
}

export async function renderMeetingDocx(document: MeetingDocument): Promise<Buffer> {
  const doc = new Document({
    title: document.title,
    creator: 'Teemaseuranta',
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: document.language === 'sv' ? 'sv-FI' : 'fi-FI' } },
        },
      },
    },
    sections: [{ children: document.blocks.flatMap(blockContent) }],
  });
  return Packer.toBuffer(doc);
}
